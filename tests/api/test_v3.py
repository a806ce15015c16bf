"""API v3 describes every page type of the package and answers its detail; the detail goes
through the shared loading policy and item cache, as v2 does.

Cold (item cache off, after one warm-up request for renditions) a v3 detail costs no more
queries than the same v2 detail; repeated (item cache on) no more than a repeated v2 detail;
objects chosen in several blocks of a page are fetched once.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .. import factories as f
from .test_v2 import PAGE_TYPES

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
    ),
]

# A repeated v2 detail: the page row, its site and the cached item (tests/api/test_cache.py).
REPEATED_V2_DETAIL = 5


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(context)


@pytest.mark.parametrize("model", list(f.FULL_PAGE_BUILDERS), ids=lambda model: model.__name__)
def test_cold_v3_detail_costs_no_more_than_cold_v2(client, settings, model):
    settings.WAGTAIL_INTEGRATION = {"API_CACHE_TIMEOUT": 0}
    page = f.FULL_PAGE_BUILDERS[model]()
    v2, v3 = f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"
    count(client, v2), count(client, v3)  # warm-up: renditions
    v2_queries = count(client, v2)
    with CaptureQueriesContext(connection) as context:
        client.get(v3)
    assert len(context) <= v2_queries, (len(context), v2_queries)


@pytest.mark.parametrize("model", list(f.FULL_PAGE_BUILDERS), ids=lambda model: model.__name__)
def test_repeated_v3_detail_costs_no_more_than_repeated_v2(
    client, django_assert_max_num_queries, model
):
    page = f.FULL_PAGE_BUILDERS[model]()
    v2, v3 = f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"
    first = client.get(v3).json()
    client.get(v2)  # fills v2's item
    assert count(client, v2) <= REPEATED_V2_DETAIL
    with django_assert_max_num_queries(REPEATED_V2_DETAIL):
        repeated = client.get(v3).json()
    assert repeated == first


def test_v3_detail_after_a_change_shows_it(client):
    page = f.full_press_release_page()
    url = f"/api/v3/pages/{page.pk}/"
    assert client.get(url).json()["title"] == page.title
    page.title = "Neuer Titel der Mitteilung"
    page.save_revision().publish()
    assert client.get(url).json()["title"] == "Neuer Titel der Mitteilung"


def test_person_chosen_in_contact_and_team_is_fetched_once(client, settings):
    settings.WAGTAIL_INTEGRATION = {"API_CACHE_TIMEOUT": 0}
    person = f.PersonFactory(organisation=f.OrganisationFactory(), with_photo=True)
    page = f.full_press_release_page()
    page.press_contact, page.media, page.events = None, [], []
    page.body = [
        ("contact", {"heading": "Kontakt", "person": person}),
        ("team", {"heading": "Team", "members": [{"person": person, "role": "Sprecherin"}]}),
    ]
    page.save_revision().publish()
    url = f"/api/v3/pages/{page.pk}/"
    client.get(url)  # warm-up: renditions
    with CaptureQueriesContext(connection) as context:
        data = client.get(url).json()
    table = type(person)._meta.db_table
    fetches = [q["sql"] for q in context.captured_queries if f'FROM "{table}"' in q["sql"]]
    assert len(fetches) == 1, fetches
    assert data["body"][0]["value"]["person"]["id"] == person.pk
    assert data["body"][1]["value"]["members"][0]["person"]["id"] == person.pk


def test_api_v3_openapi_lists_every_page_type(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    schemas = response.json()["components"]["schemas"]
    for model in PAGE_TYPES:
        assert f"{model.__name__}Schema" in schemas, model.__name__


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_api_v3_page_detail_of_a_full_page(client, model):
    page = f.FULL_PAGE_BUILDERS[model]()
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:500]
    data = response.json()
    assert data["title"] == page.title
    assert data["id"] == page.pk
    for field in model.api_fields:
        assert field.name in data, field.name
