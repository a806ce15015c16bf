"""Deleting referenced snippets: the editor sees which fields of which pages it touches.

Wagtail's delete confirmation only counts the references and links to the usage view. The
package's snippets confirm with the list itself: each page (or snippet) that refers to the
object, its edit link, and per field what the deletion does: "will unset the reference" or
"prevents deletion". Field names are the package's labels, StreamField blocks down to the
chooser (e.g. "Body → Team → Members → Person"), found through Wagtail's reference index.

References that must not be emptied use ``on_delete=PROTECT`` (network members, partners,
a press release's publisher, the organisation a profile page presents); Wagtail then hides
the confirm button and a forced POST is refused with a message naming the pages
(``refuse_deleting_protected_snippets`` in ``wagtail_hooks``). Everything else is emptied,
and the outputs leave out entries whose person or organisation is gone (``content.blocks``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.utils.text import capfirst
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.blocks import ListBlock
from wagtail.fields import StreamField
from wagtail.models import ReferenceIndex
from wagtail.snippets.views.snippets import DeleteView

# Rows shown on the confirmation page; the usage view lists the rest.
LIMIT = 50


@dataclass
class Referrer:
    """One object that refers to the deleted one, with its fields."""

    object: models.Model
    edit_url: str | None
    # (label, consequence, whether it prevents the deletion)
    fields: list[tuple[str, str, bool]] = field(default_factory=list)
    protected: bool = False

    @property
    def title(self) -> str:
        return str(getattr(self.object, "title", None) or self.object)

    @property
    def kind(self) -> str:
        return capfirst(self.object._meta.verbose_name)


def field_label(reference) -> str:
    """Wagtail's label of the field, continued into struct and list blocks of a StreamField
    (Wagtail stops at the stream's child block, e.g. "Body → Team")."""
    source = reference.source_field
    if not isinstance(source, StreamField):
        return str(reference.describe_source_field())
    labels = [capfirst(str(source.verbose_name))]
    block = source.stream_block
    for name in reference.model_path.split(".")[1:]:  # Wagtail 7 has no model_path_components
        if isinstance(block, ListBlock):
            block = block.child_block
            if name == "item":
                continue
        children = getattr(block, "child_blocks", None)
        if not children or name not in children:
            break
        block = children[name]
        labels.append(capfirst(str(block.label)))
    return " → ".join(labels)


def referrers(obj, user=None, limit: int | None = LIMIT) -> list[Referrer]:
    """Who refers to ``obj`` and through which fields, protecting references first."""
    finder = AdminURLFinder(user)
    result = []
    for source, references in ReferenceIndex.get_grouped_references_to(obj):
        source = getattr(source, "specific_deferred", source)
        entry = Referrer(object=source, edit_url=finder.get_edit_url(source) if user else None)
        for reference in references:
            protects = reference.on_delete == models.PROTECT
            row = (field_label(reference), str(reference.describe_on_delete()), protects)
            if row not in entry.fields:
                entry.fields.append(row)
            entry.protected |= protects
        result.append(entry)
        if limit is not None and len(result) >= limit:
            break
    return sorted(result, key=lambda entry: not entry.protected)


def protecting_names(obj, error=None) -> list[str]:
    """“Page (field)” for each reference that prevents deleting ``obj``; from Django's
    ``ProtectedError`` when the reference index does not know them (an unindexed model)."""
    names = [
        f"“{entry.title}” ({', '.join(label for label, _, protects in entry.fields if protects)})"
        for entry in referrers(obj, limit=None)
        if entry.protected
    ]
    if not names and error is not None:
        for row in error.protected_objects:
            owner = getattr(row, "page", None) or row  # inline rows (members) name their page
            name = f"“{getattr(owner, 'title', None) or owner}”"
            if name not in names:
                names.append(name)
    return names


class ReferencesDeleteView(DeleteView):
    """Wagtail's snippet delete view, listing the page fields the deletion touches."""

    template_name = "wagtail_integration/admin/confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["referrers"] = referrers(self.object, self.request.user)
        context["referrers_limit"] = LIMIT
        return context
