"""Plain-text outputs of right-to-left pages isolate their left-to-right runs.

What the HTML wraps in ``<bdi>`` (postcodes, phone numbers, names in Latin script, URLs inside
text) goes between FSI (U+2068) and PDI (U+2069) in the iCalendar, vCard and feed text of an
Arabic object, so "48653 Coesfeld" does not read "Coesfeld 48653". Machine values (DTSTART,
URL, ORGANIZER's mailto, EMAIL, links) never carry them, and German outputs are unchanged.
Each output is parsed with the library a client would use (icalendar, vobject, feedparser).
"""

from __future__ import annotations

import datetime

import feedparser
import pytest
import vobject
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import Locale, Page

from wagtail_integration import text
from wagtail_integration.translation import translate_page_tree

from .. import factories as f

FSI, PDI = "\u2068", "\u2069"


def isolated(value: str) -> str:
    return f"{FSI}{value}{PDI}"


@pytest.fixture
def arabic(db):
    return Locale.objects.get_or_create(language_code="ar")[0]


def test_isolate_follows_the_language():
    assert text.isolate("48653", rtl=True) == isolated("48653")
    assert text.isolate("48653", rtl=False) == "48653"
    assert text.isolate("", rtl=True) == ""
    # Controls inside the value go, so the added pair is always balanced.
    assert text.isolate("a\u202eb\u2069c", rtl=True) == isolated("abc")


def test_xml_keeps_closed_isolates_and_drops_the_rest():
    value = f"Pressemitteilungen: {isolated('Presse')}"
    assert text.clean_text(value, xml=True) == value
    assert text.one_line(value, xml=True) == value
    # Unclosed or stray isolates and every embedding or override still leave XML.
    assert text.clean_text(f"{FSI}offen", xml=True) == "offen"
    assert text.clean_text(f"zu{PDI}{FSI}", xml=True) == "zu"
    assert text.clean_text(f"\u202e{isolated('x')}", xml=True) == isolated("x")


def event_calendar(event) -> Calendar:
    response = Client().get(reverse("wagtail_integration_event_calendar", args=[event.pk]))
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def make_event(locale):
    organiser = f.OrganisationFactory(
        locale=locale, name="Multikulturelles Forum e.V.", email="forum@example.org"
    )
    lecturer = f.PersonFactory(locale=locale, first_name="Anna", last_name="Schmidt")
    return f.EventFactory(
        locale=locale,
        venue="Kreishaus",
        street="Friedrich-Ebert-Straße 7",
        postcode="48653",
        city="Coesfeld",
        start_date=datetime.date(2026, 12, 3),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        organiser=organiser,
        lecturer=lecturer,
        registration_url="https://anmeldung.example.org/",
    )


def test_arabic_calendar_isolates_place_names_and_urls_in_text(arabic):
    (item,) = [c for c in event_calendar(make_event(arabic)).walk() if c.name == "VEVENT"]
    location = str(item["location"])
    assert location == ", ".join(
        [
            isolated("Kreishaus"),
            isolated("Friedrich-Ebert-Straße 7"),
            f"{isolated('48653')} {isolated('Coesfeld')}",
        ]
    )
    description = str(item["description"])
    assert isolated("Anna Schmidt") in description
    assert isolated("Multikulturelles Forum e.V.") in description
    assert isolated("https://anmeldung.example.org/") in description
    # Machine fields stay clean.
    assert str(item["organizer"]) == "mailto:forum@example.org"
    assert item.decoded("dtstart") == datetime.datetime(
        2026, 12, 3, 10, tzinfo=item.decoded("dtstart").tzinfo
    )
    assert FSI not in str(item["uid"])


def test_german_calendar_has_no_isolates(db):
    (item,) = [
        c for c in event_calendar(make_event(f.default_locale())).walk() if c.name == "VEVENT"
    ]
    for name in ("location", "description", "summary"):
        assert FSI not in str(item[name]) and PDI not in str(item[name]), name
    assert str(item["location"]) == "Kreishaus, Friedrich-Ebert-Straße 7, 48653 Coesfeld"


def person_card(person):
    response = Client().get(reverse("wagtail_integration_person_vcard", args=[person.pk]))
    assert response.status_code == 200
    return vobject.readOne(response.content.decode("utf-8"))


def make_person(locale):
    return f.PersonFactory(
        locale=locale,
        first_name="Anna",
        last_name="Schmidt",
        email="anna.schmidt@example.org",
        phone="+49 2541 18-0",
        fax="+49 2541 18-99",
        street="Friedrich-Ebert-Straße 7",
        postcode="48653",
        city="Coesfeld",
    )


def test_arabic_vcard_isolates_phone_street_and_postcode(arabic):
    card = person_card(make_person(arabic))
    phones = sorted(tel.value for tel in card.contents["tel"])
    assert phones == [isolated("+49 2541 18-0"), isolated("+49 2541 18-99")]
    address = card.adr.value
    assert address.street == isolated("Friedrich-Ebert-Straße 7")
    assert address.code == isolated("48653")
    # A machine field stays clean.
    assert card.email.value == "anna.schmidt@example.org"


def test_german_vcard_has_no_isolates(db):
    card = person_card(make_person(f.default_locale()))
    assert FSI not in card.serialize() and PDI not in card.serialize()
    assert card.adr.value.code == "48653"


@pytest.fixture
def arabic_index(arabic, django_capture_on_commit_callbacks):
    index = f.PressReleaseIndexPageFactory(title="Presse", slug="presse")
    f.PressReleasePageFactory(
        parent=index,
        title="Neue Beratungsstelle",
        publisher=f.OrganisationFactory(name="Multikulturelles Forum e.V."),
    )
    with django_capture_on_commit_callbacks(execute=True):
        translate_page_tree(index, [arabic])  # published, with the source's text
    return index, Page.objects.get(translation_key=index.translation_key, locale=arabic)


def test_arabic_feed_isolates_the_embedded_title_and_the_author(arabic_index):
    german, translation = arabic_index
    response = Client().get(translation.url + "feed/atom/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert isolated("Presse") in feed.feed.subtitle
    (entry,) = feed.entries
    assert entry.author == isolated("Multikulturelles Forum e.V.")
    assert FSI not in entry.link and FSI not in entry.id

    german_feed = feedparser.parse(Client().get(german.url + "feed/atom/").content)
    assert FSI not in german_feed.feed.subtitle
    assert german_feed.entries[0].author == "Multikulturelles Forum e.V."
