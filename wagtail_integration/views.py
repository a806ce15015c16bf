"""Downloads served outside page routes: iCalendar files for events and pages, vCards."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_safe
from wagtail.blocks import StreamValue
from wagtail.models import Page, Site

from .models import Event, Person
from .outputs.calendars import build_calendar, page_events
from .outputs.vcard import person_vcard
from .visibility import visible

MAX_ID = 2**31 - 1  # larger ids overflow the database's integer column: not found
CALENDAR_TYPE = "text/calendar; charset=utf-8"
VCARD_TYPE = "text/vcard; charset=utf-8"


def public_pages():
    """Live pages without view restrictions that the time-based rule lets show now."""
    return visible(Page.objects.live().public())


def _check_id(value: int) -> int:
    if value > MAX_ID:
        raise Http404("No such object.")
    return value


def _host(request) -> str:
    site = Site.find_for_request(request)
    return site.hostname if site is not None else request.get_host().split(":")[0]


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _language(obj) -> str:
    return obj.locale.language_code if obj.locale_id else translation.get_language()


def _event_ids(stream) -> set:
    if not isinstance(stream, StreamValue):
        return set()
    return {
        str(item.get("value"))
        for item in stream.raw_data
        if isinstance(item, dict) and item.get("type") == "event"
    }


@require_safe
def event_calendar(request, pk: int) -> HttpResponse:
    """One event as an ``.ics`` file.

    Events are snippets without a publishing state, so every event is served, whatever its
    locale. ``?page=<id>`` names the page that shows it: its URL goes into the file when that
    page is live, public and lists the event.
    """
    event = get_object_or_404(
        Event.objects.select_related("locale", "lecturer", "organiser"), pk=_check_id(pk)
    )
    url = None
    page_id = request.GET.get("page", "")
    if page_id.isascii() and page_id.isdigit() and int(page_id) <= MAX_ID:
        page = public_pages().filter(pk=int(page_id)).first()
        if page is not None:
            page = page.specific
            if str(event.pk) in _event_ids(getattr(page, "events", None)):
                url = page.get_full_url(request)
    with translation.override(_language(event)):
        calendar = build_calendar([event], _host(request), url_for=lambda _event: url)
    filename = f"{slugify(event.title)[:60].strip('-') or 'event'}-{event.pk}.ics"
    return _download(calendar.to_ical(), CALENDAR_TYPE, filename)


@require_safe
def page_calendar(request, page_id: int) -> HttpResponse:
    """All events of a live, public page as one calendar (its published content only)."""
    page = get_object_or_404(public_pages(), pk=_check_id(page_id)).specific
    if not isinstance(getattr(page, "events", None), StreamValue):
        raise Http404("This page has no events.")
    url = page.get_full_url(request)
    with translation.override(_language(page)):
        calendar = build_calendar(
            page_events(page), _host(request), name=page.title, url_for=lambda _event: url
        )
    filename = f"{slugify(page.slug)[:60].strip('-') or 'events'}-{page.pk}.ics"
    return _download(calendar.to_ical(), CALENDAR_TYPE, filename)


@require_safe
def person_vcard_view(request, pk: int) -> HttpResponse:
    """A person's contact details as a vCard (``.vcf``); people are snippets, always shown."""
    person = get_object_or_404(
        Person.objects.select_related("locale", "organisation"), pk=_check_id(pk)
    )
    organisation = person.organisation
    with translation.override(_language(person)):
        card = person_vcard(person, url=organisation.website if organisation else None)
    filename = f"{slugify(person.full_name)[:60].strip('-') or 'contact'}-{person.pk}.vcf"
    return _download(card.encode("utf-8"), VCARD_TYPE, filename)
