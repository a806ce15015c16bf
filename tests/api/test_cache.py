"""API v2's cache of serialised pages: same answers, fewer queries, outdated by every change.

Each invalidation test changes one kind of content the answer shows through the ORM (as the
admin, wagtail-localize and imports do) and asserts the next answer shows the change.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from wagtail_integration.api import cache as item_cache
from wagtail_integration.models import NetworkPage

from .. import factories as f

pytestmark = pytest.mark.django_db

URL = "/api/v2/pages/"
PARAMS = {"type": "wagtail_integration.NetworkPage", "fields": "*", "limit": 20}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def listing(client, **params):
    response = client.get(URL, {**PARAMS, **params})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def queries(client, url, params) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params).status_code == 200
    return len(context)


def test_cached_answer_equals_uncached_answer(client, settings):
    for _ in range(3):
        f.full_network_page(members=3)
    cold = listing(client)
    warm = listing(client)
    settings.WAGTAIL_INTEGRATION = {"API_CACHE_TIMEOUT": 0}
    uncached = listing(client)
    assert cold == warm == uncached
    assert len(warm["items"]) == 3


def test_warm_listing_and_detail_skip_serialising(client):
    pages = [f.full_network_page(members=5) for _ in range(4)]
    cold_listing = queries(client, URL, PARAMS)
    warm_listing = queries(client, URL, PARAMS)
    detail_url = f"{URL}{pages[0].pk}/"
    cold_detail = queries(client, detail_url, {})
    warm_detail = queries(client, detail_url, {})
    # Warm: the page query (with count and specific rows) only, no prefetching.
    assert warm_listing < cold_listing / 3, (cold_listing, warm_listing)
    assert warm_listing <= 6, warm_listing
    assert warm_detail < cold_detail / 3, (cold_detail, warm_detail)


def test_listing_and_detail_and_field_choices_are_cached_apart(client):
    page = f.full_network_page(members=2)
    few = listing(client, fields="founded_year")["items"][0]
    everything = listing(client)["items"][0]
    detail = client.get(f"{URL}{page.pk}/").json()
    assert "partners" not in few and "memberships" not in few
    assert set(everything) > set(few)
    assert set(detail) >= set(everything) - {"meta"}
    assert listing(client, fields="founded_year")["items"][0] == few


def test_host_is_part_of_the_key(client, settings, root_page):
    f.full_network_page(members=1)
    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.create(hostname="other.example", port=80, root_page=root_page)
    first = listing(client)["items"][0]["meta"]["detail_url"]
    other = client.get(URL, PARAMS, HTTP_HOST="other.example").json()["items"][0]
    assert "other.example" in other["meta"]["detail_url"]
    assert "other.example" not in first


def test_snippet_change_reaches_the_answer(client):
    page = f.full_network_page(members=1)
    organisation = page.memberships.first().organisation
    listing(client)
    organisation.name = "Umbenannter Verein"
    organisation.save()
    names = [m["organisation"]["name"] for m in listing(client)["items"][0]["memberships"]]
    assert names == ["Umbenannter Verein"]


def test_new_inline_row_reaches_the_answer(client):
    page = f.full_network_page(members=1)
    listing(client)
    f.NetworkMembershipFactory(page=page, organisation=f.OrganisationFactory(name="Neu e.V."))
    names = [m["organisation"]["name"] for m in listing(client)["items"][0]["memberships"]]
    assert "Neu e.V." in names


def test_topic_added_to_organisation_reaches_the_answer(client):
    page = f.full_network_page(members=1)
    organisation = page.memberships.first().organisation
    listing(client)
    organisation.topics.add(f.TopicFactory(name="Sprachkurse"))
    organisation.save()  # a ParentalManyToManyField is written on save
    member = listing(client)["items"][0]["memberships"][0]["organisation"]
    assert [t["name"] for t in member["topics"]] == ["Sprachkurse"]


def test_published_revision_reaches_the_answer(client):
    page = f.full_network_page(members=1)
    listing(client)
    page.title = "Neuer Titel"
    page.save_revision().publish()
    assert listing(client)["items"][0]["title"] == "Neuer Titel"


def test_draft_revision_stays_out_of_the_answer(client):
    page = f.full_network_page(members=1)
    listing(client)
    page = NetworkPage.objects.get(pk=page.pk)
    page.title = "Entwurfstitel"
    page.save_revision()  # not published
    assert listing(client)["items"][0]["title"] != "Entwurfstitel"


def test_image_change_reaches_the_answer(client):
    page = f.full_network_page(members=1)
    logo = page.memberships.first().organisation.logo
    listing(client)
    logo.title = "Neues Logo"
    logo.save()
    member = listing(client)["items"][0]["memberships"][0]["organisation"]
    assert member["logo"]["title"] == "Neues Logo"


def test_unpublished_and_restricted_pages_leave_listing_and_translations(client, locale_en):
    page = f.full_network_page(members=1)
    other = f.full_network_page(members=1)
    translation = page.copy_for_translation(locale_en, copy_parents=True)
    translation.save_revision().publish()
    before = {item["id"]: item for item in listing(client)["items"]}
    assert [t["id"] for t in before[page.pk]["translations"]] == [translation.pk]

    PageViewRestriction.objects.create(page=translation, restriction_type=PageViewRestriction.LOGIN)
    after = {item["id"]: item for item in listing(client)["items"]}
    assert translation.pk not in after
    assert after[page.pk]["translations"] == []

    other.unpublish()
    assert other.pk not in {item["id"] for item in listing(client)["items"]}


def test_evicted_generation_never_brings_back_old_items(client):
    page = f.full_network_page(members=1)
    organisation = page.memberships.first().organisation
    listing(client)
    # A bulk update sends no signal; losing the generation key must not revive old items
    # keyed by an earlier number.
    type(organisation).objects.filter(pk=organisation.pk).update(name="Nach Massenänderung")
    cache.delete(item_cache.GENERATION_KEY)
    member = listing(client)["items"][0]["memberships"][0]["organisation"]
    assert member["name"] == "Nach Massenänderung"


def test_clear_outdates_items_after_bulk_updates(client):
    page = f.full_network_page(members=1)
    organisation = page.memberships.first().organisation
    listing(client)
    type(organisation).objects.filter(pk=organisation.pk).update(name="Still geändert")
    assert listing(client)["items"][0]["memberships"][0]["organisation"]["name"] != (
        "Still geändert"
    )  # documented: bulk updates need clear()
    item_cache.clear()
    member = listing(client)["items"][0]["memberships"][0]["organisation"]
    assert member["name"] == "Still geändert"


def test_timeout_zero_stores_nothing(client, settings):
    settings.WAGTAIL_INTEGRATION = {"API_CACHE_TIMEOUT": 0}
    f.full_network_page(members=1)
    listing(client)
    assert not [key for key in cache._cache if "wagtail_integration:api:" in key]
