"""Deleting referenced snippets: the editor sees which fields of which pages a deletion
touches. ``usage`` finds the references (live content and unpublished drafts), ``views`` shows
them in the snippet admin's delete confirmation and bulk delete."""

from .usage import (
    LIMIT,
    Referrer,
    Usage,
    drafts_protect,
    field_label,
    find_usage,
    protecting_names,
    referrers,
)
from .views import ReferencesDeleteBulkAction, ReferencesDeleteView

__all__ = [
    "LIMIT",
    "ReferencesDeleteBulkAction",
    "ReferencesDeleteView",
    "Referrer",
    "Usage",
    "drafts_protect",
    "field_label",
    "find_usage",
    "protecting_names",
    "referrers",
]
