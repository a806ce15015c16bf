"""sitemap.xml: every language's pages, each with hreflang alternates of its translations."""

from __future__ import annotations

import io

import pytest
from defusedxml import ElementTree
from django.db import connection, reset_queries
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Locale, PageViewRestriction

from wagtail_integration.translation import translate_page_tree

from .. import factories as f

BASE = "http://localhost"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap() -> dict[str, dict[str, str]]:
    """``{location: {hreflang: href}}`` of /sitemap.xml."""
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # defusedxml comes with Willow
    return {
        url.find("sm:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("sm:url", NS)
    }


@pytest.fixture
def translated(db, superuser, django_capture_on_commit_callbacks):
    """A network page in German, live in English, unpublished in Turkish, private in Ukrainian."""
    page = f.NetworkPageFactory(title="Netzwerk")
    codes = ("en", "tr", "uk")
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in codes]
    with django_capture_on_commit_callbacks(execute=True):
        translate_page_tree(page, locales, user=superuser)
    pages = {
        "de": page,
        **{c: page.get_translation(loc) for c, loc in zip(codes, locales, strict=True)},
    }
    pages["tr"].unpublish()
    PageViewRestriction.objects.create(page=pages["uk"], restriction_type=PageViewRestriction.LOGIN)
    return pages


def test_alternates_list_live_public_translations_and_x_default(translated):
    entries = sitemap()
    german, english = BASE + translated["de"].url, BASE + translated["en"].url
    expected = {"de": german, "en": english, "x-default": german}
    assert entries[german] == expected
    assert entries[english] == expected  # the English page is listed in its own right
    for code in ("tr", "uk"):  # unpublished, private: neither listed nor an alternate
        assert BASE + translated[code].get_url_parts()[2] not in entries


def test_private_page_is_not_in_any_sitemap(db):
    public = f.NetworkPageFactory(title="Öffentlich")
    private = f.NetworkPageFactory(title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = f.NetworkPageFactory(title="Entwurf")
    draft.unpublish()
    entries = sitemap()
    assert BASE + public.url in entries
    assert not [url for url in entries if private.slug in url or draft.slug in url]
    # Wagtail's own sitemap leaves the private page out too
    items = list(WagtailSitemap(RequestFactory().get("/sitemap.xml")).items())
    assert public.pk in {p.pk for p in items}
    assert private.pk not in {p.pk for p in items}


def test_get_sitemap_urls_works_with_wagtails_own_sitemap(translated):
    request = RequestFactory().get("/sitemap.xml")
    (entry,) = translated["en"].specific.get_sitemap_urls(request)
    assert entry["location"] == BASE + translated["en"].url
    assert {a["lang_code"] for a in entry["alternates"]} == {"de", "en", "x-default"}


def test_single_language_page_has_no_alternates(db):
    page = f.NetworkPageFactory(title="Nur Deutsch")
    assert sitemap()[BASE + page.url] == {}
    (entry,) = page.get_sitemap_urls(RequestFactory().get("/"))
    assert "alternates" not in entry


def test_sitemap_queries_do_not_grow_with_translated_pages(
    db, superuser, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    english = Locale.objects.get_or_create(language_code="en")[0]

    def add_translated_pages(n):
        for _ in range(n):
            page = f.NetworkPageFactory()
            with django_capture_on_commit_callbacks(execute=True):
                translate_page_tree(page, [english], user=superuser)

    add_translated_pages(2)
    client = Client()
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as context:
        client.get("/sitemap.xml")
    add_translated_pages(10)
    with django_assert_max_num_queries(len(context)):
        client.get("/sitemap.xml")


def test_sitemap_of_the_demo_needs_no_more_queries_with_more_pages(
    db, django_assert_max_num_queries
):
    from django.core.management import call_command

    call_command("wagtail_integration_demo", stdout=io.StringIO())
    client = Client()
    client.get("/sitemap.xml")  # warm-up: site root paths
    reset_queries()  # the query log is capped: building the demo filled it
    with CaptureQueriesContext(connection) as context:
        demo_entries = len(sitemap())
    few = len(context)  # read now: the count is taken from the log, which is reset below
    index = f.PressReleaseIndexPageFactory()
    for _ in range(10):
        f.full_network_page(members=1)
        f.PressReleasePageFactory(parent=index)
    reset_queries()
    with django_assert_max_num_queries(few):
        entries = len(sitemap())
    assert entries == demo_entries + 21
