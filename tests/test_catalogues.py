"""Public pages read in their own language: the interface text of a press release comes from
the Turkish, Arabic and Ukrainian catalogues, and Leichte Sprache falls back to German."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Locale

from wagtail_integration.translation import translate_page_tree

from . import factories

# Interface labels of every press release page: skip link (base template), kicker, media
# heading, publisher and press contact headings (press release template).
SELECTORS = (".wi-skip-link", ".wi-kicker", ".wi-section--media h2", ".wi-page__footer h2")
EXPECTED = {
    "en": (
        "Skip to main content",
        "Press release",
        "Media for download",
        "Publisher",
        "Press contact",
    ),
    "de": (
        "Direkt zum Inhalt",
        "Pressemitteilung",
        "Medien zum Download",
        "Herausgeber",
        "Pressekontakt",
    ),
    "tr": (
        "Ana içeriğe geç",
        "Basın bülteni",
        "İndirilebilir medya",
        "Yayımlayan",
        "Basın irtibatı",
    ),
    "ar": (
        "انتقل إلى المحتوى الرئيسي",
        "بيان صحفي",
        "وسائط للتنزيل",
        "الناشر",
        "جهة الاتصال الصحفي",
    ),
    "uk": (
        "Перейти до основного вмісту",
        "Пресреліз",
        "Медіа для завантаження",
        "Видавець",
        "Контакт для преси",
    ),
}


@pytest.fixture
def release(db, django_capture_on_commit_callbacks):
    page = factories.full_press_release_page(media=1, events=1)
    codes = ["tr", "ar", "uk", "de-x-ls"]
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in codes]
    with django_capture_on_commit_callbacks(execute=True):
        translate_page_tree(page, locales, include_related_objects=False)
    return {"de": page} | {
        code: page.get_translation(locale) for code, locale in zip(codes, locales, strict=True)
    }


def rendered(page) -> BeautifulSoup:
    response = Client().get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content, "html.parser")


def labels(soup: BeautifulSoup) -> tuple[str, ...]:
    return tuple(
        " ".join(element.get_text(" ").split())
        for selector in SELECTORS
        for element in soup.select(selector)
    )


def test_german_labels_are_the_reference(release):
    assert labels(rendered(release["de"])) == EXPECTED["de"]


@pytest.mark.parametrize("code", ["tr", "ar", "uk"])
def test_press_release_interface_reads_in_the_page_language(release, code):
    soup = rendered(release[code])
    assert soup.html["lang"] == code
    assert labels(soup) == EXPECTED[code]
    text = " ".join(soup.get_text(" ").split())
    # The content is still the German source; no English interface text may leak in either.
    assert not [english for english in EXPECTED["en"] if english in text]


def test_arabic_page_is_right_to_left(release):
    soup = rendered(release["ar"])
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")


def test_leichte_sprache_page_gets_german_interface_text(release):
    soup = rendered(release["de-x-ls"])
    assert (soup.html["lang"], soup.html["dir"]) == ("de-x-ls", "ltr")
    assert labels(soup) == EXPECTED["de"]


def load_check():
    path = Path(__file__).resolve().parent.parent / ".ci" / "check_catalogues.py"
    spec = importlib.util.spec_from_file_location("check_catalogues", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("code", ["de", "en", "tr", "ar", "uk"])
def test_every_translation_keeps_the_placeholders_of_its_msgid(code):
    check = load_check()
    po = polib.pofile(str(check.PACKAGE / "locale" / code / "LC_MESSAGES" / "django.po"))
    assert check.placeholder_problems(code, po) == []
    if code != "en":
        assert not po.untranslated_entries() and not po.fuzzy_entries()


def test_a_changed_placeholder_is_reported():
    check = load_check()
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Photo: %(credit)s", msgstr="Fotoğraf: %(kredi)s"))
    po.append(polib.POEntry(msgid="{count} rows", msgstr="{count} satır"))
    plural = polib.POEntry(
        msgid="%(count)s photo",
        msgid_plural="%(count)s photos",
        msgstr_plural={0: "%(count)s صورة", 1: "صورة واحدة"},
    )
    po.append(plural)
    problems = check.placeholder_problems("xx", po)
    assert len(problems) == 2, problems
    assert "%(kredi)s" in problems[0] and "صورة واحدة" in problems[1]
