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
API v3's listing shows cards, not pages: ``specific_pages`` and ``card_images`` load what a
card shows for a whole listing at once.

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


def prefetch_pages(pages, *, related: bool = True, translations: bool = True) -> None:
    """With ``related``, fetch the pages' locales (one query for all types) and each page
    type's ``api_prefetch_related`` (folded, see ``fold_lookups``); then their translations."""
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
    for (_model, name), objects in ends.items():
        prefetch_related_objects(list(objects.values()), name)
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
    pages, *, streams: Iterable[str] | None = None, related: bool = True, translations: bool = True
) -> Iterator[list]:
    """Load what ``pages`` show (rows, translations, stream objects); serialise inside.

    ``streams`` names the StreamFields to load (default: those in the page types'
    ``api_fields``); ``related=False`` leaves out the declared rows, ``translations=False``
    the other translations: for readers that show only part of a page (a feed, a sitemap).
    """
    pages = list(pages)
    prefetch_pages(pages, related=related, translations=translations)
    with prefetched_stream_objects(pages, _page_streams(pages, streams)):
        yield pages


def load_listing(pages, *, streams: Iterable[str] = (), related: bool = False) -> list:
    """The pages of a child list (an index's items, a page's subpages) for their teasers.

    A teaser shows its page's own columns, so by default nothing more is loaded; an index
    whose teasers show a stream or related rows names them and gets them for the whole list
    at once (one query per chooser block class, not one per item). The templates build the
    items' URLs with the request (Wagtail's per-request cache of site root paths).
    """
    return load_pages_now(list(pages), streams=streams, related=related, translations=False)


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
