"""How a review date is set and moved on.

- An object saved without a date gets today + the interval of its type
  (``WAGTAIL_INTEGRATION["REVIEW_INTERVALS"]``); types with ``None`` get no date.
- Publishing a page whose date has come (today or earlier) counts as its review when a
  person saved the published revision (an editor, or the author of an approved workflow
  step): the date moves to today + the interval. Publishing by code alone (no user on the
  revision, e.g. the demo) reviews nothing.
- Saving an existing organisation or person whose date has come counts as its review, the
  same way (organisations and people have no drafts, so saving is publishing).
- The admin refuses a new date today or earlier (``models.ReviewDateFormField``).

The new date reaches translations like any synchronised field (``translation_sync``): the
page receiver here runs before that module's receiver.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone

from ..conf import DEFAULTS, integration_settings
from .models import ReviewDateMixin

DEFAULT_KEY = "default"


def _intervals() -> dict[str, int | None]:
    merged = {**DEFAULTS["REVIEW_INTERVALS"], **(integration_settings.REVIEW_INTERVALS or {})}
    return {str(key).lower(): value for key, value in merged.items()}


def _labels(model: type[models.Model]):
    """``model``'s label, then those of the package types it is a host variant of."""
    yield model._meta.label_lower
    for base in model.__mro__[1:]:
        meta = getattr(base, "_meta", None)
        if meta is None or not issubclass(base, ReviewDateMixin) or base is ReviewDateMixin:
            continue
        if meta.abstract and base.__name__.startswith("Abstract"):
            yield f"{meta.app_label}.{base.__name__[len('Abstract') :]}".lower()
        elif not meta.abstract:
            yield meta.label_lower


def interval_for(model: type[models.Model]) -> int | None:
    """Days between reviews for ``model``; ``None``: no review date."""
    intervals = _intervals()
    for label in _labels(model):
        if label in intervals:
            return intervals[label]
    return intervals.get(DEFAULT_KEY)


def next_review_date(model, today: datetime.date | None = None) -> datetime.date | None:
    days = interval_for(model)
    if days is None:
        return None
    return (today or timezone.localdate()) + datetime.timedelta(days=days)


def is_due(review_by: datetime.date | None, today: datetime.date | None = None) -> bool:
    return review_by is not None and review_by <= (today or timezone.localdate())


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or update_fields is not None or not isinstance(instance, ReviewDateMixin):
        return
    from wagtail.models import Page

    if isinstance(instance, Page):
        # A new page; an existing page gets its date when published (below), so that the
        # revisions the editor loads carry the same date as the page.
        if instance._state.adding and instance.review_by is None:
            instance.review_by = next_review_date(type(instance))
    elif instance.review_by is None or (not instance._state.adding and is_due(instance.review_by)):
        instance.review_by = next_review_date(type(instance))


def _on_page_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, ReviewDateMixin):
        return
    reviewed = revision is not None and revision.user_id is not None
    old_date = instance.review_by
    if old_date is not None and not (reviewed and is_due(old_date)):
        return
    new_date = next_review_date(type(instance))
    if new_date == old_date:
        return
    instance.review_by = new_date
    # The page row, and the revisions the editor and Wagtail load the page from next.
    type(instance).objects.filter(pk=instance.pk).update(review_by=new_date)
    old_value = old_date.isoformat() if old_date else None
    new_value = new_date.isoformat() if new_date else None
    revisions = [revision] if revision is not None else []
    latest_id = getattr(instance, "latest_revision_id", None)
    if latest_id and latest_id != getattr(revision, "pk", None):
        # A newer draft keeps a date its editor chose there.
        revisions += [
            draft
            for draft in instance.revisions.filter(pk=latest_id)
            if draft.content.get("review_by") == old_value
        ]
    for item in revisions:
        item.content["review_by"] = new_value  # in memory too: aliases copy this content
        item.save(update_fields=["content"])


def connect_signals() -> None:
    from django.db.models.signals import pre_save
    from wagtail.signals import page_published

    pre_save.connect(_before_save, dispatch_uid="wagtail_integration_review_dates")
    page_published.connect(_on_page_published, dispatch_uid="wagtail_integration_review_publish")
