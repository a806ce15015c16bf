"""Cached outputs end before the next alert starts or ends.

A banner's start and end are moments, not saves: no signal outdates a cached page or API
answer then (saves are covered: ``api/cache.py`` and ``purge.py``). So every answer that
shows alerts carries a lifetime that ends at the next change of its alerts:

- API answers of the alert endpoints get ``max-age`` (and ``stale-while-revalidate``) cut to
  the seconds until then;
- HTML: the alert include records the next change on the request, and ``limit_response``
  lowers ``max-age``/``s-maxage`` to it; an answer without ``Cache-Control`` gets
  ``max-age=N``, N at most ``API_MAX_AGE`` (``private`` for a signed-in user), instead of
  whatever default lifetime a cache in front would give it.
"""

from __future__ import annotations

import datetime

from django.utils.cache import patch_cache_control
from django.utils.regex_helper import _lazy_re_compile

from ..conf import integration_settings
from .selection import seconds_until

REQUEST_ATTRIBUTE = "_wagtail_integration_alert_change"
_DIRECTIVE = _lazy_re_compile(r"\s*,\s*")


def note_change(request, moment: datetime.datetime | None) -> None:
    """Remember the earliest alert change an output of this request depends on."""
    if request is None or moment is None:
        return
    known = getattr(request, REQUEST_ATTRIBUTE, None)
    if known is None or moment < known:
        setattr(request, REQUEST_ATTRIBUTE, moment)


def api_cache_control(moment: datetime.datetime | None) -> str:
    max_age = int(integration_settings.API_MAX_AGE)
    stale = int(integration_settings.API_STALE_WHILE_REVALIDATE)
    left = seconds_until(moment)
    if left is not None:
        max_age = min(max_age, left)
        stale = max(0, min(stale, left - max_age))
    return f"public, max-age={max_age}, stale-while-revalidate={stale}"


def _directives(value: str) -> dict[str, str | None]:
    found = {}
    for part in _DIRECTIVE.split(value.strip()):
        if part:
            name, _sep, arg = part.partition("=")
            found[name.strip().lower()] = arg.strip() or None
    return found


def limit_response(request, response):
    """Cut the response's cache lifetime to the next alert change its body depends on."""
    left = seconds_until(getattr(request, REQUEST_ATTRIBUTE, None))
    if left is None:
        return response
    if not response.has_header("Cache-Control"):
        # Never longer than API answers live; private for a signed-in user's page.
        left = min(left, int(integration_settings.API_MAX_AGE))
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, max_age=left)
        else:
            patch_cache_control(response, max_age=left)
        return response
    directives = _directives(response["Cache-Control"])
    changes = {}
    for name in ("max-age", "s-maxage", "stale-while-revalidate"):
        value = directives.get(name)
        if value is not None and value.isdigit() and int(value) > left:
            changes[name.replace("-", "_")] = left if name != "stale-while-revalidate" else 0
    if changes:
        patch_cache_control(response, **changes)
    return response


class AlertCacheMiddleware:
    """For a host's own pages that include the alert banners: add to ``MIDDLEWARE``."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return limit_response(request, self.get_response(request))
