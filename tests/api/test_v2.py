"""API v2 answers and describes the package's page types (v3: ``test_v3.py``)."""

from __future__ import annotations

import pytest

from wagtail_integration.models import (
    NetworkPage,
    OrganisationProfilePage,
    PartnerListingPage,
    PressReleaseIndexPage,
    PressReleasePage,
    ProjectIndexPage,
    ProjectPage,
    SpeakerTeamPage,
)

from .. import factories

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    NetworkPage,
    PartnerListingPage,
    SpeakerTeamPage,
    PressReleaseIndexPage,
    PressReleasePage,
    ProjectIndexPage,
    ProjectPage,
    OrganisationProfilePage,
]


def test_api_v2_pages_listing(client):
    page = factories.full_network_page()
    response = client.get("/api/v2/pages/", {"type": "wagtail_integration.NetworkPage"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [page.pk]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_api_v2_page_detail_of_a_full_page(client, model):
    page = factories.FULL_PAGE_BUILDERS[model]()
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == page.title
    assert data["meta"]["type"] == f"wagtail_integration.{model.__name__}"
    for field in model.api_fields:
        assert field.name in data, field.name


def test_api_v2_images_and_documents(client):
    factories.ImageFactory()
    factories.DocumentFactory()
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


@pytest.mark.parametrize(
    ("endpoint", "parameter", "message"),
    [
        ("organisations", "directory", "directory must be a page id"),
        ("organisations", "topic", "topic must be a topic id"),
        ("people", "organisation", "organisation must be an organisation id"),
    ],
)
@pytest.mark.parametrize("value", ["x1", "-3", "²"])
def test_v2_resources_refuse_an_id_filter_that_is_no_id(
    client, endpoint, parameter, message, value
):
    response = client.get(f"/api/v2/{endpoint}/", {parameter: value})
    assert response.status_code == 400
    assert response.json() == {"message": message}


@pytest.mark.parametrize("parameter", ["directory", "topic"])
def test_v2_organisations_take_an_id_filter_that_is_an_id(client, parameter):
    # An id of nothing: the directory is unknown (404), the topic lists no organisation.
    response = client.get("/api/v2/organisations/", {parameter: "987654"})
    assert response.status_code == (404 if parameter == "directory" else 200)
