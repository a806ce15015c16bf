"""API responses cost the same number of SQL queries with few or many items.

Listings of every page type with ``fields=*`` (``limit=2`` vs ``limit=20``), page details with
3 vs 30 members or partners, and the organisation listing with 5 vs 50 organisations, on API
v2 and v3. Each request runs once to warm up (image renditions are created then) and is
counted on the second run, with API v2's item cache off: this is the cold path, where every
page is serialised (tests/api/test_cache.py covers the cached path).
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail_integration.models import (
    DirectoryPage,
    NetworkPage,
    OrganisationProfilePage,
    PartnerListingPage,
    PressReleaseIndexPage,
    PressReleasePage,
    ProjectIndexPage,
    ProjectPage,
    SpeakerTeamPage,
)

from .. import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_item_cache(settings):
    settings.WAGTAIL_INTEGRATION = {"API_CACHE_TIMEOUT": 0}


requires_api_v3 = pytest.mark.skipif(
    not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
)

BUILDERS = {
    **f.FULL_PAGE_BUILDERS,
    DirectoryPage: lambda: f.DirectoryPageFactory(introduction="<p>Alle Angebote.</p>"),
}
PAGE_TYPES = [
    NetworkPage,
    PartnerListingPage,
    SpeakerTeamPage,
    PressReleaseIndexPage,
    PressReleasePage,
    ProjectIndexPage,
    ProjectPage,
    OrganisationProfilePage,
    DirectoryPage,
]


def count_queries(client, url, **params) -> int:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_v2_page_listing_with_all_fields_does_not_grow_with_page_size(client, model):
    for _ in range(20):
        BUILDERS[model]()
    url = "/api/v2/pages/"
    params = {"type": model._meta.label, "fields": "*"}
    small = count_queries(client, url, limit=2, **params)
    large = count_queries(client, url, limit=20, **params)
    data = client.get(url, {"limit": 20, **params}).json()
    assert len(data["items"]) == 20
    assert large <= small, (small, large)


def _network(n):
    page = f.full_network_page(members=0)
    for _ in range(n):
        f.NetworkMembershipFactory(
            page=page, organisation=f.OrganisationFactory(with_logo=True, topics=[f.TopicFactory()])
        )
        f.WorkingGroupFactory(page=page, contact=f.PersonFactory(with_photo=True))
    return page


def _partners(n):
    return f.full_partner_listing_page(partners=n)


@pytest.mark.parametrize("build", [_network, _partners], ids=["members", "partners"])
@pytest.mark.parametrize("api", ["v2", pytest.param("v3", marks=requires_api_v3)], ids=["v2", "v3"])
def test_page_detail_does_not_grow_with_members(client, build, api):
    few, many = build(3), build(30)
    small = count_queries(client, f"/api/{api}/pages/{few.pk}/")
    large = count_queries(client, f"/api/{api}/pages/{many.pk}/")
    assert large <= small, (small, large)
    data = client.get(f"/api/{api}/pages/{many.pk}/").json()
    relation = "memberships" if "memberships" in data else "partners"
    assert len(data[relation]) == 30
    assert data[relation][0]["organisation"]["logo"]["renditions"]["thumbnail"]["url"]


def _organisations(n):
    topic = f.TopicFactory()
    for _ in range(n):
        f.OrganisationFactory(with_logo=True, topics=[topic])


@pytest.mark.parametrize("api", ["v2", pytest.param("v3", marks=requires_api_v3)], ids=["v2", "v3"])
def test_organisation_listing_does_not_grow_with_organisations(
    client, django_db_blocker, settings, api
):
    settings.WAGTAILAPI_LIMIT_MAX = 100
    url = f"/api/{api}/organisations/"
    _organisations(5)
    small = count_queries(client, url, limit=50)
    _organisations(45)
    large = count_queries(client, url, limit=50)
    assert large <= small, (small, large)
    body = client.get(url, {"limit": 50}).json()
    assert len(body["items"]) == 50


@pytest.mark.parametrize("resource", ["people", "events"])
@pytest.mark.parametrize("api", ["v2", pytest.param("v3", marks=requires_api_v3)], ids=["v2", "v3"])
def test_people_and_event_listings_do_not_grow(client, settings, api, resource):
    settings.WAGTAILAPI_LIMIT_MAX = 100

    def person():
        return f.PersonFactory(with_photo=True, organisation=f.OrganisationFactory(with_logo=True))

    def add(n):
        for _ in range(n):
            if resource == "people":
                person()
            else:
                f.EventFactory(lecturer=person(), organiser=f.OrganisationFactory())

    url = f"/api/{api}/{resource}/"
    add(3)
    small = count_queries(client, url, limit=50)
    add(17)
    large = count_queries(client, url, limit=50)
    assert large <= small, (small, large)
