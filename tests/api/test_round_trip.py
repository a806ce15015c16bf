"""Writing back what API v3 read (Wagtail 8): GET's JSON PATCHed back changes nothing;
unknown fields and changed read-only fields answer 422 naming them."""

from __future__ import annotations

import copy
import json

import pytest
from django.apps import apps

from wagtail_integration.models import PressReleasePage

from .. import factories as f

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
    ),
]

# Revision bookkeeping that every save moves on; everything else is content.
BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "last_published_at",
    "live_revision",
    "has_unpublished_changes",
    "draft_title",
    "url_path",
}


@pytest.fixture
def token_client(client, superuser):
    from wagtail.models import APIToken

    _, plaintext = APIToken.create_token(user=superuser, name="newsroom")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
    return client


def patch(client, page_id, data):
    return client.patch(
        f"/api/v3/pages/{page_id}/", json.dumps(data), content_type="application/json"
    )


def content(page) -> dict:
    revision = PressReleasePage.objects.get(pk=page.pk).get_latest_revision()
    result = {key: value for key, value in revision.content.items() if key not in BOOKKEEPING}
    for key, value in result.items():  # streams are stored as JSON text
        if isinstance(value, str) and value.startswith("[{"):
            result[key] = json.loads(value)
    return result


@pytest.fixture
def release():
    page = f.full_press_release_page()
    page.save_revision().publish()
    page = PressReleasePage.objects.get(pk=page.pk)
    page.save_revision()  # the latest revision carries first_published_at
    return page


def test_body_as_read_patches_back_unchanged(token_client, release):
    before = content(release)
    read = token_client.get(f"/api/v3/pages/{release.pk}/").json()
    response = patch(token_client, release.pk, {"body": read["body"]})
    assert response.status_code == 200, response.content[:1000]
    after = content(release)
    import pprint

    for k in after:
        if after[k] != before.get(k):
            pprint.pprint((k, before.get(k), after[k]), width=200)
    assert after == before
    assert response.json()["body"] == read["body"]


def test_whole_page_as_read_patches_back_unchanged(token_client, release):
    before = content(release)
    read = token_client.get(f"/api/v3/pages/{release.pk}/").json()
    response = patch(token_client, release.pk, read)
    assert response.status_code == 200, response.content[:1000]
    assert content(release) == before


def test_changed_items_in_the_read_shape_are_written(token_client, release):
    read = token_client.get(f"/api/v3/pages/{release.pk}/").json()
    body = copy.deepcopy(read["body"])
    image = next(item for item in body if item["type"] == "image")
    image["value"]["caption"] = "Neue Bildunterschrift"
    body.append({"type": "heading", "value": "Neu", "id": None})
    response = patch(token_client, release.pk, {"body": body})
    assert response.status_code == 200, response.content[:1000]
    stored = PressReleasePage.objects.get(pk=release.pk).get_latest_revision_as_object().body
    written = next(child for child in stored if child.block_type == "image")
    assert written.id == image["id"]
    assert written.value["caption"] == "Neue Bildunterschrift"
    assert written.value["image"].pk == image["value"]["image"]["id"]
    # alt_text is not in the read shape: the stored one is kept
    assert written.value["alt_text"] == "Gruppenfoto beim Netzwerktreffen"
    assert [child.block_type for child in stored][-1] == "heading"


@pytest.mark.parametrize(
    "field, change",
    [
        ("press_contact", lambda read: {**read["press_contact"], "full_name": "Jemand anders"}),
        ("media", lambda read: read["media"][:1]),
        ("publisher", lambda read: None),
        ("id", lambda read: read["id"] + 1),
    ],
)
def test_changed_read_only_fields_answer_422_naming_them(token_client, release, field, change):
    before = content(release)
    read = token_client.get(f"/api/v3/pages/{release.pk}/").json()
    response = patch(token_client, release.pk, {"lead": "Geändert", field: change(read)})
    assert response.status_code == 422, response.content[:1000]
    errors = response.json()["errors"]
    assert {"loc": ["body", "data", field], "type": "read_only"}.items() <= errors[0].items()
    assert field in errors[0]["msg"]
    assert content(release) == before


def test_unknown_fields_answer_422_naming_them(token_client, release):
    before = content(release)
    response = patch(token_client, release.pk, {"lead": "Geändert", "colour": "blue"})
    assert response.status_code == 422, response.content[:1000]
    assert response.json()["errors"][0]["loc"] == ["body", "data", "colour"]
    assert "colour" in response.json()["errors"][0]["msg"]
    assert content(release) == before


def test_a_chooser_that_does_not_exist_answers_422(token_client, release):
    read = token_client.get(f"/api/v3/pages/{release.pk}/").json()
    body = copy.deepcopy(read["body"])
    image = next(item for item in body if item["type"] == "image")
    image["value"]["image"] = {"id": 999999}
    response = patch(token_client, release.pk, {"body": body})
    assert response.status_code == 422, response.content[:1000]
    assert "999999" in response.json()["errors"][0]["msg"]


def test_the_documented_create_example_works_for_a_superuser(token_client):
    index = f.PressReleaseIndexPageFactory()
    data = {
        "meta": {
            "parent_id": index.pk,
            "type": "wagtail_integration.PressReleasePage",
            "action": "publish",
        },
        "title": "Neue Sprachcafés in Lingen",
        "slug": "sprachcafes-lingen",
        "release_date": "2025-06-01",
        "dateline": "Lingen",
        "lead": "Ab Juni öffnen drei Sprachcafés.",
    }
    response = token_client.post(
        "/api/v3/pages/", json.dumps(data), content_type="application/json"
    )
    assert response.status_code == 201, response.content[:1000]
    assert PressReleasePage.objects.get(slug="sprachcafes-lingen").live
