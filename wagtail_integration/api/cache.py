"""Cache of serialised pages for the API v2 page endpoints.

Which pages a response lists is always decided by a fresh query (live, public, filters,
pagination); only each page's serialised JSON is cached. A cached item is keyed by the page,
its last publication, the request parameters that shape it (fields, type, host, language)
and a *generation* number. Any save or delete of content an answer can show (pages, our
snippets, images, documents, sites, locales, view restrictions) and any publish, unpublish or
move starts a new generation, so no item outlives a change that goes through Django's ORM.
Bulk ``QuerySet.update()`` and raw SQL send no signals: call ``clear()`` after them; the
timeout bounds their staleness.

Settings: ``WAGTAIL_INTEGRATION["API_CACHE_TIMEOUT"]`` (seconds, 0 turns the cache off) and
``["API_CACHE_ALIAS"]`` (an entry of ``CACHES``).
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from ..conf import integration_settings

GENERATION_KEY = "wagtail_integration:api:generation"
# Parameters that choose which items are listed, not how one item looks.
_LISTING_ONLY = frozenset(["limit", "offset", "order", "search", "search_operator"])


def get_cache():
    if not integration_settings.API_CACHE_TIMEOUT:
        return None
    return caches[integration_settings.API_CACHE_ALIAS]


def _generation(cache) -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Never reuse an old number if the key was evicted: start from the clock.
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def _new_generation() -> None:
    cache = get_cache()
    if cache is None:
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # evicted or never set
        cache.set(GENERATION_KEY, time.time_ns(), None)


def clear(**kwargs) -> None:
    """Start a new generation: every cached item is outdated from now on.

    Inside a transaction a second generation starts when it commits: another worker may
    have cached the rows it still read as they were before the commit under the first one.
    """
    if get_cache() is None:
        return
    _new_generation()
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return
    pending = getattr(connection, "_wagtail_integration_new_generation", None)
    # One callback per transaction, however many rows it saves.
    if pending is None or not any(entry[1] is pending for entry in connection.run_on_commit):

        def pending() -> None:
            _new_generation()

        connection._wagtail_integration_new_generation = pending
        transaction.on_commit(pending)


def request_fingerprint(request, variant: str = "") -> str:
    """What, besides the page, shapes an item: the view (listing or detail), parameters, host,
    scheme and language."""
    params = sorted(
        (key, value)
        for key, values in request.GET.lists()
        if key not in _LISTING_ONLY
        for value in values
    )
    parts = [variant, request.scheme, request.get_host(), translation.get_language() or ""]
    parts.append(repr(params))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


class PageItemCache:
    """Serialised pages of one request: ``get_many`` before, ``set_many`` after."""

    def __init__(self, request, variant: str = "") -> None:
        self.cache = get_cache()
        if self.cache is not None:
            self.prefix = f"wagtail_integration:api:{_generation(self.cache)}:"
            self.fingerprint = request_fingerprint(request, variant)

    def key(self, page) -> str:
        published = page.last_published_at.isoformat() if page.last_published_at else ""
        return f"{self.prefix}{page.pk}:{published}:{self.fingerprint}"

    def get_many(self, pages) -> dict[int, dict]:
        if self.cache is None or not pages:
            return {}
        keys = {self.key(page): page.pk for page in pages}
        return {keys[key]: value for key, value in self.cache.get_many(list(keys)).items()}

    def set_many(self, items: dict) -> None:
        """``items``: page -> its serialised dict."""
        if self.cache is None or not items:
            return
        self.cache.set_many(
            {self.key(page): data for page, data in items.items()},
            integration_settings.API_CACHE_TIMEOUT,
        )


def _content_changed(sender, **kwargs) -> None:
    clear()


_watched_models: set = set()


def _model_changed(sender, instance=None, **kwargs) -> None:
    # Every model of this app (pages, inline rows, snippets, m2m tables), every page type and
    # the Wagtail models whose rows an answer shows.
    from wagtail.models import Page

    if (
        sender._meta.app_label == "wagtail_integration"
        or sender in _watched_models
        or isinstance(instance, Page)
    ):
        clear()


def connect_signals() -> None:
    """Start a new generation whenever content an API answer can show changes."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Locale,
        PageViewRestriction,
        Site,
    )
    from wagtail.signals import page_published, page_unpublished, post_page_move

    _watched_models.update(
        [
            get_image_model(),
            get_document_model(),
            Collection,
            CollectionViewRestriction,
            Locale,
            PageViewRestriction,
            Site,
        ]
    )
    uid = "wagtail_integration.api.cache"
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_content_changed, dispatch_uid=f"{uid}.{id(signal)}")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_model_changed, dispatch_uid=f"{uid}.{id(signal)}")
