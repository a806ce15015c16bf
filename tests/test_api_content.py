"""API content: nested objects instead of ids, translations, typed v3 schemas, resources."""

from __future__ import annotations

import pytest
from django.apps import apps
from wagtail import VERSION as WAGTAIL_VERSION

from wagtail_integration.models import PressReleasePage

from . import factories as f

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


@requires_api_v3
def test_v3_openapi_lists_resource_endpoints(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    for resource in ("organisations", "people", "events"):
        assert f"/api/v3/{resource}/" in paths
        assert f"/api/v3/{resource}/{{item_id}}/" in paths


def _directory_data():
    sport, language = f.TopicFactory(name="Sport"), f.TopicFactory(name="Sprachkurse")
    a = f.OrganisationFactory(
        name="Sportbund Lingen e. V.", kind="association", municipality="Lingen", topics=[sport]
    )
    b = f.OrganisationFactory(
        name="Volkshochschule Meppen", kind="education", municipality="Meppen", topics=[language]
    )
    return a, b, sport


@pytest.mark.parametrize("api", APIS)
def test_organisation_resource_filters_search_and_detail(client, api):
    a, b, sport = _directory_data()
    url = f"/api/{api}/organisations/"

    def ids(**params):
        return [item["id"] for item in client.get(url, params).json()["items"]]

    assert ids() == [a.pk, b.pk]  # German alphabetical order
    assert ids(kind="education") == [b.pk]
    assert ids(municipality="Lingen") == [a.pk]
    assert ids(topic=sport.pk) == [a.pk]
    assert ids(locale="de") == [a.pk, b.pk]
    if WAGTAIL_VERSION >= (8,):  # Wagtail 7's database backend finds no snippets here
        assert ids(search="Volkshochschule") == [b.pk]
    assert ids(limit=1, offset=1) == [b.pk]
    detail = client.get(f"{url}{a.pk}/").json()
    assert detail["topics"] == [{"id": sport.pk, "name": "Sport"}]
    assert client.get(f"{url}999999/").status_code == 404


@pytest.mark.parametrize("api", APIS)
def test_people_and_events_resources(client, api):
    organisation = f.OrganisationFactory()
    person = f.PersonFactory(organisation=organisation, last_name="Yilmaz")
    event = f.EventFactory(kind="training", lecturer=person, organiser=organisation)
    people = client.get(f"/api/{api}/people/", {"organisation": organisation.pk}).json()
    assert [item["id"] for item in people["items"]] == [person.pk]
    assert people["items"][0]["organisation"]["id"] == organisation.pk
    events = client.get(f"/api/{api}/events/", {"kind": "training"}).json()
    assert [item["id"] for item in events["items"]] == [event.pk]
    assert events["items"][0]["lecturer"]["last_name"] == "Yilmaz"
    assert client.get(f"/api/{api}/events/", {"kind": "meeting"}).json()["items"] == []


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(
    "path, params",
    [
        ("organisations", {"kind": "castle"}),
        ("organisations", {"locale": "xx"}),
        ("organisations", {"limit": "1000"}),
        ("organisations", {"limit": "abc"}),
        ("organisations", {"offset": "-1"}),
        ("organisations", {"topic": "sport"}),
        ("people", {"organisation": "abc"}),
        ("events", {"kind": "party"}),
        ("events", {"locale": ""}),
        ("pages", {"type": "wagtail_integration.Nope"}),
        ("pages", {"limit": "1000"}),
        ("pages", {"locale": "xx"}),
    ],
)
def test_bad_parameters_answer_4xx(client, api, path, params):
    f.OrganisationFactory()
    response = client.get(f"/api/{api}/{path}/", params)
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])


def test_rich_text_of_nested_objects_is_display_html(client):
    target = f.full_press_release_page()
    organisation = f.OrganisationFactory(
        description=f'<p>Siehe <a linktype="page" id="{target.pk}">Mitteilung</a>.</p>'
    )
    data = client.get(f"/api/v2/organisations/{organisation.pk}/").json()
    assert 'linktype="page"' not in data["description"]
    assert f'href="{target.url}"' in data["description"]


def test_press_release_model_lists_nested_api_fields():
    names = [field.name for field in PressReleasePage.api_fields]
    assert {"publisher", "press_contact", "translations"} <= set(names)
