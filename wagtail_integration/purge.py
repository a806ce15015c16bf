"""Edge purge: tell the HTTP cache in front (Varnish, nginx, a CDN) which URLs a change outdates.

Active when ``wagtail.contrib.frontend_cache`` is installed and ``WAGTAILFRONTENDCACHE`` is
set. Wagtail itself purges a page's own URL when it is published or unpublished; this module
adds every other URL that shows the change:

- a page (published, unpublished, saved while live, moved, deleted): its URL, its parent's
  (index pages and their feeds list their children), the pages that link to or choose it,
  every photo archive for a press release;
- a snippet of the package, an image or a document (saved or deleted): every page that shows
  it, found through Wagtail's reference index (``wagtail.models.ReferenceIndex``), also through
  another snippet that refers to it (a person in an organisation's team);
  the directory pages for an organisation; a document's download URL;
- an alert banner (saved or deleted): every site root, or its section's URLs (each drops
  everything under it); its start and end need no purge: ``alerts/caching.py``;
- always: ``sitemap.xml`` and the API paths ``api/v2/`` and ``api/v3/`` of every site, whose
  answers embed pages and snippets.

Page URLs and API paths end with ``/``: the cache must drop everything *under* a purged path
that ends with ``/`` (feeds, year archives, every API answer and query string), and the
path alone otherwise. docs/reliability.md has a Varnish VCL that does this.

The URLs are collected when the change is saved and purged when its transaction commits, so
the cache cannot fetch the old content again in between.
"""

from __future__ import annotations

import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save, pre_delete

logger = logging.getLogger(__name__)

# Paths under every site root whose answers embed pages and snippets.
ALWAYS = ("sitemap.xml", "api/v2/", "api/v3/")
# How many steps of snippet-to-snippet references lead to the pages that show a change.
REFERENCE_DEPTH = 3
_PENDING_ATTRIBUTE = "_wagtail_integration_purge"


def enabled() -> bool:
    return apps.is_installed("wagtail.contrib.frontend_cache") and bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
    )


def _site_roots() -> list[str]:
    from wagtail.models import Site

    return sorted({site.root_url.rstrip("/") + "/" for site in Site.objects.all()})


def _references_to(reference_index, objects):
    """Wagtail 8's ``get_references_to_in_bulk``; the same query on Wagtail 7."""
    if hasattr(reference_index, "get_references_to_in_bulk"):
        return reference_index.get_references_to_in_bulk(objects)
    from django.db.models import Q

    match = Q(pk__in=[])
    for obj in objects:
        content_type = reference_index._get_base_content_type(obj)
        match |= Q(to_content_type_id=content_type.pk, to_object_id=str(obj.pk))
    return reference_index.objects.filter(match)


def _pages_referring_to(objects) -> set[int]:
    """Ids of the pages that refer to any of ``objects``, directly or through snippets."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page_type = ContentType.objects.get_for_model(Page)
    page_ids: set[int] = set()
    seen: set[tuple[int, str]] = set()
    frontier = [obj for obj in objects if obj.pk is not None]
    for _ in range(REFERENCE_DEPTH):
        if not frontier:
            break
        rows = _references_to(ReferenceIndex, frontier).values_list(
            "base_content_type_id", "object_id"
        )
        frontier = []
        by_type: dict[int, set[str]] = {}
        for content_type_id, object_id in rows:
            if (content_type_id, object_id) in seen:
                continue
            seen.add((content_type_id, object_id))
            if content_type_id == page_type.pk:
                page_ids.add(int(object_id))
            else:
                by_type.setdefault(content_type_id, set()).add(object_id)
        for content_type_id, object_ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is not None:
                frontier += list(model._default_manager.filter(pk__in=object_ids))
    return page_ids


def _page_and_neighbours(page) -> set[int]:
    """The page, its parent and the pages that link to or choose it."""
    ids = {page.pk}
    parent = page.get_parent() if page.depth > 1 else None
    if parent is not None and parent.depth > 1:
        ids.add(parent.pk)
    return ids | _pages_referring_to([page])


def urls_for_pages(page_ids: set[int]) -> set[str]:
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    from .models import PhotoArchivePage, PressReleasePage

    pages = list(Page.objects.filter(pk__in=page_ids).specific(defer=True))
    if any(isinstance(page, PressReleasePage) for page in pages):
        pages += list(PhotoArchivePage.objects.all())
    batch = PurgeBatch()
    batch.add_pages(pages)
    return batch.urls


def urls_for_change(instance) -> set[str]:
    """Every URL whose answer can show ``instance`` (a page, snippet, image or document)."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from .models import Alert, DirectoryPage, Organisation

    urls = {root + path for root in _site_roots() for path in ALWAYS}
    if isinstance(instance, Page):
        return urls | urls_for_pages(_page_and_neighbours(instance))
    if isinstance(instance, Alert):
        # Its banner is on every page of its scope (the site, or a section and below).
        if instance.section_id is None:
            return urls | set(_site_roots())
        return urls | urls_for_pages(
            Page.objects.filter(translation_key=instance.section.translation_key).values_list(
                "pk", flat=True
            )
        )
    page_ids = _pages_referring_to([instance])
    if isinstance(instance, Organisation):
        page_ids |= set(DirectoryPage.objects.values_list("pk", flat=True))
    urls |= urls_for_pages(page_ids)
    if isinstance(instance, get_document_model()) and instance.pk is not None:
        urls |= {f"{root}documents/{instance.pk}/" for root in _site_roots()}
    return urls


def purge_later(instance) -> None:
    """Collect the URLs now; purge them once the current transaction commits."""
    if not enabled():
        return
    try:
        urls = urls_for_change(instance)
    except Exception:  # a purge must never break a save; the cache's TTL bounds the rest
        logger.exception("Could not work out the URLs to purge for %r", instance)
        return
    connection = transaction.get_connection()
    pending = getattr(connection, _PENDING_ATTRIBUTE, None)
    if pending is not None and any(entry[1] is pending for entry in connection.run_on_commit):
        pending.urls |= urls  # one purge per transaction, however many rows it saves
        return

    def pending() -> None:
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(sorted(pending.urls))

    pending.urls = set(urls)
    setattr(connection, _PENDING_ATTRIBUTE, pending)
    transaction.on_commit(pending)


def _watched(sender) -> bool:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    return sender in (get_image_model(), get_document_model()) or (
        sender._meta.app_label == "wagtail_integration" and sender in get_snippet_models()
    )


def _page_changed(sender, instance, **kwargs) -> None:
    purge_later(instance)


def _saved(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        if instance.live:  # a draft saved as a revision changes nothing public
            purge_later(instance)
    elif _watched(sender):
        purge_later(instance)


def _deleting(sender, instance, **kwargs) -> None:
    # Before the delete: afterwards the reference index no longer knows who showed it.
    from wagtail.models import Page

    if isinstance(instance, Page) or _watched(sender):
        purge_later(instance)


def connect_signals() -> None:
    from wagtail.signals import page_published, page_unpublished, post_page_move

    uid = "wagtail_integration.purge"
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_changed, dispatch_uid=f"{uid}.{id(signal)}")
    post_save.connect(_saved, dispatch_uid=f"{uid}.post_save")
    pre_delete.connect(_deleting, dispatch_uid=f"{uid}.pre_delete")
