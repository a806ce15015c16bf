"""Online and mixed events: the event's online link in HTML, API v2/v3, iCalendar and JSON-LD
(``eventAttendanceMode`` Offline/Online/Mixed, ``location`` a ``VirtualLocation``)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from wagtail_integration.models import Event

from .. import factories as f
from .test_calendars import download, event_url, vevents
from .test_structured_data import get_html, ld_json, nodes_of

pytestmark = pytest.mark.django_db

ONLINE = "https://konferenz.example.org/raum-7"
UNPLACED = {"venue": "", "street": "", "postcode": "", "city": ""}
SCHEMA = "https://schema.org/"


@pytest.fixture
def events():
    organiser = f.OrganisationFactory(street="Rathausplatz 1", postcode="48565", city="Steinfurt")
    return {
        "online": f.EventFactory(online_url=ONLINE, organiser=organiser, **UNPLACED),
        "mixed": f.EventFactory(online_url=ONLINE),
        "offline": f.EventFactory(),
        "hosted": f.EventFactory(organiser=organiser, **UNPLACED),
    }


@pytest.fixture
def page(events):
    return f.ProjectPageFactory(events=[("event", e) for e in events.values()])


def test_json_ld_gives_the_attendance_mode_and_a_virtual_location(page, events):
    nodes = {n["@id"].rsplit("/", 1)[-1]: n for n in nodes_of(ld_json(get_html(page.url)), "Event")}
    node = {name: nodes[str(event.pk)] for name, event in events.items()}
    virtual = {"@type": "VirtualLocation", "url": ONLINE}

    assert node["online"]["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    # Online only: the organiser's address is no place to go to.
    assert node["online"]["location"] == virtual

    assert node["mixed"]["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"
    place, online = node["mixed"]["location"]
    assert place["@type"] == "Place" and place["name"] == events["mixed"].venue
    assert online == virtual

    for name in ("offline", "hosted"):  # today's rule: venue, else the organiser's address
        assert node[name]["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
        assert node[name]["location"]["@type"] == "Place"


def test_html_links_the_online_event(page, events):
    soup = BeautifulSoup(get_html(page.url), "html.parser")
    links = [a["href"] for a in soup.select(".wi-event__online a")]
    assert links == [ONLINE, ONLINE]  # the online and the mixed event
    (online_card,) = [
        card for card in soup.select(".wi-event") if events["online"].title in card.get_text()
    ]
    assert not online_card.select(".wi-event__venue")


def test_icalendar_gives_the_online_link(events):
    (online,) = vevents(download(event_url(events["online"])))
    assert str(online["LOCATION"]) == ONLINE  # no place: the link is where to go
    assert str(online["URL"]) == ONLINE
    assert ONLINE in str(online["DESCRIPTION"])
    (mixed,) = vevents(download(event_url(events["mixed"])))
    assert str(mixed["LOCATION"]).startswith(events["mixed"].venue)
    assert ONLINE in str(mixed["DESCRIPTION"])
    (offline,) = vevents(download(event_url(events["offline"])))
    assert "URL" not in offline and "Online" not in str(offline["DESCRIPTION"])


def test_the_page_calendar_keeps_the_page_url_and_names_the_link(page, events):
    calendar = download(reverse("wagtail_integration_page_calendar", args=[page.pk]))
    by_title = {str(v["SUMMARY"]): v for v in vevents(calendar)}
    mixed = by_title[events["mixed"].title]
    assert str(mixed["URL"]).endswith(page.url)
    assert ONLINE in str(mixed["DESCRIPTION"])


API_VERSIONS = ["v2"]
if apps.is_installed("wagtail.api.v3"):
    API_VERSIONS.append("v3")


@pytest.mark.parametrize("api", API_VERSIONS)
def test_the_api_gives_the_online_link(client, events, page, api):
    item = client.get(f"/api/{api}/events/{events['online'].pk}/").json()
    assert item["online_url"] == ONLINE
    item = client.get(f"/api/{api}/events/{events['offline'].pk}/").json()
    assert item["online_url"] == ""
    data = client.get(f"/api/{api}/pages/{page.pk}/").json()
    assert [block["value"]["online_url"] for block in data["events"]] == [ONLINE, ONLINE, "", ""]


@pytest.mark.skipif(not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8")
def test_the_v3_schema_types_the_online_link(client):
    schema = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    assert schema["EventOut"]["properties"]["online_url"]["type"] == "string"
    assert "online_url" in schema["EventOut"]["required"]


def test_an_online_link_must_be_a_url(admin_client):
    event = f.EventFactory()
    url = reverse(Event.snippet_viewset.get_url_name("edit"), args=[event.pk])
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="w-editor-form")
    data["online_url"] = "zoom meeting 7"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "online_url" in response.context["form"].errors
    event.refresh_from_db()
    assert event.online_url == ""


def test_the_demo_has_an_online_event():
    call_command("wagtail_integration_demo", organisations=0, verbosity=0)
    (event,) = Event.objects.exclude(online_url="")
    assert not (event.venue or event.street or event.city)
    pages = [p for p in Page.objects.live().specific() if event.pk in _event_ids(p)]
    assert pages
    assert event.online_url in get_html(pages[0].url)


def _event_ids(page) -> set[int]:
    stream = getattr(page, "events", None) or []
    return {block.value.pk for block in stream if block.block_type == "event" and block.value}
