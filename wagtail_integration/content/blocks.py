"""Typed StreamField content: one pydantic schema and one builder per block type.

A stream is a list of items ``{"type": ..., "value": ..., "id": ...}`` (Wagtail's own API
shape); each item schema fixes ``type`` to a ``Literal``, so a stream's schema is a union
discriminated by ``type``. The blocks of ``wagtail_integration.blocks`` answer
``get_api_representation`` from these builders, and API v3 types each StreamField with the
stream's schema (``api/v3.py``), so v2 and v3 show the same JSON and the OpenAPI document
names every block.

Builders take the block's Python value (chooser values are model instances, already fetched
by the blocks' ``bulk_to_python``) and the serialisation context (for ``rich_text_format``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Annotated, Any, Literal, Union

from pydantic import Field, create_model

from .objects import (
    DocumentOut,
    EventOut,
    FundingOut,
    ImageOut,
    OrganisationOut,
    Out,
    PersonOut,
    document_out,
    event_out,
    funding_out,
    image_out,
    organisation_out,
    person_out,
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
Weekday = Literal[WEEKDAYS]  # type: ignore[valid-type]

Context = dict[str, Any] | None


def rich_text_format(request) -> str:
    """The format the package's rich text is shown in.

    ``?rich_text_format=`` when given (Wagtail's values: ``html``, ``db_html``, ``markdown``,
    ``db_markdown``), else the host's ``WAGTAILAPI_RICH_TEXT_FORMAT`` when it sets one, else
    ``html``: public URLs for page, document and image links, ready for a front end. Raises
    Wagtail's ``RichTextFormatError`` for an unknown value.
    """
    from django.conf import settings
    from wagtail.api.rich_text import APIRichText

    requested = request.GET.get("rich_text_format") if request is not None else None
    if requested is None:
        requested = getattr(settings, APIRichText.SETTING_NAME, APIRichText.FORMAT_HTML)
    return APIRichText.resolve_format(requested)


def rich_text_value(value, context: Context = None) -> str:
    """A ``RichTextBlock`` value in the format of ``rich_text_format``."""
    try:
        from wagtail.api.rich_text import APIRichText
    except ImportError:  # Wagtail 7: display HTML, as the package's default
        from wagtail.rich_text import expand_db_html

        return expand_db_html(value.source)
    request = (context or {}).get("request")
    return APIRichText.serialize(value.source, format=rich_text_format(request))


def text_value(value, context: Context = None) -> str:
    return value if value is not None else ""


# --- Struct block values ---------------------------------------------------------------------


class TeamMemberOut(Out):
    person: PersonOut | None
    role: str


class ImageWithCreditOut(Out):
    image: ImageOut | None
    caption: str
    credit: str
    licence: str


class DocumentItemOut(Out):
    document: DocumentOut | None
    title: str
    description: str
    credit: str
    licence: str


class OpeningHoursOut(Out):
    days: list[Weekday]
    opens: datetime.time | None
    closes: datetime.time | None


class TextListSectionOut(Out):
    heading: str
    items: list[str]


class ContactCardOut(Out):
    heading: str
    person: PersonOut | None


class TeamOut(Out):
    heading: str
    members: list[TeamMemberOut]


class FundingLogosOut(Out):
    heading: str
    items: list[FundingOut | None]


class DownloadsOut(Out):
    heading: str
    documents: list[DocumentItemOut]


def team_member_out(value, context: Context = None) -> TeamMemberOut | None:
    """None once the person is deleted: no entry with ``person: null`` and an orphaned role."""
    if value["person"] is None:
        return None
    return TeamMemberOut(person=person_out(value["person"]), role=value["role"] or "")


def image_with_credit_out(value, context: Context = None) -> ImageWithCreditOut:
    return ImageWithCreditOut(
        image=image_out(value["image"], credit=value["credit"], alt=value["alt_text"]),
        caption=value["caption"] or "",
        credit=value["credit"] or "",
        licence=value["licence"] or "",
    )


def document_item_out(value, context: Context = None) -> DocumentItemOut:
    document = value["document"]
    return DocumentItemOut(
        document=document_out(document),
        title=value["title"] or getattr(document, "title", ""),
        description=value["description"] or "",
        credit=value["credit"] or "",
        licence=value["licence"] or "",
    )


def opening_hours_out(value, context: Context = None) -> OpeningHoursOut:
    return OpeningHoursOut(
        days=list(value["days"] or []), opens=value["opens"], closes=value["closes"]
    )


def text_list_section_out(value, context: Context = None) -> TextListSectionOut:
    return TextListSectionOut(heading=value["heading"] or "", items=list(value["items"]))


def contact_card_out(value, context: Context = None) -> ContactCardOut | None:
    if value["person"] is None:  # the person was deleted: the card is left out
        return None
    return ContactCardOut(heading=value["heading"] or "", person=person_out(value["person"]))


def team_out(value, context: Context = None) -> TeamOut:
    return TeamOut(
        heading=value["heading"] or "",
        members=present(team_member_out(member) for member in value["members"]),
    )


def funding_logos_out(value, context: Context = None) -> FundingLogosOut:
    return FundingLogosOut(
        heading=value["heading"] or "", items=present(funding_out(item) for item in value["items"])
    )


def downloads_out(value, context: Context = None) -> DownloadsOut:
    return DownloadsOut(
        heading=value["heading"] or "",
        documents=[document_item_out(item) for item in value["documents"]],
    )


def present(entries) -> list:
    """The entries whose object still exists (a deleted snippet's chooser value is None)."""
    return [entry for entry in entries if entry is not None]


def _chooser(build: Callable) -> Callable:
    def build_value(value, context: Context = None):
        return build(value)

    return build_value


# --- Stream items and streams ----------------------------------------------------------------


def stream_item(name: str, block_type: str, value: Any) -> type[Out]:
    """An item schema ``{"type": block_type, "value": value, "id": ...}`` (in that order)."""
    return create_model(
        name,
        __base__=Out,
        __module__=__name__,
        type=(Literal[block_type], ...),
        value=(value, ...),
        id=(str | None, ...),
    )


class Stream:
    """The schema and builder of one StreamBlock: ``{block type: (item schema, builder)}``."""

    def __init__(self, name: str, items: dict[str, tuple[type[Out], Callable]]) -> None:
        self.name = name
        self.items = items
        schemas = tuple(schema for schema, _ in items.values())
        if len(schemas) == 1:
            self.item_schema: Any = schemas[0]
        else:
            self.item_schema = Annotated[Union[schemas], Field(discriminator="type")]  # noqa: UP007
        self.annotation = list[self.item_schema]

    def build(self, stream_value, context: Context = None) -> list[Out]:
        if stream_value is None:
            return []
        result = []
        for child in stream_value:
            if child.block_type not in self.items:  # a block type no longer defined
                continue
            schema, build = self.items[child.block_type]
            value = build(child.value, context)
            if value is None:  # its person, organisation or event was deleted
                continue
            result.append(schema(type=child.block_type, value=value, id=child.id))
        return result

    def dump(self, stream_value, context: Context = None) -> list[dict]:
        return [item.model_dump(mode="json") for item in self.build(stream_value, context)]


# Items shared by several streams (the same block type and value wherever it is used).
ImageItem = stream_item("ImageItem", "image", ImageWithCreditOut)
DocumentItem = stream_item("DocumentItem", "document", DocumentItemOut)
TeamMemberItem = stream_item("TeamMemberItem", "member", TeamMemberOut)

IMAGE = (ImageItem, image_with_credit_out)
TEAM_MEMBER = (TeamMemberItem, team_member_out)

TEXT_LIST = Stream("TextList", {"item": (stream_item("TextEntryItem", "item", str), text_value)})
TEAM_MEMBERS = Stream("TeamMembers", {"member": TEAM_MEMBER})
MEDIA = Stream("Media", {"image": IMAGE, "document": (DocumentItem, document_item_out)})
OFFICE_HOURS = Stream(
    "OfficeHours",
    {"hours": (stream_item("OpeningHoursItem", "hours", OpeningHoursOut), opening_hours_out)},
)
ORGANISATION_LIST = Stream(
    "OrganisationList",
    {
        "organisation": (
            stream_item("OrganisationItem", "organisation", OrganisationOut | None),
            _chooser(organisation_out),
        )
    },
)
FUNDING_LIST = Stream(
    "FundingList",
    {
        "funding": (
            stream_item("FundingItem", "funding", FundingOut | None),
            _chooser(funding_out),
        )
    },
)
EVENT_LIST = Stream(
    "EventList",
    {"event": (stream_item("EventItem", "event", EventOut | None), _chooser(event_out))},
)
BODY = Stream(
    "Body",
    {
        "heading": (stream_item("HeadingItem", "heading", str), text_value),
        "paragraph": (stream_item("ParagraphItem", "paragraph", str), rich_text_value),
        "list": (stream_item("TextListItem", "list", TextListSectionOut), text_list_section_out),
        "image": IMAGE,
        "contact": (stream_item("ContactCardItem", "contact", ContactCardOut), contact_card_out),
        "team": (stream_item("TeamItem", "team", TeamOut), team_out),
        "funding": (
            stream_item("FundingLogosItem", "funding", FundingLogosOut),
            funding_logos_out,
        ),
        "downloads": (stream_item("DownloadsItem", "downloads", DownloadsOut), downloads_out),
    },
)

STREAMS = (
    TEXT_LIST,
    TEAM_MEMBERS,
    MEDIA,
    OFFICE_HOURS,
    ORGANISATION_LIST,
    FUNDING_LIST,
    EVENT_LIST,
    BODY,
)
