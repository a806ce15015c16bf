"""The APIs answer and describe the package's page types."""

from __future__ import annotations

import pytest
from django.apps import apps

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

from . import factories

pytestmark = pytest.mark.django_db

requires_api_v3 = pytest.mark.skipif(
    not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
)

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


@requires_api_v3
def test_api_v3_openapi_lists_every_page_type(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    schemas = response.json()["components"]["schemas"]
    for model in PAGE_TYPES:
        assert f"{model.__name__}Schema" in schemas, model.__name__


@requires_api_v3
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_api_v3_page_detail_of_a_full_page(client, model):
    page = factories.FULL_PAGE_BUILDERS[model]()
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:500]
    data = response.json()
    assert data["title"] == page.title
    assert data["id"] == page.pk
    for field in model.api_fields:
        assert field.name in data, field.name
