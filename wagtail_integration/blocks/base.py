"""What every block of the package shares: typed API output and the no-duplicates rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from ..content import blocks as typed
from ..content import objects as schemas
from ..content.pages import html_value

DUPLICATE_MESSAGE = _("This entry is listed twice; remove the second one.")


def duplicate_indexes(values: Iterable[Any], key: Callable[[Any], Any]) -> list[int]:
    """Indexes of items whose key already appeared earlier (None keys are ignored)."""
    seen: set[Any] = set()
    duplicates = []
    for i, value in enumerate(values):
        k = key(value)
        if k is None:
            continue
        if k in seen:
            duplicates.append(i)
        seen.add(k)
    return duplicates


def duplicate_error(field: str | None = None) -> ValidationError:
    """The error of one repeated item: on the item itself, or on its child ``field``."""
    error = ValidationError(DUPLICATE_MESSAGE)
    return StructBlockValidationError(block_errors={field: error}) if field else error


def duplicate_errors(values, key: Callable[[Any], Any], field: str | None = None) -> dict:
    """The error of each item of ``values`` that repeats an earlier one, by index."""
    return {i: duplicate_error(field) for i in duplicate_indexes(values, key=key)}


class UniqueStreamBlock(blocks.StreamBlock):
    """A stream in which no item appears twice (same ``duplicate_key``, e.g. the same snippet)."""

    # The child block that carries the error: None for the item itself.
    duplicate_field: str | None = None

    def duplicate_key(self, child) -> Any:
        value = child.value[self.duplicate_field] if self.duplicate_field else child.value
        return getattr(value, "pk", None)

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        if errors := duplicate_errors(value, self.duplicate_key, self.duplicate_field):
            raise StreamBlockValidationError(block_errors=errors)
        return value


class TypedStructMixin:
    """``get_api_representation`` from the block's builder in ``content/blocks.py``."""

    content_builder: Callable[..., Any]

    def get_api_representation(self, value, context=None):
        return schemas.dump(type(self).content_builder(value, context))

    def get_context(self, value, parent_context=None):
        # ``{% include_block %}`` hands the block template the typed value too, as the page
        # templates do (``content/pages.py``).
        context = super().get_context(value, parent_context=parent_context)
        context["value"] = html_value(type(self).content_builder, value)
        return context


class TypedStreamMixin:
    """A stream whose API representation is its typed content (``content.blocks.Stream``)."""

    content_stream: typed.Stream

    def get_api_representation(self, value, context=None):
        return self.content_stream.dump(value, context)


def optional_text(label, *, max_length: int = 255, **kwargs) -> blocks.CharBlock:
    """An optional short text of at most ``max_length`` characters."""
    return blocks.CharBlock(label=label, required=False, max_length=max_length, **kwargs)


def section_heading() -> blocks.CharBlock:
    """The optional heading every body section starts with."""
    return optional_text(_("heading"))


class SectionBlock(TypedStructMixin, blocks.StructBlock):
    """A section of a page's body: an optional heading, then the section's own blocks."""

    heading = section_heading()
