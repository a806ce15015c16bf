"""Media blocks: images and documents with their credit and licence, and funders' logos."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

from ..content import blocks as typed
from .base import SectionBlock, TypedStreamMixin, TypedStructMixin, optional_text
from .choosers import BulkDocumentChooserBlock, FundingChooserBlock, RenditionImageChooserBlock
from .text import data_text


class ImageWithCreditBlock(TypedStructMixin, blocks.StructBlock):
    image = RenditionImageChooserBlock(label=_("image"))
    alt_text = optional_text(
        _("alternative text"),
        help_text=_(
            "Describe the image for people who cannot see it. Empty: the image's own description."
        ),
    )
    caption = optional_text(_("caption"), max_length=500)
    credit = data_text(_("credit"), help_text=_("Photographer or source."))
    licence = data_text(_("licence"))

    class Meta:
        icon = "image"
        label = _("image with credit")
        template = "wagtail_integration/blocks/image_with_credit.html"

    content_builder = staticmethod(typed.image_with_credit_out)


class DocumentItemBlock(TypedStructMixin, blocks.StructBlock):
    document = BulkDocumentChooserBlock(label=_("document"))
    title = optional_text(_("title"), help_text=_("Empty: the document's title."))
    description = optional_text(_("description"), max_length=500)
    # Not "Bildnachweis" (the images' credit): a document's author or source. A context
    # keeps the English label, and so the migration state, unchanged.
    credit = data_text(pgettext_lazy("document", "credit"), help_text=_("Author or source."))
    licence = data_text(_("licence"))

    class Meta:
        icon = "doc-full"
        label = _("document")
        template = "wagtail_integration/blocks/document_item.html"

    content_builder = staticmethod(typed.document_item_out)


class MediaBlock(TypedStreamMixin, blocks.StreamBlock):
    """Downloadable media of a press release."""

    content_stream = typed.MEDIA

    image = ImageWithCreditBlock()
    document = DocumentItemBlock()


class FundingLogosBlock(SectionBlock):
    content_builder = staticmethod(typed.funding_logos_out)
    items = blocks.ListBlock(FundingChooserBlock(), label=_("funding"))

    class Meta:
        icon = "pick"
        label = _("funding logos")
        template = "wagtail_integration/blocks/funding_logos.html"


class DownloadsBlock(SectionBlock):
    content_builder = staticmethod(typed.downloads_out)
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("documents"))

    class Meta:
        icon = "download"
        label = _("downloads")
        template = "wagtail_integration/blocks/downloads.html"
