"""When a live page may be shown: one time-based rule for expiry and press embargoes.

Wagtail unpublishes a page at its ``expire_at`` (and publishes scheduled revisions) only when
its ``publish_scheduled`` command runs; until then the expired page is still ``live``. A press
release under embargo (``embargo_until`` in the future) is live in the database, approved and
ready, but must not be seen before its time. Every public output applies this rule at request
time, so neither depends on the command having run, and an embargoed release goes public by
itself when its embargo ends:

- ``visible(queryset)`` filters a page queryset (of ``Page`` or of one page type);
- ``is_visible(page)`` answers for one page.

An alias shows its source's content, so it is hidden whenever its source is.
"""

from __future__ import annotations

import datetime
from functools import cache

from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

EMBARGO_FIELD = "embargo_until"


@cache
def embargo_models() -> tuple[type[Page], ...]:
    """Concrete page models with an embargo (press releases, and hosts' own subclasses)."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page) or model._meta.proxy:
            continue
        field = next((f for f in model._meta.concrete_fields if f.name == EMBARGO_FIELD), None)
        # Multi-table subclasses inherit the column: filter on the model that declares it.
        if field is not None and field.model is model:
            found.append(model)
    return tuple(found)


def _hidden_q(now: datetime.datetime) -> Q:
    hidden = Q(expire_at__lte=now)
    for model in embargo_models():
        hidden |= Q(pk__in=model.objects.filter(**{f"{EMBARGO_FIELD}__gt": now}).values("pk"))
    return hidden


def visible_q(now: datetime.datetime | None = None) -> Q:
    """Pages neither expired nor under embargo, nor aliases of such pages."""
    now = now or timezone.now()
    hidden = _hidden_q(now)
    hidden_sources = Page.objects.filter(hidden).values("pk")
    return ~hidden & ~Q(alias_of_id__in=hidden_sources)


def visible(queryset, now: datetime.datetime | None = None):
    """``queryset`` without the pages the time-based rule hides at ``now`` (default: now).

    One ``pk__in`` subquery: search backends accept it (they filter on indexed fields only).
    """
    return queryset.filter(pk__in=Page.objects.filter(visible_q(now)).values("pk"))


def embargo_of(page) -> datetime.datetime | None:
    """The page's embargo, read from its specific row when ``page`` is a plain ``Page``."""
    if not embargo_models():
        return None
    if not hasattr(page, EMBARGO_FIELD):
        if isinstance(page, Page) and not issubclass(page.specific_class or Page, embargo_models()):
            return None
        page = page.specific_deferred
    return getattr(page, EMBARGO_FIELD, None)


def _hidden_by_time(page, now: datetime.datetime) -> bool:
    if page.expire_at is not None and page.expire_at <= now:
        return True
    embargo = embargo_of(page)
    return embargo is not None and embargo > now


def is_visible(page, now: datetime.datetime | None = None) -> bool:
    """Whether the time-based rule lets ``page`` be shown at ``now`` (default: now).

    Only time counts here: ``live`` and view restrictions are checked where they always were.
    """
    now = now or timezone.now()
    if _hidden_by_time(page, now):
        return False
    if page.alias_of_id is not None:
        source = Page.objects.filter(pk=page.alias_of_id).first()
        return source is None or not _hidden_by_time(source, now)
    return True


def is_under_embargo(page, now: datetime.datetime | None = None) -> bool:
    embargo = embargo_of(page)
    return embargo is not None and embargo > (now or timezone.now())


def install_v3_rule() -> None:
    """Apply the rule to Wagtail's API v3 pages endpoint (listing, detail, find).

    Wagtail 8 offers no hook for the public page queryset of API v3, so the endpoint's
    ``get_pages_queryset`` is wrapped once. Requests with a bearer token (editors) keep
    Wagtail's own set, drafts included.
    """
    try:
        from wagtail.api.v3.routers import pages as v3_pages
    except ImportError:  # Wagtail 7 has no API v3
        return
    original = v3_pages.get_pages_queryset
    if getattr(original, "_applies_visibility", False):
        return

    def get_pages_queryset(request, *args, **kwargs):
        queryset = original(request, *args, **kwargs)
        if request.user.is_authenticated:
            return queryset
        return visible(queryset)

    get_pages_queryset._applies_visibility = True
    v3_pages.get_pages_queryset = get_pages_queryset
