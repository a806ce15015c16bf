"""The one loading policy of a page type, applied to one page or many.

A page type declares the related rows it shows once, in ``api_prefetch_related`` (next to its
``api_fields``); its StreamFields declare theirs through their chooser blocks. ``load_pages``
applies both to a list of pages of any types: the declared lookups per page type, the pages'
locales and live translations in one query, and the objects chosen in all their streams in one
query per chooser block class, shared by every block that chose them (a person in a contact
card and in a team is fetched once). API v2 (detail and listing) and API v3 (detail) load
through it; serialise inside its ``with`` block.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db.models import prefetch_related_objects
from wagtail import blocks
from wagtail.fields import StreamField

# Objects chosen in the streams of the pages being loaded: {chooser block class: {pk: object}}.
_stream_objects: ContextVar[dict[type, dict] | None] = ContextVar(
    "wagtail_integration_stream_objects", default=None
)


class SharedBulkMixin:
    """A chooser block whose ``bulk_to_python`` answers from ``load_pages`` when it can.

    The block fetches with ``fetch_in_bulk``; while pages are loaded, the objects of every
    block of the same class come from one shared fetch.
    """

    def fetch_in_bulk(self, ids: list) -> dict:
        raise NotImplementedError

    def bulk_to_python(self, values):
        ids = [v for v in values if v is not None]
        cache = _stream_objects.get()
        known = cache.get(type(self)) if cache is not None else None
        shared = known is not None and all(pk in known for pk in ids)
        objects = known if shared else self.fetch_in_bulk(ids)
        seen, result = set(), []
        for pk in values:
            obj = objects.get(pk)
            if obj is not None and (pk in seen or shared):
                obj = copy.copy(obj)
            result.append(obj)
            seen.add(pk)
        return result


def _collect_chooser_ids(block, raw, found: dict) -> None:
    """Walk a stream's raw JSON along its block definition; gather chosen ids per block."""
    if raw is None:
        return
    if isinstance(block, SharedBulkMixin):
        found.setdefault(type(block), (block, set()))[1].add(raw)
    elif isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                _collect_chooser_ids(child, item.get("value"), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            _collect_chooser_ids(block.child_block, item, found)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            _collect_chooser_ids(child, raw.get(name), found)


@contextmanager
def prefetched_stream_objects(instances, field_names: Iterable[str]) -> Iterator[None]:
    """Fetch the objects chosen in ``field_names`` streams of all ``instances`` at once.

    One query (plus the block's prefetches) per chooser block class, however many pages; the
    chooser blocks answer ``bulk_to_python`` from it while the context is active.
    """
    found: dict[type, tuple[Any, set]] = {}
    for instance in instances:
        for name in field_names:
            value = getattr(instance, name, None)
            raw = getattr(value, "raw_data", None)
            if raw is not None:
                _collect_chooser_ids(value.stream_block, list(raw), found)
    cache = {cls: block.fetch_in_bulk(list(ids)) for cls, (block, ids) in found.items()}
    token = _stream_objects.set(cache)
    try:
        yield
    finally:
        _stream_objects.reset(token)


def stream_field_names(model) -> list[str]:
    """The StreamFields a page type shows (those in its ``api_fields``)."""
    api_names = {field.name for field in getattr(model, "api_fields", None) or []}
    return [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and field.name in api_names
    ]


def live_translations(translation_keys) -> dict[Any, list]:
    """Live, public pages of ``translation_keys`` by key, with their locales: one query."""
    from wagtail.models import Page

    from ..visibility import visible

    by_key = defaultdict(list)
    if translation_keys:
        for page in (
            visible(Page.objects.filter(translation_key__in=translation_keys).live().public())
            .select_related("locale")
            .order_by("pk")
        ):
            by_key[page.translation_key].append(page)
    return by_key


def prefetch_translations(pages) -> None:
    """Set ``_api_translations`` (other live, public translations) on each page: one query."""
    by_key = live_translations({page.translation_key for page in pages})
    for page in pages:
        page._api_translations = [t for t in by_key[page.translation_key] if t.pk != page.pk]


def prefetch_pages(pages) -> None:
    """Apply each page type's ``api_prefetch_related`` and fetch translations and locales."""
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, group in by_model.items():
        prefetch_related_objects(group, "locale", *getattr(model, "api_prefetch_related", []))
    prefetch_translations(pages)


@contextmanager
def load_pages(pages) -> Iterator[list]:
    """Load what ``pages`` show (rows, translations, stream objects); serialise inside."""
    pages = list(pages)
    prefetch_pages(pages)
    names = sorted(
        {name for model in {type(p) for p in pages} for name in stream_field_names(model)}
    )
    with prefetched_stream_objects(pages, names):
        yield pages
