"""Language markup of rendered pages: <html lang dir>, hreflang alternates, language switcher."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from wagtail_integration.translation import page_translations, translate_page_tree

from . import factories

LANGUAGES = ("en", "tr", "ar", "uk")


@pytest.fixture
def page(db):
    return factories.NetworkPageFactory(title="Netzwerk", introduction="<p>Hallo</p>")


def translate(page, codes, user=None, capture=None):
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in codes]
    with capture(execute=True):
        translate_page_tree(page, locales, user=user)
    return {code: page.get_translation(locale) for code, locale in zip(codes, locales, strict=True)}


def soup_of(url: str) -> BeautifulSoup:
    response = Client().get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_html_lang_and_dir_follow_the_page_locale(page, django_capture_on_commit_callbacks):
    translations = translate(page, ["en", "ar"], capture=django_capture_on_commit_callbacks)
    german = soup_of(page.url).html
    assert (german["lang"], german["dir"]) == ("de", "ltr")
    assert soup_of(translations["en"].url).html["lang"] == "en"
    arabic = soup_of(translations["ar"].url).html
    assert (arabic["lang"], arabic["dir"]) == ("ar", "rtl")


def test_single_language_page_has_no_alternates_and_no_switcher(page):
    soup = soup_of(page.url)
    assert not soup.find_all("link", rel="alternate")
    assert not soup.select("nav.wi-language-switcher")


def test_hreflang_alternates_list_live_translations_only(page, django_capture_on_commit_callbacks):
    translations = translate(page, ["en", "ar", "tr"], capture=django_capture_on_commit_callbacks)
    translations["tr"].unpublish()
    soup = soup_of(translations["en"].url)
    links = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    assert links == {
        "de": "http://localhost" + page.url,
        "en": "http://localhost" + translations["en"].url,
        "ar": "http://localhost" + translations["ar"].url,
        "x-default": "http://localhost" + page.url,
    }


def test_language_switcher_names_each_language_in_itself(page, django_capture_on_commit_callbacks):
    translations = translate(page, ["en", "ar", "uk"], capture=django_capture_on_commit_callbacks)
    translations["uk"].unpublish()
    soup = soup_of(translations["ar"].url)
    (nav,) = soup.select("nav.wi-language-switcher")
    assert nav["aria-label"]
    links = nav.select("ul > li > a")
    assert [(a["lang"], a["hreflang"], a.get_text(strip=True)) for a in links] == [
        ("de", "de", "Deutsch"),
        ("en", "en", "English"),
        ("ar", "ar", "العربية"),
    ]
    assert [a["href"] for a in links] == [page.url, translations["en"].url, translations["ar"].url]
    current = [a for a in links if a.get("aria-current") == "page"]
    assert [a["lang"] for a in current] == ["ar"]
    assert links[2]["dir"] == "rtl" and links[0]["dir"] == "ltr"


def test_translations_cost_one_query_whatever_the_number_of_languages(
    page, rf, django_capture_on_commit_callbacks
):
    def queries(source) -> int:
        request = rf.get("/")
        page_translations(source, request)  # warm the per-request site root cache
        with CaptureQueriesContext(connection) as context:
            result = page_translations(source, request)
        return len(context.captured_queries), len(result)

    translate(page, ["en"], capture=django_capture_on_commit_callbacks)
    few = queries(page)
    translate(page, LANGUAGES, capture=django_capture_on_commit_callbacks)
    many = queries(page)
    assert few[1] == 2 and many[1] == 1 + len(LANGUAGES)
    assert few[0] == many[0] <= 2  # the pages with their locales, and view restrictions


def test_easy_to_read_german_is_a_locale_of_its_own(page, django_capture_on_commit_callbacks):
    assert ("de-x-ls", "Leichte Sprache") in settings.LANGUAGES
    assert ("de-x-ls", "Leichte Sprache") in settings.WAGTAIL_CONTENT_LANGUAGES
    translations = translate(page, ["de-x-ls"], capture=django_capture_on_commit_callbacks)
    easy = translations["de-x-ls"]
    assert easy.url.startswith("/de-x-ls/")
    response = Client().get(easy.url)
    assert response.status_code == 200
    assert response["Content-Language"] == "de-x-ls"  # LocaleMiddleware accepted the prefix
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == ("de-x-ls", "ltr")
    # Interface texts fall back to German.
    assert soup.select_one(".wi-skip-link").get_text(strip=True) == "Direkt zum Inhalt"
    links = soup.select("nav.wi-language-switcher a")
    assert [(a["hreflang"], a.get_text(strip=True)) for a in links] == [
        ("de", "Deutsch"),
        ("de-x-ls", "Leichte Sprache"),
    ]
    alternates = {link["hreflang"] for link in soup.find_all("link", rel="alternate")}
    assert alternates == {"de", "de-x-ls", "x-default"}
