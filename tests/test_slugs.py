"""German slugs (``slugs.py``): ä → ae, ö → oe, ü → ue, ß → ss for the package's page types,
on the server (a page saved without a slug) and in the admin's slug widget (its formatters;
the browser test types a title)."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings
from wagtail import VERSION as WAGTAIL_VERSION
from wagtail.models import Page

from example_site.example_site.home.models import ContentPage
from wagtail_integration.models import NetworkPage, ProjectPage
from wagtail_integration.slugs import german_slugify, transliterates

from . import factories as f

TITLE = "Übersicht für Zuwanderer"
SLUG = "uebersicht-fuer-zuwanderer"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (TITLE, SLUG),
        ("Straße der Begegnung", "strasse-der-begegnung"),
        ("ÄRZTE ÖFFNEN ÜBERALL", "aerzte-oeffnen-ueberall"),
        ("Grüße aus Gütersloh", "gruesse-aus-guetersloh"),
        # "ü" as "u" plus a combining diaeresis, as pasted from some PDFs
        ("Bu\u0308rgerbu\u0308ro", "buergerbuero"),
        ("Sprachcafé Köln", "sprachcafe-koeln"),
    ],
)
def test_german_slugify(settings, title, slug):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = False
    assert german_slugify(title) == slug


def test_german_slugify_keeps_other_letters_where_wagtail_allows_unicode(settings):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = True
    assert german_slugify("Übersicht für Zuwanderer") == SLUG
    assert german_slugify("Café Çiçek") == "café-çiçek"


@pytest.mark.parametrize("unicode_slugs", [True, False])
def test_a_package_page_saved_without_a_slug_gets_a_german_one(settings, root_page, unicode_slugs):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = unicode_slugs
    page = root_page.add_child(instance=ProjectPage(title=TITLE))
    assert page.slug == SLUG
    assert page.url_path.endswith(f"/{SLUG}/")
    # A sibling of the same title: unique, as Wagtail's own slugs.
    second = Page.objects.get(pk=root_page.pk).add_child(instance=NetworkPage(title=TITLE))
    assert second.slug == f"{SLUG}-2"


def test_a_given_slug_is_kept(root_page):
    page = root_page.add_child(instance=ProjectPage(title=TITLE, slug="uebersicht"))
    assert page.slug == "uebersicht"


def test_pages_in_other_languages_keep_wagtails_slugs(settings, root_page, locale_en):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = False
    page = root_page.add_child(instance=ProjectPage(title="Göç ve uyum", locale=locale_en))
    assert page.slug == "goc-ve-uyum"  # Django's slugify, not "goec"


def test_the_setting_switches_it_off(settings, root_page):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = False
    settings.WAGTAIL_INTEGRATION = {"SLUG_TRANSLITERATION_LANGUAGES": []}
    page = root_page.add_child(instance=ProjectPage(title=TITLE))
    assert page.slug == "ubersicht-fur-zuwanderer"


def test_regional_german_counts_as_german(settings):
    assert transliterates("de") and transliterates("de-at") and transliterates("DE-CH")
    assert not transliterates("en") and not transliterates("dea") and not transliterates(None)
    with override_settings(WAGTAIL_INTEGRATION={"SLUG_TRANSLITERATION_LANGUAGES": ["de-at"]}):
        assert transliterates("de-at") and not transliterates("de")


def test_the_example_sites_content_page_gets_german_slugs_too(settings, root_page):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = False
    page = root_page.add_child(instance=ContentPage(title="Datenschutzerklärung für Bürger"))
    assert page.slug == "datenschutzerklaerung-fuer-buerger"


def slug_input(html: str) -> str:
    start = html.index('id="id_slug"')
    return html[html.rindex("<input", 0, start) : html.index(">", start) + 1]


def formatters(tag: str) -> list:
    marker = 'data-w-slug-formatters-value="'
    if marker not in tag:
        return []
    raw = tag.split(marker, 1)[1].split('"', 1)[0]
    return json.loads(raw.replace("&quot;", '"'))


# Wagtail 7's slug widget has no ``formatters`` option: there only the server-side slug applies.
@pytest.mark.skipif(WAGTAIL_VERSION < (8,), reason="Wagtail 7's slug widget has no formatters")
def test_the_admin_slug_widget_transliterates_on_german_pages(admin_client, root_page, locale_en):
    html = admin_client.get(
        f"/admin/pages/add/wagtail_integration/networkpage/{root_page.pk}/"
    ).content.decode()
    # Each formatter: [[regex, flags], replacement]
    replacements = {regex[0]: new for regex, new in formatters(slug_input(html))}
    assert {replacements[letter] for letter in "äöüß"} == {"ae", "oe", "ue", "ss"}
    assert replacements["Ü"] == "Ue"
    # An English page's form keeps Wagtail's widget.
    root_en = root_page.copy_for_translation(locale_en)
    html = admin_client.get(
        f"/admin/pages/add/wagtail_integration/networkpage/{root_en.pk}/"
    ).content.decode()
    assert formatters(slug_input(html)) == []


def test_factories_are_unaffected(root_page):
    page = f.ProjectPageFactory(title=TITLE)
    assert page.slug.startswith("ubersicht-fur-zuwanderer-")  # the factory sets its own
