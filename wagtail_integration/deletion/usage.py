"""Deleting referenced snippets: the editor sees which fields of which pages it touches.

Wagtail's delete confirmation only counts the references and links to the usage view. The
package's snippets confirm with the list itself: each page (or snippet) that refers to the
object, its edit link, and per field what the deletion does: "will unset the reference" or
"prevents deletion". Field names are the package's labels, StreamField blocks down to the
chooser (e.g. "Body → Team → Members → Person"), found through Wagtail's reference index.
All referring objects are counted; the first ``LIMIT`` are listed (protecting ones first),
the rest as "and N more" with a link to Wagtail's usage view.

The reference index records the live content only (a page's database row), not revisions:
a reference that only an unpublished draft holds is invisible to it and to Django's delete
collector. The latest revisions of objects with unpublished changes are therefore read here
too and listed as drafts. A draft's reference through a protecting field prevents the
deletion as well: that draft could not be opened or published without the object (loading it
fails for a missing protected foreign key).

References that must not be emptied use ``on_delete=PROTECT`` (network members, partners,
a press release's publisher, the organisation a profile page presents); Wagtail then hides
the confirm button and a forced POST is refused with a message naming the pages
(``refuse_deleting_protected_snippets`` in ``wagtail_hooks``). Everything else is emptied,
and the outputs leave out entries whose person or organisation is gone (``content.blocks``).
The bulk delete action of the same snippets shows the same lists.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.blocks import ChooserBlock, ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page, ReferenceIndex, Revision, RevisionMixin

# Objects listed on the confirmation page; the usage view lists the rest.
LIMIT = 50


@dataclass
class Referrer:
    """One object that refers to the deleted one, with its fields."""

    object: models.Model
    edit_url: str | None
    # (label, consequence, whether it prevents the deletion)
    fields: list[tuple[str, str, bool]] = field(default_factory=list)
    protected: bool = False
    # Only its latest, unpublished revision holds the reference.
    draft: bool = False
    draft_title: str = ""

    @property
    def title(self) -> str:
        if self.draft_title:
            return self.draft_title
        return str(getattr(self.object, "title", None) or self.object)

    @property
    def kind(self) -> str:
        return capfirst(self.object._meta.verbose_name)

    def add(self, reference) -> None:
        protects = reference.on_delete == models.PROTECT
        row = (field_label(reference), str(reference.describe_on_delete()), protects)
        if row not in self.fields:
            self.fields.append(row)
        self.protected |= protects


@dataclass
class Usage:
    """What deleting an object does: who refers to it, listed up to a limit, and counted."""

    referrers: list[Referrer]
    count: int
    drafts: list[Referrer]
    drafts_count: int
    usage_url: str | None = None

    @property
    def more(self) -> int:
        return self.count - len(self.referrers)

    @property
    def more_drafts(self) -> int:
        return self.drafts_count - len(self.drafts)

    @property
    def live_protected(self) -> bool:
        return any(entry.protected for entry in self.referrers)

    @property
    def is_protected(self) -> bool:
        # Protecting referrers are listed first, so one of them is always shown.
        return any(entry.protected for entry in self.referrers + self.drafts)


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


def _base_model(model):
    parents = model._meta.get_parent_list()
    return parents[-1] if parents else model


def _reference(content_type_id: int, model_path: str) -> ReferenceIndex:
    """An unsaved index row: enough for Wagtail's descriptions of field and consequence."""
    return ReferenceIndex(content_type_id=content_type_id, model_path=model_path)


def _load(keys) -> dict[tuple[int, str], models.Model]:
    """Objects by (base content type id, object id), a few queries per model, not per object."""
    by_type = defaultdict(list)
    for content_type_id, object_id in keys:
        by_type[content_type_id].append(object_id)
    found = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        queryset = model._default_manager.filter(pk__in=ids)
        if issubclass(model, Page):
            queryset = queryset.specific(defer=True)
        found.update({(content_type_id, str(obj.pk)): obj for obj in queryset})
    return found


def _edit_url(finder, obj) -> str | None:
    return finder.get_edit_url(obj) if finder else None


# --- references held only by unpublished drafts -----------------------------------------


def _chooser_values(block, raw, path: str):
    """(model path, target model, raw id) of each chooser in a block's stored (JSON) value,
    with the paths Wagtail's ``extract_references`` gives: "team.members.item.person"."""
    if raw is None:
        return
    if isinstance(block, ChooserBlock):
        model = block.model_class
        if isinstance(model, type) and issubclass(model, models.Model):
            yield path, model, raw
    elif isinstance(block, StreamBlock):
        for child in raw if isinstance(raw, list) else []:
            if isinstance(child, dict) and child.get("type") in block.child_blocks:
                name = child["type"]
                yield from _chooser_values(
                    block.child_blocks[name], child.get("value"), f"{path}.{name}"
                )
    elif isinstance(block, ListBlock):
        for item in raw if isinstance(raw, list) else []:
            # New format: {"type": "item", "value": ..., "id": ...}; old: the value itself.
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            yield from _chooser_values(block.child_block, item, f"{path}.item")
    elif isinstance(block, StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            yield from _chooser_values(child, raw.get(name), f"{path}.{name}")


def _stored_references(model, data: dict, prefix: str = ""):
    """(model path, target model, raw id) of the foreign keys, inline rows and StreamField
    choosers in a revision's content, read from the JSON without a query."""
    for model_field in model._meta.get_fields():
        if getattr(model_field, "wagtail_reference_index_ignore", False):
            continue
        if (
            model_field.is_relation
            and model_field.many_to_one
            and model_field.concrete
            and not isinstance(model_field, ParentalKey)
            and not getattr(model_field.related_model, "wagtail_reference_index_ignore", False)
        ):
            value = data.get(model_field.name)
            if value is not None:
                yield f"{prefix}{model_field.name}", model_field.related_model, value
        elif isinstance(model_field, StreamField):
            raw = data.get(model_field.name)
            if isinstance(raw, str):
                try:
                    raw = json.loads(raw)
                except ValueError:
                    continue
            yield from _chooser_values(model_field.stream_block, raw, f"{prefix}{model_field.name}")
    if issubclass(model, ClusterableModel):
        for relation in get_all_child_relations(model):
            name = relation.get_accessor_name()
            for child in data.get(name) or []:
                if isinstance(child, dict):
                    yield from _stored_references(
                        relation.related_model, child, f"{prefix}{name}.item."
                    )


def _draft_revisions():
    """The latest revision of every object with unpublished changes, of the indexed models
    (pages and draft-state snippets): one query per base model."""
    bases = {
        _base_model(model)
        for model in ReferenceIndex.indexed_models
        if issubclass(model, DraftStateMixin) and issubclass(model, RevisionMixin)
    }
    for base in sorted(bases, key=lambda model: model._meta.label):
        latest = base._default_manager.filter(has_unpublished_changes=True).values(
            "latest_revision"
        )
        yield from Revision.objects.filter(pk__in=latest).order_by("object_id", "pk")


def _draft_references(obj, live: set[tuple[int, str, str]]):
    """{(base content type id, object id): (revision, [(content type id, model path)])} for
    references to ``obj`` that only a draft holds (not in ``live``)."""
    target = _base_model(type(obj))
    target_id = str(obj.pk)
    found = {}
    for revision in _draft_revisions():
        model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
        if model is None or not isinstance(revision.content, dict):
            continue
        key = (revision.base_content_type_id, str(revision.object_id))
        paths = []
        for model_path, related_model, value in _stored_references(model, revision.content):
            if _base_model(related_model) is not target or str(value) != target_id:
                continue
            if (*key, model_path) in live or (revision.content_type_id, model_path) in paths:
                continue
            paths.append((revision.content_type_id, model_path))
        if paths:
            found[key] = (revision, paths)
    return found


# --- the whole picture -------------------------------------------------------------------


def find_usage(obj, user=None, limit: int | None = LIMIT, usage_url: str | None = None) -> Usage:
    """Who refers to ``obj`` (live and in drafts) and through which fields: all counted,
    the first ``limit`` of each listed, protecting ones first. A bounded number of queries:
    the index rows, the listed objects per model, the draft revisions."""
    finder = AdminURLFinder(user) if user else None
    rows = ReferenceIndex.get_references_to(obj).order_by("pk")
    sources: dict[tuple[int, str], list[tuple[int, str]]] = {}
    live = set()
    for base_type, object_id, content_type_id, model_path in rows.values_list(
        "base_content_type_id", "object_id", "content_type_id", "model_path"
    ):
        paths = sources.setdefault((base_type, object_id), [])
        if (content_type_id, model_path) not in paths:
            paths.append((content_type_id, model_path))
        live.add((base_type, object_id, model_path))

    protecting = {
        path
        for paths in sources.values()
        for path in paths
        if _reference(*path).on_delete == models.PROTECT
    }

    def order(key):
        # Protecting first; then by type and id (numeric ids in numeric order).
        return (not any(path in protecting for path in sources[key]), key[0], len(key[1]), key)

    shown = sorted(sources, key=order)[:limit] if limit is not None else sorted(sources, key=order)
    objects = _load(shown)
    referrers = []
    for key in shown:
        source = objects.get(key)
        if source is None:  # an index row of a deleted object (not rebuilt yet)
            continue
        entry = Referrer(object=source, edit_url=_edit_url(finder, source))
        for path in sources[key]:
            entry.add(_reference(*path))
        referrers.append(entry)

    drafts_found = _draft_references(obj, live)
    draft_keys = sorted(
        drafts_found,
        key=lambda key: (
            not any(_reference(*path).on_delete == models.PROTECT for path in drafts_found[key][1]),
            key[0],
            len(key[1]),
            key,
        ),
    )
    shown_drafts = draft_keys[:limit] if limit is not None else draft_keys
    draft_objects = _load(shown_drafts)
    drafts = []
    for key in shown_drafts:
        revision, paths = drafts_found[key]
        source = draft_objects.get(key)
        if source is None:
            continue
        entry = Referrer(
            object=source,
            edit_url=_edit_url(finder, source),
            draft=True,
            draft_title=revision.object_str or "",
        )
        for path in paths:
            entry.add(_reference(*path))
        drafts.append(entry)

    return Usage(
        referrers=referrers,
        count=len(sources),
        drafts=drafts,
        drafts_count=len(drafts_found),
        usage_url=usage_url,
    )


def referrers(obj, user=None, limit: int | None = LIMIT) -> list[Referrer]:
    """The listed live referrers of ``obj`` (see ``find_usage``)."""
    return find_usage(obj, user, limit).referrers


def protecting_names(obj, error=None) -> list[str]:
    """“Page (field)” for each reference that prevents deleting ``obj``, drafts included;
    from Django's ``ProtectedError`` when the reference index does not know them (an
    unindexed model)."""
    usage = find_usage(obj, limit=None)
    names = []
    for entry in usage.referrers + usage.drafts:
        if not entry.protected:
            continue
        labels = ", ".join(label for label, _, protects in entry.fields if protects)
        if entry.draft:
            labels = gettext("%(fields)s, in an unpublished draft") % {"fields": labels}
        names.append(f"“{entry.title}” ({labels})")
    if not any(not entry.draft for entry in usage.referrers if entry.protected) and error:
        for row in error.protected_objects:
            owner = getattr(row, "page", None) or row  # inline rows (members) name their page
            name = f"“{getattr(owner, 'title', None) or owner}”"
            if name not in names:
                names.append(name)
    return names


def drafts_protect(obj) -> bool:
    """Whether an unpublished draft holds a protecting reference to ``obj``: Django's delete
    collector does not see those."""
    return any(entry.protected for entry in find_usage(obj, limit=None).drafts)
