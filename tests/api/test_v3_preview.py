"""API v3 headless preview: the unsaved page behind a token, 401 without one, 404 for a bad one."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.cache import cache

from wagtail_integration.preview import content_type_label, store_preview

from .. import factories as f

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
    ),
]

PREVIEW = "/api/v3/page_preview/"


@pytest.fixture
def previewed(root_page):
    page = f.full_press_release_page()
    saved_title = page.title
    page.title = "Entwurf: neue Überschrift"
    page.lead = "Ungespeicherter Vorspann"
    return page, saved_title, store_preview(page)


def test_preview_shows_the_unsaved_content(client, previewed):
    page, saved_title, token = previewed
    response = client.get(PREVIEW, {"content_type": content_type_label(page), "token": token})
    assert response.status_code == 200, response.content[:300]
    data = response.json()
    assert data["id"] == page.pk
    assert data["title"] == "Entwurf: neue Überschrift"
    assert data["lead"] == "Ungespeicherter Vorspann"
    assert data["meta"]["type"] == "wagtail_integration.PressReleasePage"
    assert data["body"], "streams are typed and filled as on the detail"
    assert response["Cache-Control"].startswith("private")
    live = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert live["title"] == saved_title  # the live page is untouched


def test_preview_without_a_token_is_401_not_the_live_page(client, previewed):
    page, _, _ = previewed
    for params in ({"content_type": content_type_label(page)}, {"content_type": "x", "token": ""}):
        response = client.get(PREVIEW, params)
        assert response.status_code == 401, response.content[:300]
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    "change",
    ["tampered", "other_type", "evicted"],
)
def test_preview_with_a_bad_token_is_404(client, previewed, change):
    page, _, token = previewed
    params = {"content_type": content_type_label(page), "token": token}
    if change == "tampered":
        params["token"] = token[:-2] + "xx"
    elif change == "other_type":
        params["content_type"] = "wagtail_integration.networkpage"
    else:
        cache.clear()
    response = client.get(PREVIEW, params)
    assert response.status_code == 404, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"


def test_preview_without_content_type_is_422(client, previewed):
    _, _, token = previewed
    assert client.get(PREVIEW, {"token": token}).status_code == 422


def test_preview_is_documented_with_its_error_responses(client):
    document = client.get("/api/v3/openapi.json").json()
    operation = document["paths"]["/api/v3/page_preview/"]["get"]
    assert {"200", "401", "404", "422"} <= set(operation["responses"])
    detail = document["paths"]["/api/v3/pages/{page_id}/"]["get"]
    json_of = lambda op: op["responses"]["200"]["content"]["application/json"]["schema"]  # noqa: E731
    assert json_of(operation) == json_of(detail)  # the same typed page union as the detail
    names = {p["name"]: p["required"] for p in operation["parameters"]}
    assert names == {"content_type": True, "token": False}


def test_preview_of_a_page_never_saved_is_a_clear_404(client, root_page):
    from wagtail_integration.models import NetworkPage

    page = NetworkPage(title="Neues Netzwerk", slug="neu", region="Emsland")
    page.locale = root_page.locale
    page.depth = root_page.depth + 1
    page.path = page._get_path(root_page.path, page.depth, 1)
    page.set_url_path(root_page)
    response = client.get(
        PREVIEW, {"content_type": content_type_label(page), "token": store_preview(page)}
    )
    assert response.status_code == 404
    assert "/api/v2/page_preview/" in response.json()["detail"]
