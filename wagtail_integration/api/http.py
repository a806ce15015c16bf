"""HTTP behaviour of every API answer (v2 and v3): bounded numbers, caching headers, CORS.

``headless_view`` wraps each view of the API URLconfs the package mounts (``urls.py``):

- an integer query or path parameter beyond a 64-bit database integer answers 400 before
  the view runs (SQLite raises ``OverflowError``, PostgreSQL "bigint out of range": a 500);
- a successful GET or HEAD answer gets an ``ETag`` (a hash of the body, so any change to what
  it shows alters it), a ``Last-Modified`` (when the URL's body last changed), ``Cache-Control``
  and ``Vary``, and a conditional request that matches answers 304.

CORS headers come from django-cors-headers; ``cors_enabled`` (a receiver of its
``check_request_enabled`` signal) allows the origins of the ``CORS_ALLOWED_ORIGINS`` entry of
``WAGTAIL_INTEGRATION`` on the API URLs only.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import time

from django.core.cache import caches
from django.http import HttpResponse
from django.urls import Resolver404, URLPattern, URLResolver, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from ..conf import integration_settings
from ..content.objects import answering

# The largest value a 64-bit signed database integer holds (ids, offsets).
MAX_INTEGER = 2**63 - 1
# Query parameters that are integers wherever the API accepts them (``topic`` is text on the
# events endpoints, so the endpoints that take a topic id bound it themselves).
INTEGER_PARAMETERS = frozenset(
    [
        "limit",
        "offset",
        "id",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "translation_of",
        "organisation",
    ]
)
API_NAMESPACES = frozenset(["wagtail_integration_api_v2", "wagtailapi_v3"])
_INTEGER = re.compile(r"[+-]?[0-9]+")
_SEEN_PREFIX = "wagtail_integration:http:changed:"
_SEEN_TIMEOUT = 30 * 24 * 3600


def out_of_range(value: str) -> bool:
    """An integer written in ``value`` that no database integer column can hold."""
    value = value.strip()
    return bool(_INTEGER.fullmatch(value)) and abs(int(value)) > MAX_INTEGER


def too_large_parameter(request, kwargs) -> str | None:
    for name, values in request.GET.lists():
        if name in INTEGER_PARAMETERS and any(out_of_range(value) for value in values):
            return name
    for name, value in kwargs.items():
        if isinstance(value, int | str) and out_of_range(str(value)):
            return name
    return None


def bad_request(request, detail: str) -> HttpResponse:
    if _is_v3(request):
        return problem(400, "Bad Request", detail)
    # Wagtail's API v2 error shape
    return HttpResponse(
        json.dumps({"message": detail}), status=400, content_type="application/json"
    )


def _is_v3(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and "wagtailapi_v3" in match.namespaces)


def _is_private(request) -> bool:
    """Answers that depend on who asks (a bearer token, a draft, a preview token)."""
    return (
        "authorization" in request.headers
        or request.GET.get("version") == "draft"
        or "token" in request.GET
    )


def _last_modified(request, etag: str) -> int:
    """When this URL's answer last changed: kept with the ETag it had then, and moved on (by
    at least a second, HTTP dates have no finer unit) as soon as the ETag differs."""
    cache = caches[integration_settings.API_CACHE_ALIAS]
    variant = "\x1f".join(
        [
            request.get_host(),
            request.get_full_path(),
            request.headers.get("accept-language", ""),
            hashlib.sha256(request.headers.get("authorization", "").encode()).hexdigest(),
        ]
    )
    key = _SEEN_PREFIX + hashlib.sha256(variant.encode()).hexdigest()[:32]
    now = int(time.time())
    try:
        seen = cache.get(key)
        if seen is not None and seen[0] == etag:
            return seen[1]
        changed = now if seen is None else max(now, seen[1] + 1)
        cache.set(key, (etag, changed), _SEEN_TIMEOUT)
        return changed
    except Exception:  # an unreachable cache server must not fail the answer
        return now


def add_caching_headers(request, response) -> HttpResponse:
    """ETag, Last-Modified, Cache-Control and Vary; a 304 if the request's condition holds."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if getattr(response, "streaming", False):
        return response
    v3 = _is_v3(request)
    private = _is_private(request)
    vary = ["Accept-Language", "Accept-Encoding", "Origin"]
    if v3:
        vary.append("Authorization")
    patch_vary_headers(response, vary)
    if not response.has_header("Cache-Control"):
        if private:
            response["Cache-Control"] = "private, no-cache"
        else:
            max_age = int(integration_settings.API_MAX_AGE)
            stale = int(integration_settings.API_STALE_WHILE_REVALIDATE)
            response["Cache-Control"] = f"public, max-age={max_age}, stale-while-revalidate={stale}"
    digest = hashlib.sha256(response.content)
    digest.update(response.get("Content-Type", "").encode())
    etag = f'"{digest.hexdigest()[:32]}"'
    response["ETag"] = etag
    last_modified = _last_modified(request, etag)
    response["Last-Modified"] = http_date(last_modified)
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )


def problem(status: int, title: str, detail: str) -> HttpResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return HttpResponse(json.dumps(body), status=status, content_type="application/problem+json")


def draft_denial(request, kwargs, response) -> HttpResponse | None:
    """API v3 answers ``?version=draft`` with the live page for anyone without a token and
    with the draft for any token: a draft only for a token whose user may edit the page
    (401 without a token, 404 without the permission), never the live page instead."""
    match = getattr(request, "resolver_match", None)
    if (
        request.GET.get("version") != "draft"
        or response.status_code != 200
        or not match
        or "wagtailapi_v3" not in match.namespaces
        or match.url_name != "detail_page"
    ):
        return None
    user = getattr(request, "user", None)  # set by the API's token authentication
    if user is None or not user.is_authenticated:
        return problem(401, "Unauthorized", "Drafts need a bearer token.")
    from wagtail.models import Page

    page = Page.objects.filter(pk=kwargs.get("page_id")).first()
    if page is None or not page.permissions_for_user(user).can_edit():
        return problem(404, "Not Found", "No draft of this page for this token.")
    return None


def headless_view(view):
    """The API view with bounded integers and HTTP caching (see the module docstring)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        name = too_large_parameter(request, kwargs)
        if name is not None:
            return bad_request(request, f"{name} must be at most {MAX_INTEGER}")
        with answering(request):  # absolute URLs in the answer: this request's host
            response = view(request, *args, **kwargs)
            denial = draft_denial(request, kwargs, response)
            if denial is not None:
                return denial
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()  # DRF answers render lazily; the ETag needs the body
        return add_caching_headers(request, response)

    wrapper.csrf_exempt = getattr(view, "csrf_exempt", False)
    return wrapper


def wrap_urls(urls):
    """``urls`` (a ``(patterns, app_name, namespace)`` triple or a list) with every view
    wrapped by ``headless_view``."""
    if isinstance(urls, tuple):
        patterns, app_name, namespace = urls
        return wrap_urls(patterns), app_name, namespace
    for entry in urls:
        if isinstance(entry, URLResolver):
            wrap_urls(entry.url_patterns)
        elif isinstance(entry, URLPattern) and not getattr(entry.callback, "_headless", False):
            entry.callback = headless_view(entry.callback)
            entry.callback._headless = True
    return urls


def is_api_request(request) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return bool(API_NAMESPACES.intersection(match.namespaces))


def cors_enabled(sender, request, **kwargs) -> bool:
    """django-cors-headers: allow the configured front-end origins on the API (and preview)."""
    origins = integration_settings.CORS_ALLOWED_ORIGINS
    origin = request.headers.get("origin")
    if not origins or not origin:
        return False
    if origin not in origins and "*" not in origins:
        return False
    return is_api_request(request)


def connect_cors() -> None:
    try:
        from corsheaders.signals import check_request_enabled
    except ImportError:  # django-cors-headers not installed: no CORS headers
        return
    check_request_enabled.connect(cors_enabled, dispatch_uid="wagtail_integration.api.cors")
