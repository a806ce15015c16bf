"""What is due for review: every model with a review date, read in one query.

One ``UNION ALL`` over the page types and snippets with ``ReviewDateMixin``, so the dashboard
panel costs the same few queries however many types and items there are. Listed are live
pages (no aliases) and snippets, each in its own language; translations follow their source's
date (wagtail-localize synchronises it) and are left out: the source is what gets reviewed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from ..conf import integration_settings
from .models import ReviewDateMixin

COLUMNS = (
    "item_type",
    "item_id",
    "item_label",
    "item_date",
    "item_language",
    "item_owner",
    "item_editor",
)
# Log actions after which the acting user counts as a snippet's last editor.
EDIT_ACTIONS = ("wagtail.create", "wagtail.edit")


@dataclass(frozen=True)
class DueItem:
    content_type_id: int
    pk: int
    label: str
    review_by: datetime.date
    language: str
    owner_id: int | None
    editor_id: int | None
    today: datetime.date

    @cached_property
    def model(self) -> type[models.Model]:
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    @property
    def type_name(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def is_page(self) -> bool:
        from wagtail.models import Page

        return issubclass(self.model, Page)

    @property
    def overdue(self) -> bool:
        return self.review_by < self.today

    @property
    def days_overdue(self) -> int:
        return (self.today - self.review_by).days

    @property
    def language_name(self) -> str:
        names = dict(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES)
        return str(names.get(self.language, self.language))

    @property
    def recipient_user_id(self) -> int | None:
        """A page's owner, else its last editor; a snippet's last editor."""
        return self.owner_id or self.editor_id

    @property
    def edit_url(self) -> str | None:
        """The admin path of the edit view (``None`` for a model without one)."""
        if self.is_page:
            return reverse("wagtailadmin_pages:edit", args=[self.pk])
        viewset = getattr(self.model, "snippet_viewset", None)
        if viewset is None:
            return None
        try:
            return reverse(viewset.get_url_name("edit"), args=[quote(self.pk)])
        except NoReverseMatch:
            return None


def review_models() -> list[type[models.Model]]:
    return sorted(
        (model for model in apps.get_models() if issubclass(model, ReviewDateMixin)),
        key=lambda model: model._meta.label,
    )


def _not_a_translation():
    """Objects that are the source of their translations, or were never translated."""
    from wagtail_localize.models import TranslationSource

    sources = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    return Exists(sources.filter(locale_id=OuterRef("locale_id"))) | ~Exists(sources)


def _label(model) -> models.Expression:
    names = {field.name for field in model._meta.get_fields()}
    if {"first_name", "last_name"} <= names:
        return Concat("first_name", Value(" "), "last_name", output_field=models.CharField())
    for name in ("title", "name"):
        if name in names:
            return Cast(name, models.CharField())
    return Cast("pk", models.CharField())


def _queryset(model, content_type, until, user, unassigned):
    from wagtail.models import ModelLogEntry, Page

    queryset = model._default_manager.filter(review_by__isnull=False, review_by__lte=until)
    if issubclass(model, Page):
        queryset = queryset.filter(content_type=content_type, live=True, alias_of__isnull=True)
        owner, editor = F("owner_id"), F("latest_revision__user_id")
        if user is not None:
            mine = Q(owner=user) | Q(latest_revision__user=user)
            if unassigned:
                mine |= Q(owner__isnull=True, latest_revision__user__isnull=True)
            queryset = queryset.filter(mine)
    else:
        last_editor = (
            ModelLogEntry.objects.filter(
                content_type_id=content_type.pk,
                object_id=Cast(OuterRef("pk"), models.CharField()),
                action__in=EDIT_ACTIONS,
                user__isnull=False,
            )
            .order_by("-timestamp", "-pk")
            .values("user_id")[:1]
        )
        owner = Value(None, output_field=models.IntegerField())
        editor = Subquery(last_editor, output_field=models.IntegerField())
        if user is not None:
            mine = Q(last_editor=user.pk)
            if unassigned:
                mine |= Q(last_editor__isnull=True)
            queryset = queryset.alias(last_editor=editor).filter(mine)
    if hasattr(model, "translation_key"):
        queryset = queryset.filter(_not_a_translation())
    # No ordering of its own: a part of a UNION may not have one (Meta.ordering).
    return (
        queryset.order_by()
        .annotate(
            item_type=Value(content_type.pk, output_field=models.IntegerField()),
            item_id=F("pk"),
            item_label=_label(model),
            item_date=F("review_by"),
            item_language=(
                F("locale__language_code")
                if hasattr(model, "locale_id")
                else Value("", output_field=models.CharField())
            ),
            item_owner=owner,
            item_editor=editor,
        )
        .values(*COLUMNS)
    )


def due_items(
    user=None, days: int | None = None, limit: int | None = None, unassigned: bool = False
) -> list[DueItem]:
    """Items whose review date is at most ``days`` ahead (overdue first).

    With ``user``: that user's pages (owned or last edited) and snippets (last edited), and
    with ``unassigned`` also those nobody owns or edited (created by code, e.g. an import).
    Without ``user``: everyone's.
    """
    today = timezone.localdate()
    if days is None:
        days = integration_settings.REVIEW_DUE_DAYS
    until = today + datetime.timedelta(days=days)
    models_ = review_models()
    if not models_:
        return []
    content_types = ContentType.objects.get_for_models(*models_, for_concrete_models=False)
    querysets = [
        _queryset(model, content_types[model], until, user, unassigned) for model in models_
    ]
    union = (
        querysets[0].union(*querysets[1:], all=True).order_by("item_date", "item_label", "item_id")
    )
    if limit is not None:
        union = union[:limit]
    return [
        DueItem(
            content_type_id=row["item_type"],
            pk=row["item_id"],
            label=row["item_label"],
            review_by=row["item_date"],
            language=row["item_language"],
            owner_id=row["item_owner"],
            editor_id=row["item_editor"],
            today=today,
        )
        for row in union
    ]
