"""iCalendar downloads: one event, and the calendar feed of a page with events."""

from __future__ import annotations

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Page, PageViewRestriction

from wagtail_integration.models import Event, Organisation, ProjectPage
from wagtail_integration.outputs.calendars import build_calendar

from .. import factories as f

KNOWN_PROPERTIES = {
    "BEGIN",
    "END",
    "PRODID",
    "VERSION",
    "CALSCALE",
    "METHOD",
    "X-WR-CALNAME",
    "X-WR-TIMEZONE",
    "TZID",
    "DTSTART",
    "RRULE",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "TZNAME",
    "UID",
    "DTSTAMP",
    "SUMMARY",
    "DTEND",
    "LOCATION",
    "DESCRIPTION",
    "URL",
    "ORGANIZER",
    "CATEGORIES",
}


def event_url(event, page=None) -> str:
    url = reverse("wagtail_integration_event_calendar", args=[event.pk])
    return f"{url}?page={page.pk}" if page is not None else url


def feed_url(page) -> str:
    return reverse("wagtail_integration_page_calendar", args=[page.pk])


def download(url: str) -> Calendar:
    response = Client().get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.ics"')
    return parse(response.content)


def parse(content: bytes) -> Calendar:
    assert b"\r\n" in content
    unfolded = re.sub(rb"\r\n[ \t]", b"", content)
    names = {line.split(b":")[0].split(b";")[0].decode() for line in unfolded.split(b"\r\n")}
    assert names - {""} <= KNOWN_PROPERTIES, names - KNOWN_PROPERTIES
    return Calendar.from_ical(content)


def vevents(calendar: Calendar) -> list:
    return [c for c in calendar.walk() if c.name == "VEVENT"]


@pytest.fixture
def demo(class_demo, db):
    return class_demo


# --- One event -------------------------------------------------------------------------------


class TestTheDemosCalendars:
    """The demo's events, built once for the class (``class_demo``)."""

    def test_demo_training_downloads_as_all_day_event(self, demo):
        event = Event.objects.get(title="Netzwerkarbeit interkulturell gestalten")
        (item,) = vevents(download(event_url(event)))
        assert str(item["summary"]) == "Netzwerkarbeit interkulturell gestalten"
        assert item.decoded("dtstart") == datetime.date(2017, 11, 18)
        assert item.decoded("dtend") == datetime.date(2017, 11, 19)  # exclusive
        assert str(item["location"]) == "Rathaus Borken, Im Piepershagen 17, 46325 Borken"
        assert "LEADER-Fortbildung" in str(item["description"])
        assert "<p>" not in str(item["description"])
        assert str(item["uid"]) == f"event-{event.translation_key}@localhost"
        assert "url" not in item

    def test_demo_working_group_meeting_links_the_press_release(self, demo):
        event = Event.objects.get(title="Arbeitskreis Migrantenorganisationen im Kreis Steinfurt")
        release = Page.objects.get(slug="fachkonferenz-migrantenorganisationen-steinfurt")
        calendar = download(event_url(event, release))
        (item,) = vevents(calendar)
        assert item.decoded("dtstart") == datetime.date(2018, 5, 14)
        assert str(item["url"]) == "http://localhost" + release.url
        assert "https://www.kreis-steinfurt.de/integration" in str(item["description"])
        assert not [c for c in calendar.walk() if c.name == "VTIMEZONE"]  # all-day only
        # a page that does not list the event is not named as its page
        other = Page.objects.get(slug="presse")
        (item,) = vevents(download(event_url(event, other)))
        assert "url" not in item

    def test_demo_press_release_feed(self, demo):
        release = Page.objects.get(slug="fachkonferenz-migrantenorganisationen-steinfurt")
        (item,) = vevents(download(feed_url(release)))
        assert str(item["summary"]) == "Arbeitskreis Migrantenorganisationen im Kreis Steinfurt"
        assert item.decoded("dtstart") == datetime.date(2018, 5, 14)


def test_timed_event_uses_europe_berlin(db):
    organiser = f.OrganisationFactory(name="Kreis Musterland", email="integration@example.org")
    event = f.EventFactory(
        start_date=datetime.date(2025, 7, 1),
        start_time=datetime.time(10),
        end_date=datetime.date(2025, 7, 1),
        end_time=datetime.time(12, 30),
        organiser=organiser,
    )
    response = Client().get(event_url(event))
    assert b"DTSTART;TZID=Europe/Berlin:20250701T100000" in response.content
    assert b"DTEND;TZID=Europe/Berlin:20250701T123000" in response.content
    calendar = parse(response.content)
    (timezone_,) = [c for c in calendar.walk() if c.name == "VTIMEZONE"]
    assert str(timezone_["tzid"]) == "Europe/Berlin"
    (item,) = vevents(calendar)
    start = item.decoded("dtstart")
    assert start.utcoffset() == datetime.timedelta(hours=2)
    assert start.astimezone(datetime.UTC) == datetime.datetime(2025, 7, 1, 8, tzinfo=datetime.UTC)
    assert str(item["organizer"]) == "mailto:integration@example.org"
    assert item["organizer"].params["CN"] == "Kreis Musterland"


def test_unknown_event_is_404(db):
    assert Client().get("/events/999999/calendar.ics").status_code == 404
    assert Client().get("/events/99999999999999999999/calendar.ics").status_code == 404
    assert Client().get("/calendar/page/99999999999999999999.ics").status_code == 404
    event = f.EventFactory()
    for page in ("abc", "-1", "99999999999999999999", "1e9", "%00", "%C2%B2"):
        assert Client().get(f"{event_url(event)}?page={page}").status_code == 200
    assert Client().post(event_url(f.EventFactory())).status_code == 405


def test_event_link_on_the_page(db):
    page = f.full_project_page()
    html = Client().get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    links = soup.select(".wi-event__calendar a")
    assert len(links) == 2
    events = [block.value for block in page.events]
    assert [a["href"] for a in links] == [event_url(e, page) for e in events]
    assert links[0].get_text(" ", strip=True).endswith(events[0].title)
    (feed,) = soup.select(".wi-events__feed a")
    assert feed["href"] == feed_url(page)


# --- The calendar of a page ------------------------------------------------------------------


def test_page_feed_has_every_event_of_the_page(db):
    page = f.full_project_page(items=3)
    calendar = download(feed_url(page))
    assert str(calendar["x-wr-calname"]) == page.title
    items = vevents(calendar)
    assert sorted(str(i["summary"]) for i in items) == sorted(
        block.value.title for block in page.events
    )
    assert {str(i["url"]) for i in items} == {"http://localhost" + page.url}
    assert len({str(i["uid"]) for i in items}) == 3


def test_feed_404_for_pages_the_public_cannot_see(db):
    draft = f.full_project_page()
    draft.unpublish()
    private = f.full_project_page()
    PageViewRestriction.objects.create(
        page=private,
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",  # noqa: S106
    )
    child_of_private = f.ProjectPageFactory(parent=private.get_parent(), events=[])
    PageViewRestriction.objects.create(
        page=child_of_private.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    expired = f.full_project_page()
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(days=1))
    network = f.NetworkPageFactory()  # no events field
    for page in (draft, private, child_of_private, expired, network):
        assert Client().get(feed_url(page)).status_code == 404, page
    assert Client().get("/calendar/page/999999.ics").status_code == 404


def test_feed_serves_the_published_events_not_a_newer_draft(db):
    published, drafted = f.EventFactory(title="Veröffentlicht"), f.EventFactory(title="Entwurf")
    page = f.ProjectPageFactory(events=[("event", published)])
    page = ProjectPage.objects.get(pk=page.pk)
    page.events = [("event", published), ("event", drafted)]
    page.title = "Entwurfstitel"
    page.save_revision()
    calendar = download(feed_url(page))
    assert [str(i["summary"]) for i in vevents(calendar)] == ["Veröffentlicht"]
    assert str(calendar["x-wr-calname"]) != "Entwurfstitel"


def test_feed_queries_do_not_grow_with_events(db, django_assert_max_num_queries):
    def page_with(n):
        organiser = f.OrganisationFactory()
        events = [
            f.EventFactory(lecturer=f.PersonFactory(organisation=organiser), organiser=organiser)
            for _ in range(n)
        ]
        return f.ProjectPageFactory(events=[("event", e) for e in events])

    few, many = page_with(3), page_with(30)
    client = Client()
    client.get(feed_url(few))
    with CaptureQueriesContext(connection) as context:
        client.get(feed_url(few))
    with django_assert_max_num_queries(len(context)):
        response = client.get(feed_url(many))
    assert len(vevents(parse(response.content))) == 30


# --- Hostile values --------------------------------------------------------------------------


def test_line_breaks_cannot_inject_properties(db):
    organiser = f.OrganisationFactory(
        name="Amt\r\nATTENDEE:mailto:evil@example.org",
        email="a@example.org\r\nATTENDEE:mailto:evil@example.org",
    )
    event = f.EventFactory(
        title="Treffen\r\nATTENDEE:mailto:evil@example.org\r\nX-INJECTED:1",
        venue="Saal 1\nEND:VEVENT\nBEGIN:VEVENT",
        topic="Thema; mit, Zeichen\\",
        description="<p>Text</p><script>alert(1)</script>\r\nRRULE:FREQ=DAILY",
        organiser=organiser,
        lecturer=f.PersonFactory(last_name="Muster\r\nX-EVIL:1"),
    )
    page = f.ProjectPageFactory(events=[("event", event)])
    for url in (event_url(event, page), feed_url(page)):
        calendar = download(url)  # parse() rejects unknown property names
        (item,) = vevents(calendar)
        assert "attendee" not in item and "rrule" not in item
        assert str(item["summary"]) == ("Treffen ATTENDEE:mailto:evil@example.org X-INJECTED:1")
        assert str(item["location"]).startswith("Saal 1 END:VEVENT BEGIN:VEVENT")
        assert "Thema; mit, Zeichen\\" in str(item["description"])
        assert "organizer" not in item  # the e-mail address does not validate


def test_odd_characters_round_trip():
    title = "\x00Fest 🎉 \u202eGNUßÄ " + "ä" * 10_000
    event = Event(
        pk=1,
        translation_key="00000000-0000-0000-0000-000000000001",
        title=title,
        start_date=datetime.date(2026, 3, 29),
        start_time=datetime.time(1, 30),
        end_time=datetime.time(3, 30),
        venue="Bürgerhaus",
        city="Münster",
        kind=Event.Kind.OTHER,
        organiser=Organisation(pk=2, name="Verein", email="not an address"),
    )
    content = build_calendar([event], "example.org").to_ical()
    for line in content.split(b"\r\n"):
        assert len(line) <= 75
    (item,) = vevents(parse(content))
    assert str(item["summary"]) == title.replace("\x00", "")
    assert "organizer" not in item
    # 01:30 is before and 03:30 after the switch to summer time that night
    assert item.decoded("dtstart").utcoffset() == datetime.timedelta(hours=1)
    assert item.decoded("dtend").utcoffset() == datetime.timedelta(hours=2)
