"""Headless preview: the editor's preview pane shows the page in a decoupled front end.

With ``HEADLESS_PREVIEW_URL`` set, a page's preview stores the previewed (unsaved) content in
Django's cache under a random key and redirects the preview pane to
``HEADLESS_PREVIEW_URL?content_type=app_label.model&token=...``. The token is the key signed
with a ``TimestampSigner``; the front end exchanges it for the page's API v2 representation at
``api/v2/page_preview/?content_type=...&token=...`` (``PagePreviewAPIViewSet``).

The cache must be shared by all processes that serve the admin and the API (e.g. Redis or
Memcached in production); a per-process local-memory cache only works with one process.
"""

from __future__ import annotations

import secrets

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.utils.http import urlencode
from wagtail.models import Page

from .conf import integration_settings

SALT = "wagtail_integration.headless_preview"
# Seconds a preview token (and its cache entry) stays valid.
MAX_AGE = 60 * 60
CACHE_PREFIX = "wagtail_integration:headless_preview:"


def content_type_label(page: Page) -> str:
    """``app_label.model`` of the page's specific type, e.g. ``wagtail_integration.networkpage``."""
    return page._meta.label_lower


def store_preview(page: Page) -> str:
    """Store the page's current (unsaved) content; return the signed token that refers to it."""
    key = secrets.token_urlsafe(24)
    cache.set(
        CACHE_PREFIX + key,
        {"content_type": content_type_label(page), "content": page.to_json()},
        MAX_AGE,
    )
    return signing.TimestampSigner(salt=SALT).sign(key)


def load_preview(content_type: str, token: str) -> Page | None:
    """The previewed page for a valid, unexpired token of this content type, else ``None``."""
    try:
        key = signing.TimestampSigner(salt=SALT).unsign(token, max_age=MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    entry = cache.get(CACHE_PREFIX + key)
    if not entry or entry.get("content_type") != content_type:
        return None
    app_label, _, model_name = content_type.partition(".")
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None or not issubclass(model, Page):
        return None
    return model.from_json(entry["content"])


def preview_url(page: Page, token: str) -> str:
    base = integration_settings.HEADLESS_PREVIEW_URL
    query = urlencode({"content_type": content_type_label(page), "token": token})
    return f"{base}{'&' if '?' in base else '?'}{query}"


def serve_headless_preview(page: Page) -> HttpResponseRedirect:
    """Store the preview and send the preview pane to the front end."""
    return HttpResponseRedirect(preview_url(page, store_preview(page)))
