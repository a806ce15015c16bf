"""API v3 describes every page type of the package and answers its detail; the detail and the
listing go through the shared loading policy and item cache, as v2 does.

Cold (item cache off, after one warm-up request for renditions) a v3 detail costs no more
queries than the same v2 detail; repeated (item cache on) no more than a repeated v2 detail;
objects chosen in several blocks of a page are fetched once. The v3 listing's cards (date,
lead, image, type label, URL, locale) of 50 pages cost no more queries than the v2 listing
with the same fields, cold and repeated; they order by the card date and follow changes.
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


# --- The listing: cards through the shared loading and item cache ---------------------------

RELEASES = "/api/v3/pages/?type=wagtail_integration.PressReleasePage"
# The same pages through v2 with the fields a card shows (date, lead, the media's images).
RELEASES_V2 = (
    "/api/v2/pages/?type=wagtail_integration.PressReleasePage&fields=release_date,lead,media"
)


def assert_matches_openapi(client, data, name: str) -> None:
    """``data`` is valid against the schema ``name`` of the live OpenAPI document."""
    from jsonschema import Draft202012Validator

    document = client.get("/api/v3/openapi.json").json()
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    errors = [error.message for error in Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def press_index(releases: int, images: int = 5):
    index = f.PressReleaseIndexPageFactory()
    pictures = f.ImageFactory.create_batch(images)
    pages = [
        f.PressReleasePageFactory(
            parent=index,
            lead=f"Kurzfassung der Mitteilung {n}.",
            media=f.media_stream([pictures[n % images]], []),
        )
        for n in range(releases)
    ]
    return index, pages


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "repeated"])
def test_v3_listing_of_50_costs_no_more_than_the_v2_listing(
    client, settings, django_assert_max_num_queries, warm
):
    settings.WAGTAILAPI_LIMIT_MAX = 50
    if not warm:
        settings.WAGTAIL_INTEGRATION = {"API_CACHE_TIMEOUT": 0}
    press_index(50, images=50)  # an image each: a query per card would show
    v2, v3 = f"{RELEASES_V2}&limit=50", f"{RELEASES}&limit=50"
    count(client, v2), count(client, v3)  # warm-up: renditions (and, repeated, the items)
    v2_queries = count(client, v2)
    with django_assert_max_num_queries(v2_queries):
        data = client.get(v3).json()
    assert len(data["items"]) == 50
    assert all(item["image"]["renditions"]["thumbnail"]["url"] for item in data["items"])


def test_v3_listing_cards_carry_what_a_card_shows(client):
    index, pages = press_index(2)
    first = pages[0]
    data = client.get(f"{RELEASES}&child_of={index.pk}").json()
    assert_matches_openapi(client, data, "PageCardList")
    card = next(item for item in data["items"] if item["id"] == first.pk)
    assert card["type"] == "wagtail_integration.PressReleasePage"
    assert card["type_label"] == "Pressemitteilung"
    assert card["date"] == first.release_date.isoformat()
    assert card["date_field"] == "release_date"
    assert card["lead"] == "Kurzfassung der Mitteilung 0."
    assert card["url"] == first.get_url()
    assert card["locale"] == "de"
    assert card["meta"]["type"] == "wagtail_integration.PressReleasePage"
    image = first.media[0].value["image"]
    assert card["image"]["id"] == image.pk
    assert card["image"]["credit"] == "Pressestelle"
    assert set(card["image"]["renditions"]) == {"thumbnail", "medium", "large"}


def test_v3_listing_cards_of_other_page_types(client):
    import datetime

    from django.utils import timezone

    published = timezone.make_aware(datetime.datetime(2024, 3, 1, 10, 0))
    network = f.NetworkPageFactory(
        introduction="<p>Wir <b>vernetzen</b> Haupt- und Ehrenamt.</p>",
        first_published_at=published,
    )
    project = f.full_project_page()
    profile = f.full_organisation_profile_page()
    profile.body = []
    profile.save_revision().publish()
    items = {item["id"]: item for item in client.get("/api/v3/pages/?limit=20").json()["items"]}
    assert items[network.pk]["date"] == "2024-03-01"
    assert items[network.pk]["date_field"] == "first_published_at"
    assert items[network.pk]["lead"] == "Wir vernetzen Haupt- und Ehrenamt."
    assert items[network.pk]["image"] is None
    assert items[project.pk]["date"] == "2024-01-01"
    assert items[project.pk]["date_field"] == "start_date"
    assert items[project.pk]["image"]["id"] == project.body[3].value["image"].pk
    assert items[profile.pk]["image"]["id"] == profile.organisation.logo_id  # no image block


def test_v3_listing_orders_by_the_card_date(client):
    index, pages = press_index(3)
    project = f.ProjectPageFactory(parent=index, start_date=pages[1].release_date)
    newest_first = sorted(pages, key=lambda page: page.release_date, reverse=True)

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/v3/pages/?child_of={index.pk}&{query}")
        assert response.status_code == 200, response.content[:300]
        return [item["id"] for item in response.json()["items"]]

    # One type: Wagtail's own ordering by the field, and the documented card date.
    typed = f"type=wagtail_integration.PressReleasePage&child_of={index.pk}"
    assert ids(f"{typed}&order=-release_date") == [page.pk for page in newest_first]
    assert ids(f"{typed}&order=-date") == [page.pk for page in newest_first]
    assert ids(f"{typed}&order=date") == [page.pk for page in reversed(newest_first)]
    # Several types: release_date is the card date, the project shows its start.
    mixed = ids("order=-release_date")
    assert mixed == ids("order=-date")
    assert mixed.index(project.pk) == 1  # same day as the middle release, newer id first
    assert ids("order=-date&order=title")[0] == newest_first[0].pk


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("order=-release_date&type=wagtail_integration.NetworkPage", "release_date"),
        ("order=-nonsense", "nonsense"),
        ("order=-date&search=Beratung", "cannot be combined with search"),
        ("order=date&order=random", "random"),
    ],
)
def test_v3_listing_bad_order_answers_422(client, query, message):
    response = client.get(f"/api/v3/pages/?{query}")
    assert response.status_code == 422, response.content[:300]
    assert message in response.content.decode()


def test_v3_listing_after_a_change_or_unpublish_shows_it(client):
    index, pages = press_index(2)
    url = f"{RELEASES}&child_of={index.pk}"
    assert client.get(url).json()["count"] == 2
    client.get(url)  # served from the item cache now
    page = pages[0]
    page.title = "Geänderter Titel der Mitteilung"
    page.lead = "Geänderte Kurzfassung."
    page.save_revision().publish()
    changed = {item["id"]: item for item in client.get(url).json()["items"]}
    assert changed[page.pk]["title"] == "Geänderter Titel der Mitteilung"
    assert changed[page.pk]["lead"] == "Geänderte Kurzfassung."
    pages[1].unpublish()
    data = client.get(url).json()
    assert [item["id"] for item in data["items"]] == [page.pk]
    assert data["count"] == 1


def test_v3_listing_openapi_types_the_cards_per_page_type(client):
    document = client.get("/api/v3/openapi.json").json()
    schemas = document["components"]["schemas"]
    ok = document["paths"]["/api/v3/pages/"]["get"]["responses"]["200"]
    listing = ok["content"]["application/json"]["schema"]
    assert listing == {"$ref": "#/components/schemas/PageCardList"}
    items = schemas["PageCardList"]["properties"]["items"]["items"]
    assert items["discriminator"]["propertyName"] == "type"
    release = schemas["PressReleasePageCard"]
    assert release["properties"]["type"]["const"] == "wagtail_integration.PressReleasePage"
    assert release["properties"]["date"] == {
        "type": "string",
        "format": "date",
        "title": "Date",
        "description": "The date a listing shows for the page.",
    }
    image = release["properties"]["image"]["anyOf"][0]
    assert image == {"$ref": "#/components/schemas/ImageOut"}
    network = schemas["NetworkPageCard"]["properties"]["date"]
    assert {"type": "null"} in network["anyOf"]
    for name in ("type", "type_label", "url", "locale", "date", "date_field", "lead", "image"):
        assert name in release["required"], name


def test_docs_listing_example_has_the_shape_of_a_real_answer(client):
    import json
    import re

    from .test_docs_examples import DOCS, shape_errors

    text = DOCS.read_text()
    request = "GET /api/v3/pages/?type=wagtail_integration.PressReleasePage&child_of=12"
    start = text.index(f"{request}&order=-release_date&limit=1\n")
    shown = json.loads(re.search(r"```json\n(.*?)```", text[start:], re.S).group(1))
    index, _pages = press_index(2)
    url = f"{RELEASES}&child_of={index.pk}&order=-release_date&limit=1"
    actual = client.get(url).json()
    assert shape_errors(shown, actual) == []
    assert shown["items"][0]["type"] == actual["items"][0]["type"]
