"""Alert banners in the API: ``api/v2/alerts/`` and ``api/v3/alerts/``, one shape for both.

``?page=<id>`` gives the alerts shown on that page (site-wide and of its sections, in its
language); without it, the site-wide alerts in ``?locale=`` (default: the active language).
The page must be live, public and visible, else 404. Answers are computed on every request
(no item cache) and their ``Cache-Control`` ends at the next start or end of an alert of
the scope (``alerts/caching.py``).
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.http import Http404
from pydantic import BaseModel
from wagtail.models import Locale, Page
from wagtail.rich_text import expand_db_html

from ..models.alerts import Alert
from ..visibility import is_visible
from .caching import api_cache_control
from .selection import alerts_for, current_q, language_locale, next_change

Severity = Literal[tuple(Alert.Severity.values)]  # type: ignore[valid-type]


class AlertLinkOut(BaseModel):
    url: str
    text: str


class AlertOut(BaseModel):
    id: int
    severity: Severity
    role: Literal["alert", "status"]
    title: str
    text: str
    link: AlertLinkOut | None
    scope: Literal["site", "section"]
    section: int | None
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    locale: str


class AlertListOut(BaseModel):
    count: int
    items: list[AlertOut]
    next_change: datetime.datetime | None


class ScopeError(Exception):
    """A bad ``locale`` (400); a page that cannot be shown raises ``Http404``."""


def alert_out(alert: Alert) -> AlertOut:
    from django.utils.translation import gettext

    link = None
    if alert.link_url:
        link = AlertLinkOut(url=alert.link_url, text=alert.link_text or gettext("More information"))
    return AlertOut(
        id=alert.pk,
        severity=alert.severity,
        role="alert" if alert.is_emergency else "status",
        title=alert.title,
        text=expand_db_html(alert.text) if alert.text else "",
        link=link,
        scope="section" if alert.section_id else "site",
        section=alert.section_id,
        starts_at=alert.starts_at,
        ends_at=alert.ends_at,
        locale=alert.locale.language_code,
    )


def resolve_scope(page_id: int | None, locale_code: str | None):
    page = None
    if page_id is not None:
        page = Page.objects.live().public().filter(pk=page_id).first()
        if page is None or not is_visible(page):
            raise Http404("No such page.")
    locale = None
    if locale_code is not None:
        locale = Locale.objects.filter(language_code=locale_code).first()
        if locale is None:
            raise ScopeError(f"locale {locale_code!r} does not exist")
    elif page is None:
        locale = language_locale(None)
    return page, locale


def listing(page_id: int | None, locale_code: str | None) -> tuple[AlertListOut, str]:
    """The answer and its ``Cache-Control``."""
    page, locale = resolve_scope(page_id, locale_code)
    if page is not None and locale is not None and locale != page.locale:
        page = page.get_translation_or_none(locale)
        if page is None or not page.live or not is_visible(page):
            raise Http404("The page has no live translation in this locale.")
    alerts = alerts_for(page, locale)
    change = next_change(page, locale)
    body = AlertListOut(
        count=len(alerts), items=[alert_out(alert) for alert in alerts], next_change=change
    )
    return body, api_cache_control(change)


def detail(alert_id: int) -> tuple[AlertOut, str]:
    """A current alert (a scheduled or ended one is not found)."""
    from django.utils import timezone

    now = timezone.now()
    alert = Alert.objects.filter(current_q(now), pk=alert_id).select_related("locale").first()
    if alert is None:
        raise Http404("No current alert matches the given id.")
    if alert.section_id is not None:
        section = Page.objects.live().public().filter(pk=alert.section_id).first()
        if section is None or not is_visible(section):
            raise Http404("No current alert matches the given id.")
    # Lives until the alert ends (or another one of the whole table changes it: a save).
    change = alert.ends_at
    return alert_out(alert), api_cache_control(change)
