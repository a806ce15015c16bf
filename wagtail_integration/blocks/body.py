"""The free-form body every page type shares."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..content import blocks as typed
from .base import TypedStreamMixin
from .media import DownloadsBlock, FundingLogosBlock, ImageWithCreditBlock
from .people import ContactCardBlock, TeamBlock
from .text import TextListSectionBlock


class BodyBlock(TypedStreamMixin, blocks.StreamBlock):
    content_stream = typed.BODY
    heading = blocks.CharBlock(
        label=_("section heading"),
        max_length=255,
        template="wagtail_integration/blocks/heading.html",
        icon="title",
    )
    paragraph = blocks.RichTextBlock(
        label=_("text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
    )
    list = TextListSectionBlock()
    image = ImageWithCreditBlock()
    contact = ContactCardBlock()
    team = TeamBlock()
    funding = FundingLogosBlock()
    downloads = DownloadsBlock()
