"""What a front end needs besides a page's content: the links the HTML page offers (its
events as a calendar, its press feeds), its schema.org graph, and a directory page's
selection. Absolute URLs, built for the request being answered (``objects.answering``).

Page details only (API v2 ``detail_only_fields``, API v3 detail): each costs a query or a
few per page, which a listing of many pages would multiply.
"""

from __future__ import annotations

import json
from typing import Any

from typing_extensions import TypeAliasType
from wagtail.blocks import StreamValue

from ..visibility import visible
from .objects import Out, TopicOut, absolute_url, current_request, route_url, topic_out

# A JSON-LD node: an open-ended schema.org object whose values are text, numbers, nested
# nodes or lists of them. Recursive through the object (not through a union), so that
# generated TypeScript types can express it.
JsonLdNode = TypeAliasType(
    "JsonLdNode",
    "dict[str, str | int | float | bool | None | JsonLdNode"
    " | list[str | int | float | bool | None | JsonLdNode]]",
)


class FeedsOut(Out):
    rss: str
    atom: str


class PageLinksOut(Out):
    """Downloads and subscriptions the HTML page links to; null where it shows none."""

    calendar: str | None  # the page's events as one iCalendar file (.ics)
    feeds: FeedsOut | None  # the press release index's RSS and Atom feeds


class KindOut(Out):
    value: str
    label: str


class DirectorySelectionOut(Out):
    """The organisations a directory page lists: empty values select everything."""

    kinds: list[KindOut]
    municipality: str
    topics: list[TopicOut]


def _calendar_url(page) -> str | None:
    events = getattr(page, "events", None)
    # As the events section: a link only when there are events and the page is live.
    if not isinstance(events, StreamValue) or not len(events) or not (page.pk and page.live):
        return None
    return route_url("wagtail_integration_page_calendar", page.pk)


def _feed_index(page):
    """The page whose feeds the page advertises: itself, or a press release's index
    (only when that index is shown to the public)."""
    if hasattr(page, "get_feed_urls"):
        return page
    if not hasattr(page, "get_index") or not page.pk:
        return None
    index = page.get_index()
    if index is None or not hasattr(index, "get_feed_urls"):
        return None
    if not visible(type(index).objects.live().public()).filter(pk=index.pk).exists():
        return None
    return index


def page_links_out(page) -> PageLinksOut:
    feeds = None
    index = _feed_index(page)
    if index is not None:
        urls = index.get_feed_urls(current_request())
        if urls:
            feeds = FeedsOut(rss=absolute_url(urls["rss"]), atom=absolute_url(urls["atom"]))
    return PageLinksOut(calendar=_calendar_url(page), feeds=feeds)


def structured_data_out(page) -> list[JsonLdNode]:
    """The ``@graph`` the HTML page embeds as JSON-LD (``outputs.structured_data``), as JSON
    (dates and other values as the script holds them)."""
    from ..outputs.structured_data import page_graph

    return json.loads(json.dumps(page_graph(page, current_request()), default=str))


def directory_selection_out(page) -> DirectorySelectionOut:
    selection: dict[str, Any] = page.get_selection()
    return DirectorySelectionOut(
        kinds=[KindOut(value=value, label=str(label)) for value, label in selection["kinds"]],
        municipality=selection["municipality"],
        topics=[topic_out(topic) for topic in selection["topics"]],
    )
