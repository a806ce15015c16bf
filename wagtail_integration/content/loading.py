"""The one loading policy of a page type, applied to one page or many.

A page type declares the related rows it shows once, in ``api_prefetch_related`` (next to its
``api_fields``); its StreamFields declare theirs through their chooser blocks. ``load_pages``
applies both to a list of pages of any types: the declared lookups per page type, the pages'
locales and live translations in one query, and the objects chosen in all their streams in one
query per chooser block class, shared by every block that chose them (a person in a contact
card and in a team is fetched once). API v2 (detail and listing) and API v3 (detail) load
through it; serialise inside its ``with`` block. The HTML view, the feeds and the sitemap read
their pages after loading returns: they call ``load_pages_now``, which converts the streams
while the shared objects are at hand; the HTML view's child lists call ``load_listing``.
API v3's listing shows cards, not pages: see ``content/cards.py``. The API listing shows data
only: ``data_only`` reads the images' renditions as rows (``content/renditions.py``).

Declared lookups are folded before they are applied (``fold_lookups``): a chain of foreign
keys after a relation is joined into that relation's query, so a member organisation with its
locale and logo costs one query, not three.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, prefetch_related_objects
from wagtail import blocks
from wagtail.fields import StreamField

from . import renditions

# Objects chosen in the streams of the pages being loaded: {chooser block class: {pk: object}}.
_stream_objects: ContextVar[dict[type, dict] | None] = ContextVar(
    "wagtail_integration_stream_objects", default=None
)

# True while the pages of ``load_pages`` are serialised: their declared rows are in memory.
_loading: ContextVar[bool] = ContextVar("wagtail_integration_loading", default=False)


def pages_loaded() -> bool:
    """Whether the objects being serialised were loaded by ``load_pages`` (inside its block)."""
    return _loading.get()


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
    field_names = list(field_names)
    for instance in instances:
        for value in _stream_values(instance, field_names):
            _collect_chooser_ids(value.stream_block, list(value.raw_data), found)
    cache = {cls: block.fetch_in_bulk(list(ids)) for cls, (block, ids) in found.items()}
    token = _stream_objects.set(cache)
    try:
        yield
    finally:
        _stream_objects.reset(token)


def _stream_values(instance, field_names: Iterable[str]) -> Iterator:
    deferred = instance.get_deferred_fields() if hasattr(instance, "get_deferred_fields") else ()
    for name in field_names:
        if name in deferred:  # its reader left it out; loading it would cost a query per page
            continue
        value = getattr(instance, name, None)
        if getattr(value, "raw_data", None) is not None:
            yield value


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
        versions = by_key[page.translation_key]
        page._api_translations = [t for t in versions if t.pk != page.pk]
        # Every live, public language version, the page itself included (when it is one).
        page._live_versions = versions


def _single_valued(field) -> bool:
    """A forward foreign key or one-to-one field: joinable with ``select_related``."""
    return field.is_relation and field.concrete and (field.many_to_one or field.one_to_one)


def _lookup_tree(lookups: Iterable[str]) -> dict:
    tree: dict = {}
    for lookup in lookups:
        node = tree
        for part in lookup.split("__"):
            node = node.setdefault(part, {})
    return tree


def _joins(model, tree: dict, prefix: str, joins: list, beyond: list) -> None:
    """Foreign-key chains of ``tree`` into ``joins``; the many-valued relations after them
    into ``beyond`` as (model that has the relation, its path prefix, its subtree)."""
    for name, subtree in tree.items():
        field = model._meta.get_field(name)
        if _single_valued(field):
            joins.append(prefix + name)
            _joins(field.related_model, subtree, f"{prefix}{name}__", joins, beyond)
        else:
            beyond.append((model, prefix, {name: subtree}))


def _folded(model, tree: dict, prefix: str, leaves: list) -> list:
    """``Prefetch`` objects for ``tree`` below objects of ``model`` that are in memory; the
    many-valued relations at the ends (renditions, topics) go to ``leaves`` as (path to the
    objects that have them, relation name), fetched later for all such objects at once."""
    result: list = []
    for name, subtree in tree.items():
        field = model._meta.get_field(name)
        if not subtree and not _single_valued(field):
            leaves.append((prefix[:-2] if prefix else "", name))
            continue
        related = field.related_model
        joins: list[str] = []
        beyond: list = []
        _joins(related, subtree, "", joins, beyond)
        # The managers Django's own prefetching uses: the base manager for a foreign key.
        manager = related._base_manager if _single_valued(field) else related._default_manager
        queryset = manager.select_related(*joins) if joins else manager.all()
        path = prefix + name
        result.append(Prefetch(path, queryset=queryset))
        for owner, owner_prefix, owner_tree in beyond:
            result.extend(_folded(owner, owner_tree, f"{path}__{owner_prefix}", leaves))
    return result


def fold_lookups(model, lookups: Iterable[str]) -> tuple[list, list]:
    """``lookups`` on ``model`` as prefetches whose foreign-key chains are joined, and the
    relations at their ends as (path, relation name).

    ``["memberships", "memberships__organisation", "memberships__organisation__logo",
    "memberships__organisation__logo__renditions"]`` becomes one query for the memberships
    with their organisations and logos joined, and ``("memberships__organisation__logo",
    "renditions")``: ``prefetch_pages`` fetches the renditions of every image it loaded, of
    all paths and page types, in one query. Lookups that are not all model field paths
    (a ``Prefetch``, a property) are returned as given, with no leaves.
    """
    lookups = list(lookups)
    if not all(isinstance(lookup, str) for lookup in lookups):
        return lookups, []
    leaves: list = []
    try:
        return _folded(model, _lookup_tree(lookups), "", leaves), leaves
    except (FieldDoesNotExist, AttributeError):
        return lookups, []


def _objects_at(objects: list, path: str) -> Iterator:
    """The objects reached from ``objects`` along ``path`` (already loaded: no queries)."""
    for part in path.split("__") if path else ():
        reached = []
        for obj in objects:
            value = getattr(obj, part, None)
            if hasattr(value, "all"):
                reached.extend(value.all())
            elif value is not None:
                reached.append(value)
        objects = reached
    yield from objects


def prefetch_pages(
    pages, *, related: bool = True, translations: bool = True, data_only: bool = False
) -> None:
    """With ``related``, fetch the pages' locales (one query for all types) and each page
    type's ``api_prefetch_related`` (folded, see ``fold_lookups``); then their translations.

    ``data_only``: the reader shows only the rows' data (the API listing), so the images'
    renditions are read as rows (``rendition_rows``), not model instances."""
    by_model = defaultdict(list)
    if related:
        prefetch_related_objects(pages, "locale")
        for page in pages:
            by_model[type(page)].append(page)
    # {(model, relation): {id(obj): obj}}: the end relations of every path, one query each.
    ends: dict[tuple, dict] = defaultdict(dict)
    for model, group in by_model.items():
        lookups = getattr(model, "api_prefetch_related", [])
        if not lookups:
            continue
        prefetches, leaves = fold_lookups(model, lookups)
        prefetch_related_objects(group, *prefetches)
        for path, name in leaves:
            for obj in _objects_at(group, path):
                ends[(type(obj), name)][id(obj)] = obj
    for (model, name), objects in ends.items():
        objects = list(objects.values())
        if data_only and name == "renditions" and renditions.rendition_rows(objects, model):
            continue
        prefetch_related_objects(objects, name)
    if translations:
        prefetch_translations(pages)


def _page_streams(pages, streams) -> list[str]:
    if streams is not None:
        return list(streams)
    return sorted(
        {name for model in {type(p) for p in pages} for name in stream_field_names(model)}
    )


@contextmanager
def load_pages(
    pages,
    *,
    streams: Iterable[str] | None = None,
    related: bool = True,
    translations: bool = True,
    data_only: bool = False,
) -> Iterator[list]:
    """Load what ``pages`` show (rows, translations, stream objects); serialise inside.

    ``streams`` names the StreamFields to load (default: those in the page types'
    ``api_fields``); ``related=False`` leaves out the declared rows, ``translations=False``
    the other translations: for readers that show only part of a page (a feed, a sitemap).
    ``data_only`` is for readers that show only data, never model methods (see
    ``prefetch_pages``).
    """
    pages = list(pages)
    prefetch_pages(pages, related=related, translations=translations, data_only=data_only)
    token = _loading.set(related)
    try:
        with prefetched_stream_objects(pages, _page_streams(pages, streams)):
            yield pages
    finally:
        _loading.reset(token)


def load_listing(pages, *, streams: Iterable[str] = (), related: bool = False) -> list:
    """The pages of a child list (an index's items, a page's subpages) for their teasers.

    A teaser shows its page's own columns, so by default nothing more is loaded; an index
    whose teasers show a stream or related rows names them and gets them for the whole list
    at once (one query per chooser block class, not one per item). The templates build the
    items' URLs with the request (Wagtail's per-request cache of site root paths).
    """
    return load_pages_now(list(pages), streams=streams, related=related, translations=False)


def convert_streams(pages, streams: Iterable[str]) -> None:
    """Turn every block of the ``streams`` of ``pages`` into its value now."""
    streams = list(streams)
    for page in pages:
        for value in _stream_values(page, streams):
            for _block in value:  # a StreamValue converts its blocks on access
                pass


def load_pages_now(
    pages, *, streams: Iterable[str] | None = None, related: bool = True, translations: bool = True
) -> list:
    """``load_pages`` for readers that use the pages after it returns (templates, feeds):
    the streams are converted while their shared objects are at hand."""
    with load_pages(pages, streams=streams, related=related, translations=translations) as loaded:
        convert_streams(loaded, _page_streams(loaded, streams))
    return loaded
