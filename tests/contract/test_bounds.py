"""Every integer parameter is bounded: beyond a 64-bit database integer answers 400/422 on
every v2 and v3 listing (SQLite raised OverflowError, PostgreSQL "bigint out of range")."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.test import Client

from .. import factories as f

pytestmark = pytest.mark.django_db

HAS_V3 = apps.is_installed("wagtail.api.v3")
TOO_LARGE = [str(2**63), str(2**64), "9" * 40, str(-(2**63) - 1)]
LARGEST = str(2**63 - 1)
V2_LISTINGS = ["pages", "images", "documents", "organisations", "people", "events"]
V3_LISTINGS = ["pages", "organisations", "people", "events"]
PARAMETERS = {
    "pages": ["offset", "child_of", "descendant_of", "translation_of", "id"],
    "images": ["offset"],
    "documents": ["offset"],
    "organisations": ["offset", "topic"],
    "people": ["offset", "organisation"],
    "events": ["offset"],
}


def get(url):
    return Client(raise_request_exception=False).get(url)


@pytest.fixture
def content(root_page):
    f.ProjectPageFactory()
    person = f.PersonFactory()
    return person


def _cases(endpoints):
    return [
        (endpoint, name, value)
        for endpoint in endpoints
        for name in PARAMETERS[endpoint]
        for value in TOO_LARGE
    ]


@pytest.mark.parametrize(("endpoint", "name", "value"), _cases(V2_LISTINGS))
def test_api_v2_rejects_integers_beyond_the_database(content, endpoint, name, value):
    url = f"/api/v2/{endpoint}/?{name}={value}"
    response = get(url)
    assert response.status_code == 400, (url, response.status_code, response.content[:200])


@pytest.mark.skipif(not HAS_V3, reason="API v3 needs Wagtail 8 or newer")
@pytest.mark.parametrize(("endpoint", "name", "value"), _cases(V3_LISTINGS))
def test_api_v3_rejects_integers_beyond_the_database(content, endpoint, name, value):
    url = f"/api/v3/{endpoint}/?{name}={value}"
    response = get(url)
    assert response.status_code in (400, 422), (url, response.status_code, response.content)
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.skipif(not HAS_V3, reason="API v3 needs Wagtail 8 or newer")
@pytest.mark.parametrize("endpoint", ["pages", "organisations", "people", "events", "images"])
def test_api_v3_detail_rejects_ids_beyond_the_database(content, endpoint):
    response = get(f"/api/v3/{endpoint}/{2**63}/")
    assert response.status_code in (400, 404, 422), (endpoint, response.status_code)


@pytest.mark.parametrize("prefix", ["/api/v2", *HAS_V3 * ["/api/v3"]])
@pytest.mark.parametrize("endpoint", ["pages", "organisations", "people", "events"])
def test_the_largest_offset_is_an_empty_page(content, prefix, endpoint):
    response = get(f"{prefix}/{endpoint}/?offset={LARGEST}")
    assert response.status_code == 200, (prefix, endpoint, response.content[:200])
    assert response.json()["items"] == []


def test_api_v2_people_of_the_largest_organisation_id_is_empty(content):
    response = get(f"/api/v2/people/?organisation={LARGEST}")
    assert response.status_code == 200
    assert response.json()["items"] == []
