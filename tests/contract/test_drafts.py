"""API v3 drafts: only for a token whose user may edit the page; never the live page instead."""

from __future__ import annotations

import pytest
from django.apps import apps

from .. import factories as f

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
    ),
]


def bearer(user) -> dict:
    from wagtail.models import APIToken

    _, plaintext = APIToken.create_token(user=user, name="frontend")
    return {"Authorization": f"Bearer {plaintext}"}


@pytest.fixture
def drafted(root_page):
    page = f.PressReleasePageFactory(title="Live headline")
    page.title = "Draft headline"
    page.save_revision()
    return page


def test_draft_without_a_token_is_401_not_the_live_page(client, drafted):
    response = client.get(f"/api/v3/pages/{drafted.pk}/?version=draft")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert b"Live headline" not in response.content


def test_draft_for_a_token_without_permission_is_404(client, drafted, django_user_model):
    reader = django_user_model.objects.create_user(username="leser", password=None)
    response = client.get(f"/api/v3/pages/{drafted.pk}/?version=draft", headers=bearer(reader))
    assert response.status_code == 404
    assert b"headline" not in response.content


def test_draft_for_an_editor_token(client, drafted, superuser):
    response = client.get(f"/api/v3/pages/{drafted.pk}/?version=draft", headers=bearer(superuser))
    assert response.status_code == 200
    assert response.json()["title"] == "Draft headline"
    assert response["Cache-Control"] == "private, no-cache"


def test_live_version_stays_public(client, drafted):
    response = client.get(f"/api/v3/pages/{drafted.pk}/")
    assert response.status_code == 200
    assert response.json()["title"] == "Live headline"
