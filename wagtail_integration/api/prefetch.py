"""Prefetching for API output of many pages at once.

What a page type loads is decided by its ``api_prefetch_related`` (next to its
``api_fields``); this module applies it to a list of pages, adds the pages' translations in one
query, and fetches the objects chosen in their StreamFields in one query per chooser block.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models import prefetch_related_objects
from wagtail.fields import StreamField
from wagtail.models import Page

from ..blocks import prefetched_stream_objects
from ..visibility import visible


def _stream_field_names(model) -> list[str]:
    api_names = {field.name for field in getattr(model, "api_fields", [])}
    return [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and field.name in api_names
    ]


def prefetch_translations(pages) -> None:
    """Set ``_api_translations`` (other live, public translations) on each page: one query."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return
    by_key = defaultdict(list)
    for translation in (
        visible(Page.objects.filter(translation_key__in=keys).live().public())
        .select_related("locale")
        .order_by("pk")
    ):
        by_key[translation.translation_key].append(translation)
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
def prefetched_for_api(pages) -> Iterator[list]:
    """Prefetch ``pages`` for serialisation; serialise inside the ``with`` block."""
    pages = list(pages)
    prefetch_pages(pages)
    fields = {model: _stream_field_names(model) for model in {type(page) for page in pages}}
    names = sorted({name for names in fields.values() for name in names})
    with prefetched_stream_objects(pages, names):
        yield pages
