"""What else a front end needs, on API v2 and v3: the calendar, vCard and feed links, the
JSON-LD graph and a directory page's selection and listing, each equal to what the HTML page
shows."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from django.apps import apps

from .. import factories as f

pytestmark = pytest.mark.django_db

requires_api_v3 = pytest.mark.skipif(
    not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
)
APIS = ["v2", pytest.param("v3", marks=requires_api_v3)]
HOST = "http://testserver"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def html_of(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def hrefs(html: str, pattern: str) -> list[str]:
    """Absolute URLs of the links whose href matches ``pattern``, as a browser resolves them."""
    found = [unescape(href) for href in re.findall(r'href="([^"]+)"', html)]
    return [
        HOST + href if href.startswith("/") else href for href in found if re.search(pattern, href)
    ]


def detail(client, api, page) -> dict:
    response = client.get(f"/api/{api}/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:300]
    return response.json()


@pytest.mark.parametrize("api", APIS)
def test_press_release_links_are_the_html_pages_links(client, api):
    release = f.full_press_release_page(events=2)
    html = html_of(client, release)
    data = detail(client, api, release)
    assert data["links"]["feeds"] == {
        "rss": hrefs(html, r"/feed/rss/$")[0],
        "atom": hrefs(html, r"/feed/atom/$")[0],
    }
    # The events as the page links them (the page's own ``?page=`` left out: see docs/api.md).
    event_links = [href.split("?")[0] for href in hrefs(html, r"/events/\d+/calendar\.ics")]
    assert [item["value"]["calendar_url"] for item in data["events"]] == event_links
    assert data["press_contact"]["vcard_url"] in hrefs(html, r"/contact\.vcf$")
    assert data["press_contact"]["vcard_url"].startswith(HOST + "/people/")
    assert data["links"]["calendar"] == hrefs(html, r"/calendar/page/\d+\.ics$")[0]


@pytest.mark.parametrize("api", APIS)
def test_press_index_shows_its_feeds(client, api):
    index = f.full_press_release_index_page(releases=1)
    html = html_of(client, index)
    links = detail(client, api, index)["links"]
    assert links == {
        "calendar": None,
        "feeds": {"rss": hrefs(html, r"/feed/rss/$")[0], "atom": hrefs(html, r"/feed/atom/$")[0]},
    }


@pytest.mark.parametrize("api", APIS)
def test_page_without_events_or_feeds_has_no_links(client, api):
    page = f.full_speaker_team_page()
    html = html_of(client, page)
    assert not hrefs(html, r"\.ics$|/feed/")
    assert detail(client, api, page)["links"] == {"calendar": None, "feeds": None}


@pytest.mark.parametrize("api", APIS)
def test_partner_listing_calendar(client, api):
    page = f.full_partner_listing_page()
    html = html_of(client, page)
    assert detail(client, api, page)["links"]["calendar"] == hrefs(html, r"/calendar/page/")[0]


def test_feeds_of_a_hidden_index_are_not_shown(client):
    """A live release under an unpublished index: the API names no feed of the hidden index."""
    release = f.full_press_release_page()
    index = release.get_parent()
    index.unpublish()
    assert detail(client, "v2", release)["links"]["feeds"] is None


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(
    "build",
    [f.full_press_release_page, f.full_network_page, f.full_organisation_profile_page],
    ids=["press_release", "network", "organisation_profile"],
)
def test_structured_data_is_the_graph_the_html_embeds(client, api, build):
    page = build()
    embedded = json.loads(JSON_LD.search(html_of(client, page))[1])
    assert embedded["@context"] == "https://schema.org"
    graph = detail(client, api, page)["structured_data"]
    assert graph == embedded["@graph"]
    assert any(str(node.get("url", "")).endswith(page.url) for node in graph)


@pytest.mark.parametrize("api", APIS)
def test_resource_endpoints_carry_their_download_urls(client, api):
    person = f.PersonFactory()
    event = f.EventFactory()
    assert client.get(f"/api/{api}/people/{person.pk}/").json()["vcard_url"] == (
        f"{HOST}/people/{person.pk}/contact.vcf"
    )
    assert client.get(f"/api/{api}/events/{event.pk}/").json()["calendar_url"] == (
        f"{HOST}/events/{event.pk}/calendar.ics"
    )
    # The URL answers the download.
    assert client.get(f"/people/{person.pk}/contact.vcf").status_code == 200


def test_urls_follow_the_requests_host(client):
    person = f.PersonFactory()
    data = client.get(f"/api/v2/people/{person.pk}/", HTTP_HOST="cms.example.org").json()
    assert data["vcard_url"] == f"http://cms.example.org/people/{person.pk}/contact.vcf"


# --- Directory -------------------------------------------------------------------------------


def directory_world():
    topic = f.TopicFactory(name="Sprachkurse")
    other_topic = f.TopicFactory(name="Arbeit")
    listed = [
        f.OrganisationFactory(
            name=name, kind="welfare_provider", municipality="Rheine", topics=[topic]
        )
        for name in ("Caritas Rheine", "Arbeiterwohlfahrt Rheine", "Diakonie Rheine")
    ]
    # Each misses one part of the selection: kind, municipality, topic.
    f.OrganisationFactory(
        name="Stadt Rheine", kind="public_body", municipality="Rheine", topics=[topic]
    )
    f.OrganisationFactory(
        name="Caritas Emsdetten", kind="welfare_provider", municipality="Emsdetten", topics=[topic]
    )
    f.OrganisationFactory(
        name="Jobcenter Rheine",
        kind="welfare_provider",
        municipality="Rheine",
        topics=[other_topic],
    )
    page = f.DirectoryPageFactory(filter_kinds=["welfare_provider"], filter_municipality="Rheine")
    page.filter_topics.set([topic])
    page.save_revision().publish()
    return page, listed, topic


def html_listing(client, page, query="") -> list[int]:
    response = client.get(page.url + query)
    assert response.status_code == 200
    return [organisation.pk for organisation in response.context["organisations"]]


@pytest.mark.parametrize("api", APIS)
def test_directory_selection_is_the_pages_configuration(client, api, settings):
    page, _, topic = directory_world()
    selection = detail(client, api, page)["selection"]
    assert selection == {
        "kinds": [{"value": "welfare_provider", "label": "Freier Träger der Wohlfahrtspflege"}],
        "municipality": "Rheine",
        "topics": [{"id": topic.pk, "name": "Sprachkurse"}],
    }


@pytest.mark.parametrize("api", APIS)
def test_directory_listing_is_the_html_directorys(client, api):
    page, listed, _ = directory_world()
    html_ids = html_listing(client, page)
    assert sorted(html_ids) == sorted(o.pk for o in listed)
    data = client.get(f"/api/{api}/organisations/?directory={page.pk}").json()
    assert [item["id"] for item in data["items"]] == html_ids
    # The visitor's search on top of the page's selection, as the HTML page searches.
    searched = client.get(f"/api/{api}/organisations/?directory={page.pk}&search=Caritas").json()
    assert [item["id"] for item in searched["items"]] == html_listing(client, page, "?q=Caritas")


@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize("value", ["draft", "private", "other_type", "missing", "abc"])
def test_directory_filter_refuses_what_is_not_a_public_directory(client, api, value):
    page, _, _ = directory_world()
    if value == "draft":
        page.unpublish()
    elif value == "private":
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(
            page=page,
            restriction_type=PageViewRestriction.PASSWORD,
            password="geheim",  # noqa: S106
        )
    ids = {
        "other_type": f.full_speaker_team_page().pk,
        "missing": page.pk + 1000,
        "abc": "abc",
    }
    response = client.get(f"/api/{api}/organisations/?directory={ids.get(value, page.pk)}")
    expected = 404  # as if no such page: a hidden page is not revealed
    if value == "abc":
        expected = 422 if api == "v3" else 400
    assert response.status_code == expected, response.content
    assert "directory" in response.content.decode()


# --- Cost ------------------------------------------------------------------------------------


# Queries the links and the graph add to a press release's detail: the index and its
# visibility (for its feeds), the site, the renditions of the graph's image and logo; none
# per event or per person.
EXTRA_QUERIES = 4


@pytest.mark.parametrize("api", APIS)
def test_extras_cost_a_few_queries_whatever_the_events(client, api, monkeypatch):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail_integration.content import extras

    def queries_for(page) -> int:
        cache.clear()  # no cached item: the page is serialised
        with CaptureQueriesContext(connection) as captured:
            detail(client, api, page)
        return len(captured)

    small = f.full_press_release_page(events=1)
    large = f.full_press_release_page(events=20)
    for page in (small, large):  # renditions are made once, by whichever output asks first
        queries_for(page)
    with_extras = [queries_for(small), queries_for(large)]
    monkeypatch.setattr(
        extras, "page_links_out", lambda page: extras.PageLinksOut(calendar=None, feeds=None)
    )
    monkeypatch.setattr(extras, "structured_data_out", lambda page: [])
    without = [queries_for(small), queries_for(large)]
    assert with_extras[0] == with_extras[1], with_extras
    assert 0 < with_extras[0] - without[0] <= EXTRA_QUERIES, (with_extras, without)


def test_extras_are_detail_only_on_v2_listings(client):
    f.full_press_release_page()
    data = client.get("/api/v2/pages/?type=wagtail_integration.PressReleasePage&fields=*").json()
    assert "structured_data" not in data["items"][0]
    assert "links" not in data["items"][0]
    response = client.get(
        "/api/v2/pages/?type=wagtail_integration.PressReleasePage&fields=structured_data"
    )
    assert response.status_code == 400
