"""What the HTML view and the API load besides the page's own rows: the language links read
the translations loaded with the page, child lists load what their teasers name, and no
request writes back renditions it already has (Wagtail's ``get_rendition`` does on every
call; the package reads them through ``get_renditions``)."""

from __future__ import annotations

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from . import factories as f
from . import test_queries as html

pytestmark = pytest.mark.django_db

root_path_reads = html.root_path_reads


# --- Language links read the translations loaded with the page ------------------------------


def _translate(page, codes, capture):
    from wagtail.models import Locale

    from wagtail_integration.translation import translate_page_tree

    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in codes]
    with capture(execute=True):
        translate_page_tree(page, locales)


def test_language_links_cost_no_query_of_their_own(
    rf, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from wagtail.models import Page

    from wagtail_integration.translation import page_translations

    source = f.NetworkPageFactory()
    _translate(source, ["en", "ar"], django_capture_on_commit_callbacks)
    page = Page.objects.get(pk=source.pk).specific
    request = rf.get(page.url)
    page.get_url(request)  # the request's copy of the site root paths
    page.load_for_html(request)
    with django_assert_num_queries(0):
        translations = page_translations(page, request)
    assert [(t.language_code, t.is_current) for t in translations] == [
        ("de", True),
        ("en", False),
        ("ar", False),
    ]


def test_html_queries_do_not_grow_with_the_languages(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks, root_path_reads
):
    from bs4 import BeautifulSoup

    page = f.NetworkPageFactory()
    expected = html.count_render_queries(client, page)
    _translate(page, ["en", "tr", "ar", "uk"], django_capture_on_commit_callbacks)
    html.render(client, page)  # warm-up
    root_path_reads.reads = 0
    reset_queries()
    with django_assert_max_num_queries(expected, info="five languages vs one"):
        response = html.render(client, page)
    assert root_path_reads.reads <= html.SITE_ROOT_PATH_READS
    soup = BeautifulSoup(response.content, "html.parser")
    switcher = [a["hreflang"] for a in soup.select("nav.wi-language-switcher a")]
    alternates = [link["hreflang"] for link in soup.find_all("link", rel="alternate")]
    assert switcher == ["de", "en", "tr", "ar", "uk"]
    assert alternates == [*switcher, "x-default"]


# --- Rendition cache: no write-back of renditions a request already has ---------------------


@pytest.fixture
def rendition_writes(monkeypatch):
    """Keys of renditions written to the cache (``set``, ``set_many``)."""
    from django.core.cache.backends.locmem import LocMemCache

    writes: list[str] = []
    for name in ("set", "set_many"):
        original = getattr(LocMemCache, name)

        def counted(self, key, *args, _original=original, **kwargs):
            writes.extend(k for k in ([key] if isinstance(key, str) else key) if "rendition" in k)
            return _original(self, key, *args, **kwargs)

        monkeypatch.setattr(LocMemCache, name, counted)
    return writes


@pytest.mark.parametrize("item_cache", [300, 0], ids=["item-cache", "no-item-cache"])
def test_repeated_api_requests_write_no_renditions(client, settings, rendition_writes, item_cache):
    """Wagtail's ``get_rendition`` writes a rendition back to the cache on every call, even
    one it found prefetched; the package's API reads them through ``get_renditions``."""
    from django.apps import apps

    settings.WAGTAIL_INTEGRATION = {"PAGE_SIZE": 50, "API_CACHE_TIMEOUT": item_cache}
    release = html.press_release_images(3)
    urls = [
        f"/api/v2/pages/{release.pk}/",
        "/api/v2/pages/?type=wagtail_integration.PressReleasePage&fields=media",
    ]
    if apps.is_installed("wagtail.api.v3"):
        urls.append(f"/api/v3/pages/{release.pk}/")
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert rendition_writes  # the cold requests created the renditions
    rendition_writes.clear()
    for url in urls:
        client.get(url)
    assert rendition_writes == []


def test_head_tags_write_no_renditions(client, rendition_writes):
    """The Open Graph image and the JSON-LD images of a page (a repeated request, renditions
    prefetched or cached) are not written back to the rendition cache."""
    from bs4 import BeautifulSoup
    from wagtail.models import Page

    from wagtail_integration.outputs.structured_data import json_ld_script, page_graph
    from wagtail_integration.outputs.structured_data.open_graph import open_graph

    release = html.press_release_images(2)
    html.render(client, release)  # creates the renditions
    page = Page.objects.get(pk=release.pk).specific
    request = client.get(release.url).wsgi_request
    page.load_for_html(request)
    rendition_writes.clear()
    og = open_graph(page, request)
    graph = json_ld_script(page_graph(page, request, {}))
    assert og["image"] and "max-1200x800" in og["image"]
    assert BeautifulSoup(str(graph), "html.parser").script
    assert rendition_writes == []


def test_child_list_loads_the_streams_its_teasers_name(django_assert_max_num_queries):
    """``load_listing`` loads a named stream's chosen objects for all items at once."""
    from wagtail_integration.content.loading import load_listing
    from wagtail_integration.models import PressReleasePage

    def listing(n):
        index = f.PressReleaseIndexPageFactory()
        for _ in range(n):
            f.PressReleasePageFactory(
                parent=index, media=f.media_stream(f.ImageFactory.create_batch(2), [])
            )
        return PressReleasePage.objects.child_of(index)

    small, large = listing(2), listing(10)
    reset_queries()
    with CaptureQueriesContext(connection) as few:
        load_listing(small, streams=["media"])
    with django_assert_max_num_queries(len(few), info="10 items vs 2"):
        items = load_listing(large, streams=["media"])
    with django_assert_max_num_queries(0):
        images = [block.value for item in items for block in item.media]
    assert len(images) == 20
