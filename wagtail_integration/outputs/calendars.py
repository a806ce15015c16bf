"""iCalendar (RFC 5545) files for events: one event, or all events of a page.

Built with the ``icalendar`` package, which escapes text values (``,`` ``;`` ``\\`` and
newlines); on top of that, control characters are removed and line breaks in one-line values
(title, venue) become spaces, so no value can start a property of its own.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress
from icalendar import Event as VEvent

from ..text import clean_text, isolate, one_line
from .structured_data import BERLIN, plain_text

PRODID = "-//wagtail_integration//Events//DE"
TZID = "Europe/Berlin"


def multi_line(value: str | None) -> str:
    """A text value that may keep line breaks (icalendar writes them as ``\\n``)."""
    return clean_text(value).strip()


def berlin_vtimezone() -> Timezone:
    """VTIMEZONE for Europe/Berlin with the EU rules in force since 1996.

    Written out rather than generated, so it works with every supported icalendar version.
    """
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add_component(
        _clock_change(TimezoneStandard(), datetime.datetime(1970, 10, 25, 3), 2, "CET")
    )
    tz.add_component(
        _clock_change(TimezoneDaylight(), datetime.datetime(1970, 3, 29, 2), 1, "CEST")
    )
    return tz


def _clock_change(component, first: datetime.datetime, hours_before: int, name: str):
    """One of the two yearly clock changes: the last Sunday of ``first``'s month, one hour."""
    hours_after = 3 - hours_before  # CET is UTC+1, CEST UTC+2
    component.add("dtstart", first)
    component.add("rrule", {"freq": "yearly", "bymonth": first.month, "byday": "-1su"})
    component.add("tzoffsetfrom", datetime.timedelta(hours=hours_before))
    component.add("tzoffsetto", datetime.timedelta(hours=hours_after))
    component.add("tzname", name)
    return component


def event_uid(event, host: str) -> str:
    """Stable per event and shared by its translations (same ``translation_key``)."""
    return f"event-{event.translation_key}@{one_line(host) or 'localhost'}"


def _local(date: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(date, time, tzinfo=BERLIN)


def _valid_email(value: str) -> str | None:
    try:
        validate_email(value)
    except ValidationError:
        return None
    return value


def event_location(event) -> str:
    """Venue, street, postcode and city; in a right-to-left language each part is isolated
    (as the HTML's ``<bdi>``), so "48653 Coesfeld" keeps its order."""
    place = " ".join(isolate(p) for p in (event.postcode, event.city) if one_line(p))
    parts = [isolate(event.venue), isolate(event.street), place]
    return one_line(", ".join(p for p in parts if p))


def vevent(event, host: str, url: str | None = None, stamp=None) -> VEvent:
    """One VEVENT: dates with TZID Europe/Berlin when times are set, else all-day dates."""
    item = VEvent()
    item.add("uid", event_uid(event, host))
    item.add("dtstamp", stamp or timezone.now())
    item.add("summary", one_line(event.title))
    end_date = event.end_date or event.start_date
    if event.start_time:
        item.add("dtstart", _local(event.start_date, event.start_time))
        if event.end_time:
            item.add("dtend", _local(end_date, event.end_time))
        elif end_date != event.start_date:  # ends with the last day
            item.add("dtend", _local(end_date + datetime.timedelta(days=1), datetime.time()))
    else:
        item.add("dtstart", event.start_date)
        # DTEND of an all-day event is exclusive: the day after the last day.
        item.add("dtend", end_date + datetime.timedelta(days=1))
    location = event_location(event)
    online_url = one_line(event.online_url)
    if location:
        item.add("location", location)
    elif online_url:
        # Online only: calendar apps show LOCATION as the place to go, a link there opens.
        item.add("location", online_url)
    lines = []
    if event.topic:
        lines.append(one_line(event.topic))
    description = plain_text(event.description, paragraphs=True)
    if description:
        lines.append(description)
    if event.lecturer_id and event.lecturer:
        lines.append(_("Lecturer: %(name)s") % {"name": isolate(event.lecturer.full_name)})
    if event.organiser_id and event.organiser:
        lines.append(_("Organiser: %(name)s") % {"name": isolate(event.organiser.name)})
    if event.registration_url:
        lines.append(_("Registration: %(url)s") % {"url": isolate(event.registration_url)})
    if online_url:
        lines.append(_("Online: %(url)s") % {"url": isolate(online_url)})
    if lines:
        item.add("description", multi_line("\n\n".join(lines)))
    if url:
        item.add("url", one_line(url))
    elif online_url:
        item.add("url", online_url)
    organiser = event.organiser if event.organiser_id else None
    email = _valid_email(one_line(organiser.email)) if organiser and organiser.email else None
    if email:
        # Only a validated address: ORGANIZER needs a URI, and CN must stay one line.
        address = vCalAddress(f"mailto:{email}")
        address.params["cn"] = one_line(organiser.name).replace('"', "'")
        item.add("organizer", address)
    if event.kind:
        item.add("categories", [one_line(event.get_kind_display())])
    return item


def build_calendar(events: Iterable, host: str, name: str | None = None, url_for=None) -> Calendar:
    """A VCALENDAR with one VEVENT per event; ``url_for(event)`` gives each event's URL."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", one_line(name))
    events = [event for event in events if event is not None]
    if any(event.start_time for event in events):
        cal.add("x-wr-timezone", TZID)
        cal.add_component(berlin_vtimezone())
    stamp = timezone.now()
    seen = set()
    for event in events:
        if event.pk in seen:
            continue
        seen.add(event.pk)
        cal.add_component(vevent(event, host, url=url_for(event) if url_for else None, stamp=stamp))
    return cal


def page_events(page) -> list:
    """The events chosen in the ``events`` stream of ``page`` (one query for all of them)."""
    stream = getattr(page, "events", None)
    if stream is None:
        return []
    return [
        block.value for block in stream if block.block_type == "event" and block.value is not None
    ]
