"""The one loading policy of a page type, applied to one page or many.

A page type declares the related rows it shows once, in ``api_prefetch_related`` (next to its
``api_fields``); its StreamFields declare theirs through their chooser blocks. ``load_pages``
applies both to a list of pages of any types: the declared lookups per page type, the pages'
locales and live translations in one query, and the objects chosen in all their streams in one
query per chooser block class, shared by every block that chose them (a person in a contact
card and in a team is fetched once). API v2 (detail and listing) and API v3 (detail) load
through it; serialise inside its ``with`` block. API v3's listing shows cards, not pages:
``specific_pages`` and ``card_images`` load what a card shows for a whole listing at once.
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


# --- Listing cards ----------------------------------------------------------------------------
# A listing card shows far less than a page: its own columns, one image. Its loading is the
# page's own row as its specific type and that image, for all pages of a listing together.

CARD_IMAGE_STREAMS = ("media", "body")


def specific_pages(pages) -> list:
    """``pages`` as their specific types, in order: one query per page type still generic."""
    missing = defaultdict(list)
    for page in pages:
        model = page.specific_class or type(page)
        if not isinstance(page, model):
            missing[model].append(page.pk)
    fetched = {}
    for model, ids in missing.items():
        fetched.update(
            (page.pk, page)
            for page in model._default_manager.filter(pk__in=ids).select_related("locale")
        )
    return [fetched.get(page.pk, page) for page in pages]


def first_stream_image(page, names: Iterable[str] = CARD_IMAGE_STREAMS) -> dict | None:
    """The stored value of the first image block in the streams ``names`` of ``page`` (read
    from the stored JSON: no query)."""
    for name in names:
        for item in getattr(getattr(page, name, None), "raw_data", None) or []:
            if not isinstance(item, dict) or item.get("type") != "image":
                continue
            value = item.get("value")
            if isinstance(value, dict) and isinstance(value.get("image"), int):
                return value
    return None


def card_images(pages) -> dict[int, tuple[Any, dict]]:
    """The image each page's card shows, by page id, with the block value that chose it (alt
    text, credit): the first image of its streams, else its organisation's logo. One query
    for the images and one for their renditions, however many pages."""
    from wagtail.images import get_image_model

    chosen: dict[int, tuple[int, dict]] = {}
    by_organisation: dict[Any, dict[int, int]] = defaultdict(dict)  # model -> {page: org}
    for page in pages:
        value = first_stream_image(page)
        if value is not None:
            chosen[page.pk] = (value["image"], value)
        elif getattr(page, "organisation_id", None):
            model = type(page)._meta.get_field("organisation").related_model
            by_organisation[model][page.pk] = page.organisation_id
    for model, organisations in by_organisation.items():
        logos = dict(
            model._default_manager.filter(
                pk__in=set(organisations.values()), logo__isnull=False
            ).values_list("pk", "logo_id")
        )
        for page_id, organisation_id in organisations.items():
            if organisation_id in logos:
                chosen[page_id] = (logos[organisation_id], {})
    ids = {image_id for image_id, _value in chosen.values()}
    images = (
        {
            image.pk: image
            for image in get_image_model().objects.filter(pk__in=ids).prefetch_related("renditions")
        }
        if ids
        else {}
    )
    return {
        page_id: (images[image_id], value)
        for page_id, (image_id, value) in chosen.items()
        if image_id in images
    }
