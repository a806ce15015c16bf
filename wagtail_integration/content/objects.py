"""Shared objects of the content layer: one pydantic schema and one builder per object
(image, document, topic, organisation, person, funding, event, membership, working group,
translation).

API v2 dumps them through DRF serializer fields (``content/serializers.py``), API v3 uses them
as typed schemas (its schema generator reads the fields' return annotations), the package's own
resources (organisations, people, events) answer with them, and the StreamField blocks build
their values from them (``content/blocks.py``). Nothing here queries the database when the
caller prefetched what ``*_PREFETCH`` names. This module imports neither models nor the API.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from pydantic import BaseModel, ConfigDict
from wagtail.rich_text import expand_db_html

from ..conf import integration_settings
from ..visibility import visible
from .renditions import _filter, _prefetched_renditions, rendition_url


def nested(prefix: str, lookups: tuple[str, ...] | list[str]) -> list[str]:
    """``lookups`` relative to the relation ``prefix`` (e.g. ``contact_person``)."""
    return [prefix] + [f"{prefix}__{lookup}" for lookup in lookups]


# Lookups (for ``prefetch_related``) that make the builders below query-free, relative to the
# object they build from. The one place that decides what a nested object loads.
ORGANISATION_PREFETCH = ("locale", "logo__renditions", "topics")
PERSON_PREFETCH = (
    "locale",
    "photo__renditions",
    *nested("organisation", ORGANISATION_PREFETCH),
)
EVENT_PREFETCH = (
    "locale",
    *nested("lecturer", PERSON_PREFETCH),
    *nested("organiser", ORGANISATION_PREFETCH),
)
FUNDING_PREFETCH = ("logo__renditions",)
MEMBERSHIP_PREFETCH = tuple(nested("organisation", ORGANISATION_PREFETCH))
WORKING_GROUP_PREFETCH = tuple(nested("contact", PERSON_PREFETCH))


# The request an API answer is built for: absolute URLs take its scheme and host. Set by the
# API's HTTP wrapper (``api/http.py``), because API v3 gives custom fields no context.
_answering: ContextVar[Any] = ContextVar("wagtail_integration_answering", default=None)


@contextmanager
def _setting(variable: ContextVar, value) -> Iterator[None]:
    token = variable.set(value)
    try:
        yield
    finally:
        variable.reset(token)


def answering(request):
    """Objects built inside the block are built for ``request``."""
    return _setting(_answering, request)


def current_request():
    return _answering.get()


# Set while the HTML page builds its typed content (``content/pages.py``): it adds what only
# the templates show (their rendition sizes, file URLs and sizes) to images and documents.
_html_extension: ContextVar[Any] = ContextVar("wagtail_integration_html", default=None)


def extended_for_html(extension):
    return _setting(_html_extension, extension)


def _extended(kind: str, obj, out):
    extension = _html_extension.get()
    return out if extension is None else getattr(extension, kind)(obj, out)


def absolute_url(url: str) -> str:
    """``url`` with the scheme and host of the request being answered (else of
    ``WAGTAILADMIN_BASE_URL``); an absolute ``url`` stays as it is."""
    request = current_request()
    if request is not None:
        return request.build_absolute_uri(url)
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + url if url.startswith("/") else url


def route_url(name: str, *args) -> str | None:
    """The absolute URL of one of the package's routes, None where the host does not mount
    ``wagtail_integration.urls`` (as the templates leave the link out then)."""
    try:
        return absolute_url(reverse(name, args=args))
    except NoReverseMatch:
        return None


def rich_text(value: str | None) -> str:
    """Rich text as display HTML: internal page, document and image links made public."""
    return expand_db_html(value) if value else ""


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=False, extra="forbid")


class RenditionOut(Out):
    url: str
    width: int
    height: int


class ImageOut(Out):
    id: int
    title: str
    alt: str
    width: int
    height: int
    credit: str = ""
    renditions: dict[str, RenditionOut]


class DocumentOut(Out):
    id: int
    title: str
    url: str
    file_extension: str


class TopicOut(Out):
    id: int
    name: str


class OrganisationOut(Out):
    id: int
    locale: str
    name: str
    short_name: str
    unit: str
    kind: str
    kind_label: str
    municipality: str
    street: str
    postcode: str
    city: str
    website: str
    email: str
    phone: str
    fax: str
    description: str
    logo: ImageOut | None
    topics: list[TopicOut]


class PersonOut(Out):
    id: int
    locale: str
    full_name: str
    academic_title: str
    first_name: str
    last_name: str
    position: str
    email: str
    phone: str
    fax: str
    building: str
    room: str
    street: str
    postcode: str
    city: str
    photo: ImageOut | None
    organisation: OrganisationOut | None
    vcard_url: str | None  # the contact as a vCard (.vcf), absolute


class FundingOut(Out):
    id: int
    name: str
    funder: str
    description: str
    attribution: str
    url: str
    logo: ImageOut | None


class EventOut(Out):
    id: int
    locale: str
    title: str
    kind: str
    kind_label: str
    topic: str
    description: str
    start_date: datetime.date
    start_time: datetime.time | None
    end_date: datetime.date | None
    end_time: datetime.time | None
    venue: str
    street: str
    postcode: str
    city: str
    registration_url: str
    online_url: str
    lecturer: PersonOut | None
    organiser: OrganisationOut | None
    calendar_url: str | None  # the event as an iCalendar file (.ics), absolute


class MembershipOut(Out):
    """A member or partner organisation of a page, with the page's note on it."""

    organisation: OrganisationOut
    note: str


class WorkingGroupOut(Out):
    name: str
    description: str
    contact: PersonOut | None


class TranslationOut(Out):
    locale: str
    id: int
    title: str
    url: str | None


# --- Builders ------------------------------------------------------------------------------


def image_out(image, *, credit: str = "", alt: str = "") -> ImageOut | None:
    if image is None:
        return None
    # The HTML makes the renditions its templates ask for, not the API's (``content/pages.py``).
    specs = {} if _html_extension.get() else dict(integration_settings.IMAGE_RENDITIONS)
    renditions = _prefetched_renditions(image, specs.values()) if specs else {}
    if renditions is None:
        renditions = image.get_renditions(*map(_filter, specs.values()))
    # Built without validation: every value has its field's type already (ints from the
    # database, strings), and the answer's tests check the shape.
    out = ImageOut.model_construct(
        id=image.pk,
        title=image.title,
        alt=alt or image.default_alt_text or "",
        width=image.width,
        height=image.height,
        credit=credit or "",
        renditions={
            name: RenditionOut.model_construct(
                url=rendition_url(renditions[spec]),
                width=renditions[spec].width,
                height=renditions[spec].height,
            )
            for name, spec in specs.items()
        },
    )
    return _extended("image", image, out)


def _out(schema: type[Out], obj, **values) -> Any:
    """``schema`` from ``obj``'s attributes of the same names; ``values`` are the fields that
    are built (nested objects, rich text, labels) rather than copied."""
    copied = {name: getattr(obj, name) for name in schema.model_fields if name not in values}
    return schema(**copied, **values)


def document_out(document) -> DocumentOut | None:
    if document is None:
        return None
    return _extended("document", document, _out(DocumentOut, document, id=document.pk))


def _locale_code(obj) -> str:
    return obj.locale.language_code


def topic_out(topic) -> TopicOut:
    return _out(TopicOut, topic, id=topic.pk)


def organisation_out(organisation) -> OrganisationOut | None:
    if organisation is None:
        return None
    return _out(
        OrganisationOut,
        organisation,
        id=organisation.pk,
        locale=_locale_code(organisation),
        kind_label=str(organisation.get_kind_display()),
        description=rich_text(organisation.description),
        logo=image_out(organisation.logo),
        topics=[topic_out(topic) for topic in organisation.topics.all()],
    )


def person_out(person) -> PersonOut | None:
    if person is None:
        return None
    return _out(
        PersonOut,
        person,
        id=person.pk,
        locale=_locale_code(person),
        photo=image_out(person.photo),
        organisation=organisation_out(person.organisation),
        vcard_url=route_url("wagtail_integration_person_vcard", person.pk),
    )


def funding_out(funding) -> FundingOut | None:
    if funding is None:
        return None
    return _out(
        FundingOut,
        funding,
        id=funding.pk,
        description=rich_text(funding.description),
        logo=image_out(funding.logo),
    )


def event_out(event) -> EventOut | None:
    if event is None:
        return None
    return _out(
        EventOut,
        event,
        id=event.pk,
        locale=_locale_code(event),
        kind_label=str(event.get_kind_display()),
        description=rich_text(event.description),
        lecturer=person_out(event.lecturer),
        organiser=organisation_out(event.organiser),
        calendar_url=route_url("wagtail_integration_event_calendar", event.pk),
    )


def membership_out(membership) -> MembershipOut:
    return _out(MembershipOut, membership, organisation=organisation_out(membership.organisation))


def working_group_out(group) -> WorkingGroupOut:
    return _out(WorkingGroupOut, group, contact=person_out(group.contact))


def translations_out(page, request=None) -> list[TranslationOut]:
    """The page's other live translations; ``_api_translations`` when prefetched."""
    translations = getattr(page, "_api_translations", None)
    if translations is None:
        translations = list(
            visible(page.get_translations().live().public()).select_related("locale").order_by("pk")
        )
    return [
        TranslationOut(
            locale=translation.locale.language_code,
            id=translation.pk,
            title=translation.title,
            url=translation.get_url(request),
        )
        for translation in translations
    ]


def dump(model: BaseModel | None) -> Any:
    return None if model is None else model.model_dump(mode="json")
