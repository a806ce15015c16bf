"""``?directory=<page id>`` on the organisations endpoints (v2 and v3): the organisations a
published directory page lists, chosen by the page's own queryset code
(``AbstractDirectoryPage.get_base_queryset``: its locale, kinds, municipality and topics)."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Page

from ..models.directory import AbstractDirectoryPage
from ..visibility import visible

# 404: the listing of a page that is not there (also answered for a hidden page).
UNKNOWN_DIRECTORY = "directory: no published directory page has this id"


def directory_organisations(page_id: int) -> QuerySet | None:
    """The organisations the directory page ``page_id`` lists, or None when no live, public,
    visible directory page has that id (a hidden page answers as one that does not exist)."""
    page = visible(Page.objects.live().public()).filter(pk=page_id).first()
    page = page.specific if page is not None else None
    if not isinstance(page, AbstractDirectoryPage):
        return None
    # The search form's variant of the same filters: search backends take field filters only.
    return page.get_base_queryset(for_search=True)
