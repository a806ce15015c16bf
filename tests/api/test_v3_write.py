"""Writing press releases (and projects) through API v3 with a bearer token (Wagtail 8).

Validation is the admin form's: invalid input answers 4xx with field messages, never 500.
"""

from __future__ import annotations

import json

import pytest
from django.apps import apps

from wagtail_integration.models import PressReleasePage, ProjectPage

from .. import factories as f

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
    ),
]


@pytest.fixture
def token_client(client, superuser):
    from wagtail.models import APIToken

    _, plaintext = APIToken.create_token(user=superuser, name="newsroom")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
    return client


def post(client, data):
    return client.post("/api/v3/pages/", json.dumps(data), content_type="application/json")


def patch(client, page_id, data):
    return client.patch(
        f"/api/v3/pages/{page_id}/", json.dumps(data), content_type="application/json"
    )


def release(parent_id, **fields):
    return {
        "meta": {"parent_id": parent_id, "type": "wagtail_integration.PressReleasePage"},
        "title": "Neue Sprachcafés in Lingen",
        "slug": "sprachcafes-lingen",
        "release_date": "2025-06-01",
        "dateline": "Lingen",
        "lead": "Ab Juni öffnen drei Sprachcafés.",
        **fields,
    }


def test_create_update_and_publish_a_press_release(token_client):
    index = f.PressReleaseIndexPageFactory()
    response = post(token_client, release(index.pk))
    assert response.status_code == 201, response.content[:500]
    page = PressReleasePage.objects.get(slug="sprachcafes-lingen")
    assert not page.live
    assert page.release_date.isoformat() == "2025-06-01"

    response = patch(
        token_client,
        page.pk,
        {"meta": {"action": "publish"}, "subheadline": "Für alle, die Deutsch üben wollen"},
    )
    assert response.status_code == 200, response.content[:500]
    page.refresh_from_db()
    assert page.live
    assert page.subheadline == "Für alle, die Deutsch üben wollen"
    public = token_client.get(f"/api/v3/pages/{page.pk}/").json()
    assert public["dateline"] == "Lingen"


def test_writes_need_a_token(client):
    index = f.PressReleaseIndexPageFactory()
    assert post(client, release(index.pk)).status_code == 401


@pytest.mark.parametrize(
    "change, field",
    [
        ({"title": ""}, "title"),
        ({"release_date": "not a date"}, "release_date"),
        ({"release_date": None}, "release_date"),
        ({"release_date": "2025-02-30"}, "release_date"),
        ({"lead": 42}, "lead"),
    ],
)
def test_invalid_press_release_answers_4xx_with_field_messages(token_client, change, field):
    index = f.PressReleaseIndexPageFactory()
    data = release(index.pk, **change)
    response = post(token_client, data)
    assert 400 <= response.status_code < 500, response.content[:500]
    assert field in response.content.decode()
    assert not PressReleasePage.objects.exists()


def test_missing_title_answers_4xx(token_client):
    index = f.PressReleaseIndexPageFactory()
    data = release(index.pk)
    del data["title"]
    response = post(token_client, data)
    assert 400 <= response.status_code < 500
    assert "title" in response.content.decode()


def test_unknown_parent_answers_404(token_client):
    response = post(token_client, release(999999))
    assert response.status_code == 404


def test_wrong_parent_type_answers_4xx(token_client, root_page):
    response = post(token_client, release(root_page.pk))
    assert 400 <= response.status_code < 500, response.content[:500]
    assert not PressReleasePage.objects.exists()


def test_project_end_before_start_answers_4xx_with_field_message(token_client):
    index = f.ProjectIndexPageFactory()
    response = post(
        token_client,
        {
            "meta": {"parent_id": index.pk, "type": "wagtail_integration.ProjectPage"},
            "title": "Ankommen im Dorf",
            "slug": "ankommen",
            "start_date": "2026-01-01",
            "end_date": "2025-01-01",
        },
    )
    assert 400 <= response.status_code < 500, response.content[:500]
    assert "end_date" in response.content.decode()
    assert not ProjectPage.objects.exists()
