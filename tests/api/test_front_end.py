"""What a front end reads without post-processing: rich text with public URLs, pages found by
any path they are served at (translations included)."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from wagtail import VERSION as WAGTAIL_VERSION
from wagtail.rich_text import RichText

from .. import factories as f

pytestmark = pytest.mark.django_db

# Wagtail 7's API v2 has no ``rich_text_format``: there the package's v2 keeps the stored form.
requires_v2_rich_text_format = pytest.mark.skipif(
    WAGTAIL_VERSION < (8,), reason="Wagtail 7's API v2 has no rich_text_format"
)

requires_api_v3 = pytest.mark.skipif(
    not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
)
APIS = ["v2", pytest.param("v3", marks=requires_api_v3)]


def linking_project():
    target = f.full_press_release_page()
    document = f.DocumentFactory(title="Jahresbericht")
    links = (
        f'<p>Siehe <a linktype="page" id="{target.pk}">Mitteilung</a> und '
        f'<a linktype="document" id="{document.pk}">Bericht</a>.</p>'
    )
    page = f.ProjectPageFactory(introduction=links, body=[("paragraph", RichText(links))])
    return page, target, document


def paragraph(data) -> str:
    return next(item["value"] for item in data["body"] if item["type"] == "paragraph")


@requires_v2_rich_text_format
@pytest.mark.parametrize("api", APIS)
def test_rich_text_has_public_urls_by_default(client, api):
    page, target, document = linking_project()
    data = client.get(f"/api/{api}/pages/{page.pk}/").json()
    for html in (data["introduction"], paragraph(data)):
        assert "linktype" not in html, html
        assert f'href="{target.url}"' in html
        assert f'href="{document.url}"' in html


@requires_v2_rich_text_format
@pytest.mark.parametrize("api", APIS)
def test_rich_text_in_stored_form_on_request(client, api):
    page, target, document = linking_project()
    data = client.get(f"/api/{api}/pages/{page.pk}/?rich_text_format=db_html").json()
    for html in (data["introduction"], paragraph(data)):
        assert f'<a linktype="page" id="{target.pk}">' in html
        assert f'<a linktype="document" id="{document.pk}">' in html


@requires_v2_rich_text_format
def test_rich_text_in_a_v2_listing_has_public_urls(client):
    page, target, _ = linking_project()
    data = client.get(
        "/api/v2/pages/?type=wagtail_integration.ProjectPage&fields=introduction"
    ).json()
    item = next(i for i in data["items"] if i["id"] == page.pk)
    assert f'href="{target.url}"' in item["introduction"]


@requires_v2_rich_text_format
@pytest.mark.parametrize("api", APIS)
def test_unknown_rich_text_format_is_400(client, api):
    page, _, _ = linking_project()
    response = client.get(f"/api/{api}/pages/{page.pk}/?rich_text_format=word")
    assert response.status_code in (400, 422), response.content[:300]
    assert "rich_text_format" in json.dumps(response.json())


@pytest.fixture
def press_release_in_three_languages(root_page):
    """A press release in de, en and ar, each published under its own translated tree."""
    from wagtail.models import Locale, Page

    page = f.full_press_release_page()
    pages = {"de": page}
    for code in ("en", "ar"):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        translation = page.copy_for_translation(locale, copy_parents=True)
        translation.title = f"{page.title} ({code})"
        translation.save_revision().publish()
        for ancestor in translation.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.live:
                ancestor.save_revision().publish()
        pages[code] = Page.objects.get(pk=translation.pk).specific
    return pages


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_find_by_any_path_a_page_is_served_at(
    client, api, language, press_release_in_three_languages
):
    page = press_release_in_three_languages[language]
    assert client.get(page.url).status_code == 200, page.url
    if language != "de":
        assert page.url.startswith(f"/{language}/")
    response = client.get(f"/api/{api}/pages/find/", {"html_path": page.url}, follow=True)
    assert response.status_code == 200, (page.url, response.content[:300])
    data = response.json()
    assert data["id"] == page.pk
    assert data["meta"]["locale"] == language


@pytest.mark.parametrize("api", APIS)
def test_find_keeps_404_for_paths_nothing_is_served_at(
    client, api, press_release_in_three_languages
):
    arabic = press_release_in_three_languages["ar"]
    for path in ("/en/nothing/here/", arabic.url + "nichts/", "/admin/", "/documents/"):
        response = client.get(f"/api/{api}/pages/find/", {"html_path": path})
        assert response.status_code == 404, (path, response.status_code)


@pytest.mark.parametrize("api", APIS)
def test_press_index_lists_releases_newest_first(client, api):
    import datetime

    index = f.full_press_release_index_page(releases=3)
    from wagtail_integration.models import PressReleasePage

    releases = list(PressReleasePage.objects.child_of(index).order_by("pk"))
    for days, release in enumerate(releases):
        release.release_date = datetime.date(2025, 5, 1) + datetime.timedelta(days=days)
        release.save_revision().publish()
    query = f"type=wagtail_integration.PressReleasePage&child_of={index.pk}&order=-release_date"
    if api == "v2":
        query += "&fields=release_date,lead"
    response = client.get(f"/api/{api}/pages/?{query}")
    assert response.status_code == 200, response.content[:300]
    ids = [item["id"] for item in response.json()["items"]]
    assert ids == [release.pk for release in reversed(releases)]
