"""Nested objects instead of ids in both APIs (the fields of ``content/serializers.py``),
translations, and v3's read schemas built from them.

The resources' tests: ``tests/api/test_v3_resources.py``."""

from __future__ import annotations

import pytest
from django.apps import apps

from wagtail_integration.models import PressReleasePage

from .. import factories as f

pytestmark = pytest.mark.django_db

requires_api_v3 = pytest.mark.skipif(
    not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
)
APIS = ["v2", pytest.param("v3", marks=requires_api_v3)]


@pytest.mark.parametrize("api", APIS)
def test_network_page_has_nested_members_groups_and_contacts(client, api):
    page = f.full_network_page(members=2)
    data = client.get(f"/api/{api}/pages/{page.pk}/").json()
    member = data["memberships"][0]
    assert member["note"] == "Mitglied seit der Gründung"
    assert member["organisation"]["name"] == page.memberships.first().organisation.name
    logo = member["organisation"]["logo"]
    assert set(logo["renditions"]) == {"thumbnail", "medium", "large"}
    assert logo["renditions"]["thumbnail"] == {
        "url": logo["renditions"]["thumbnail"]["url"],
        "width": 160,
        "height": 160,
    }
    assert logo["alt"] == logo["title"]  # the image's default_alt_text
    assert data["working_groups"][0]["contact"]["full_name"]
    assert data["contact_person"]["organisation"]["unit"] == "Integrationsbüro"
    assert data["contact_organisation"]["id"] == page.contact_organisation_id
    speaker = data["speakers"][0]["value"]["person"]
    assert speaker["photo"]["renditions"]["medium"]["url"].startswith("/media/")


@pytest.mark.parametrize("api", APIS)
def test_press_release_streams_give_objects_with_credit_and_documents(client, api):
    page = f.full_press_release_page()
    data = client.get(f"/api/{api}/pages/{page.pk}/").json()
    assert data["publisher"]["unit"] == "Pressestelle"
    assert data["press_contact"]["position"] == "Pressesprecherin"
    image, document = data["media"][0]["value"], data["media"][1]["value"]
    assert image["image"]["credit"] == "Pressestelle"
    assert image["credit"] == "Pressestelle"
    assert document["document"]["url"].endswith(".pdf")
    event = data["events"][0]["value"]
    assert event["title"] and event["start_date"]
    body = {block["type"]: block["value"] for block in data["body"]}
    assert body["image"]["image"]["alt"] == "Gruppenfoto beim Netzwerktreffen"
    assert body["funding"]["items"][0]["logo"]["renditions"]
    assert body["downloads"]["documents"][0]["title"] == "Flyer"


@pytest.mark.parametrize("api", APIS)
def test_partner_listing_and_profile_nested_objects(client, api):
    listing = f.full_partner_listing_page(partners=2)
    data = client.get(f"/api/{api}/pages/{listing.pk}/").json()
    assert data["patron"]["academic_title"] == "Dr."
    assert data["partners"][0]["note"].startswith("Bietet")
    profile = f.full_organisation_profile_page()
    data = client.get(f"/api/{api}/pages/{profile.pk}/").json()
    assert data["organisation"]["name"] == "Integrationsagentur Nordhorn"
    assert data["operator"]["name"].startswith("Caritasverband")


@pytest.mark.parametrize("api", APIS)
def test_every_page_lists_its_translations(client, api, locale_en):
    page = f.full_press_release_page()
    translation = page.copy_for_translation(locale_en, copy_parents=True)
    translation.save_revision().publish()
    data = client.get(f"/api/{api}/pages/{page.pk}/").json()
    assert data["meta"]["locale"] == "de"
    assert data["translations"] == [
        {
            "locale": "en",
            "id": translation.pk,
            "title": translation.title,
            "url": data["translations"][0]["url"],
        }
    ]
    assert (
        data["translations"][0]["url"].startswith("/en/")
        or "/en/" in (data["translations"][0]["url"])
    )


@requires_api_v3
def test_v3_read_schemas_type_nested_fields(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    network = schemas["NetworkPageSchema"]["properties"]
    assert network["memberships"]["anyOf"][0]["items"]["$ref"].endswith("/MembershipOut")
    assert network["contact_person"]["anyOf"][0]["$ref"].endswith("/PersonOut")
    assert network["translations"]["anyOf"][0]["items"]["$ref"].endswith("/TranslationOut")
    press = schemas["PressReleasePageSchema"]["properties"]
    assert press["publisher"]["anyOf"][0]["$ref"].endswith("/OrganisationOut")
    organisation = schemas["OrganisationOut"]["properties"]
    assert organisation["logo"]["anyOf"][0]["$ref"].endswith("/ImageOut")


def test_press_release_model_lists_nested_api_fields():
    names = [field.name for field in PressReleasePage.api_fields]
    assert {"publisher", "press_contact", "translations"} <= set(names)
