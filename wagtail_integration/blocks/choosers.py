"""Chooser blocks: each stream fetches all the objects it references in one query.

Chooser blocks fetch the referenced objects of a stream together (``bulk_to_python``) with
their related rows joined, so rendering does not grow with the number of items.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from ..content import blocks as typed
from ..content import objects as schemas
from ..content.loading import SharedBulkMixin
from .base import TypedStreamMixin, UniqueStreamBlock


class _RelatedChooserMixin(SharedBulkMixin):
    """Fetch chosen objects in one query, with ``select_related`` decided by the block.

    ``api_schema`` builds the block's API representation (a nested object, not a bare id).
    """

    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    api_schema: Callable[[Any], Any] | None = None

    def fetch_in_bulk(self, ids: list) -> dict:
        queryset = self.model_class.objects.select_related(*self.select_related)
        return queryset.prefetch_related(*self.prefetch_related).in_bulk(ids)

    def get_api_representation(self, value, context=None):
        return schemas.dump(type(self).api_schema(value))


class OrganisationChooserBlock(_RelatedChooserMixin, SnippetChooserBlock):
    select_related = ("locale", "logo")
    prefetch_related = schemas.ORGANISATION_PREFETCH
    api_schema = schemas.organisation_out

    def __init__(self, **kwargs):
        super().__init__("wagtail_integration.Organisation", **kwargs)


class PersonChooserBlock(_RelatedChooserMixin, SnippetChooserBlock):
    select_related = ("locale", "organisation", "photo")
    prefetch_related = schemas.PERSON_PREFETCH
    api_schema = schemas.person_out

    def __init__(self, **kwargs):
        super().__init__("wagtail_integration.Person", **kwargs)


class FundingChooserBlock(_RelatedChooserMixin, SnippetChooserBlock):
    select_related = ("logo",)
    prefetch_related = schemas.FUNDING_PREFETCH
    api_schema = schemas.funding_out

    def __init__(self, **kwargs):
        super().__init__("wagtail_integration.Funding", **kwargs)


class EventChooserBlock(_RelatedChooserMixin, SnippetChooserBlock):
    select_related = ("locale", "lecturer", "lecturer__organisation", "organiser")
    prefetch_related = schemas.EVENT_PREFETCH
    api_schema = schemas.event_out

    def __init__(self, **kwargs):
        super().__init__("wagtail_integration.Event", **kwargs)


class RenditionImageChooserBlock(SharedBulkMixin, ImageChooserBlock):
    """Image chooser that loads the images of a stream with their renditions in two queries."""

    def fetch_in_bulk(self, ids: list) -> dict:
        return self.model_class.objects.prefetch_renditions().in_bulk(ids)

    def get_api_representation(self, value, context=None):
        return schemas.dump(schemas.image_out(value))


class BulkDocumentChooserBlock(SharedBulkMixin, DocumentChooserBlock):
    """Document chooser served from ``prefetched_stream_objects``; migrations see Wagtail's."""

    canonical_module_path = "wagtail.documents.blocks.DocumentChooserBlock"

    def fetch_in_bulk(self, ids: list) -> dict:
        return self.model_class.objects.in_bulk(ids)

    def get_api_representation(self, value, context=None):
        return schemas.dump(schemas.document_out(value))


class ChooserListBlock(UniqueStreamBlock):
    """An ordered list of chosen snippets in which no snippet appears twice."""


class OrganisationListBlock(TypedStreamMixin, ChooserListBlock):
    content_stream = typed.ORGANISATION_LIST
    organisation = OrganisationChooserBlock(label=_("organisation"))


class FundingListBlock(TypedStreamMixin, ChooserListBlock):
    content_stream = typed.FUNDING_LIST
    funding = FundingChooserBlock(label=_("funding"))


class EventListBlock(TypedStreamMixin, ChooserListBlock):
    content_stream = typed.EVENT_LIST
    event = EventChooserBlock(label=_("event"))


# Migrations name these blocks by the path they had before ``blocks`` became a package
# (Wagtail reads this mapping in ``Block.canonical_module_path``); the package re-exports them.
DECONSTRUCT_ALIASES = {
    block: f"wagtail_integration.blocks.{block.__name__}"
    for block in (
        OrganisationChooserBlock,
        PersonChooserBlock,
        FundingChooserBlock,
        EventChooserBlock,
        RenditionImageChooserBlock,
    )
}
