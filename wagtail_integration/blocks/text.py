"""Text blocks: short texts, lists of them, and data that translators do not see."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..content import blocks as typed
from .base import SectionBlock, TypedStreamMixin


class SynchronisedCharBlock(blocks.CharBlock):
    """A ``CharBlock`` holding data, not prose (a photographer's name, a licence).

    wagtail-localize sends every ``CharBlock`` value to translators; this one it skips
    (``get_translatable_segments`` returns nothing), so translations keep the source value,
    which is copied over when the stream is synchronised. Migrations see a plain ``CharBlock``.
    """

    canonical_module_path = "wagtail.blocks.CharBlock"

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


def data_text(label, **kwargs) -> SynchronisedCharBlock:
    """An optional short text that is data, e.g. the credit or the licence of a medium."""
    return SynchronisedCharBlock(label=label, required=False, max_length=255, **kwargs)


class TextListBlock(TypedStreamMixin, blocks.StreamBlock):
    """A plain ordered list of short texts: goals, tasks, measures, target groups, places."""

    content_stream = typed.TEXT_LIST

    item = blocks.CharBlock(label=_("entry"), max_length=500)


class TextListSectionBlock(SectionBlock):
    content_builder = staticmethod(typed.text_list_section_out)
    items = blocks.ListBlock(blocks.CharBlock(max_length=500), label=_("entries"))

    class Meta:
        icon = "list-ul"
        label = _("list (e.g. goals)")
        template = "wagtail_integration/blocks/text_list.html"
