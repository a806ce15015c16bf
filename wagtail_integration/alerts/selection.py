"""Which alert banners show, decided at request time.

``alerts_for(page=None, locale=None, now=None)`` returns the alerts that are current at ``now``
(started, not ended), site-wide or for a section that is ``page`` or one of its ancestors, in
the page's language (else ``locale``, else the active language), most severe first, then by
start. A section matches by its translation key, so a translated alert of a section shows on
every translation of it.

``next_change(...)``: when the next alert of that scope starts or ends. Every cached output
(HTTP caches of pages and API answers) lives at most until then (``cache_lifetime``), so no
cache serves an alert before its start or after its end.
"""

from __future__ import annotations

import datetime

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from ..models.alerts import Alert


def _scope_q(page) -> Q:
    if page is None:
        return Q(section__isnull=True)
    keys = Page.objects.ancestor_of(page, inclusive=True).values("translation_key")
    return Q(section__isnull=True) | Q(section__translation_key__in=keys)


def _locale(page, locale):
    if page is not None:
        return page.locale
    if locale is not None:
        return locale
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def _scoped(page=None, locale=None):
    queryset = Alert.objects.filter(_scope_q(page))
    if page is not None:
        return queryset.filter(locale_id=page.locale_id)  # no query for the page's locale
    locale = _locale(page, locale)
    return queryset.filter(locale=locale) if locale is not None else queryset.none()


def current_q(now: datetime.datetime) -> Q:
    return Q(starts_at__lte=now) & (Q(ends_at__isnull=True) | Q(ends_at__gt=now))


def alerts_for(page=None, locale=None, now: datetime.datetime | None = None) -> list[Alert]:
    now = now or timezone.now()
    rank = Case(
        *[When(severity=s, then=Value(i)) for i, s in enumerate(Alert.SEVERITY_ORDER)],
        default=Value(len(Alert.SEVERITY_ORDER)),
        output_field=IntegerField(),
    )
    queryset = _scoped(page, locale).filter(current_q(now)).select_related("locale")
    return list(queryset.annotate(rank=rank).order_by("rank", "starts_at", "pk"))


def next_change(
    page=None, locale=None, now: datetime.datetime | None = None
) -> datetime.datetime | None:
    """The next start or end after ``now`` of an alert of this scope, or None."""
    now = now or timezone.now()
    queryset = _scoped(page, locale)
    starts = (
        queryset.filter(starts_at__gt=now).order_by("starts_at").values_list("starts_at", flat=True)
    )
    ends = queryset.filter(ends_at__gt=now).order_by("ends_at").values_list("ends_at", flat=True)
    found = [value for value in (starts.first(), ends.first()) if value is not None]
    return min(found) if found else None


def banners(page=None, locale=None, now=None) -> tuple[list[Alert], datetime.datetime | None]:
    """``alerts_for`` and ``next_change`` in one query (for every page render)."""
    now = now or timezone.now()
    rows = list(
        _scoped(page, locale)
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        .select_related("locale")
    )
    rank = {severity: i for i, severity in enumerate(Alert.SEVERITY_ORDER)}
    current = sorted(
        (alert for alert in rows if alert.starts_at <= now),
        key=lambda alert: (rank.get(alert.severity, len(rank)), alert.starts_at, alert.pk),
    )
    moments = [alert.starts_at for alert in rows if alert.starts_at > now]
    moments += [alert.ends_at for alert in rows if alert.ends_at is not None]
    return current, min(moments, default=None)


def seconds_until(moment: datetime.datetime | None, now=None) -> int | None:
    if moment is None:
        return None
    return max(0, int((moment - (now or timezone.now())).total_seconds()))


def language_locale(language_code: str | None):
    code = language_code or translation.get_language()
    return Locale.objects.filter(language_code=code).first() if code else None
