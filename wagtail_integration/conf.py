"""Settings of the package, read from one dict: ``WAGTAIL_INTEGRATION = {...}``.

Values are looked up on every access and the cache is cleared on Django's
``setting_changed`` signal, so ``override_settings`` works in tests.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings as django_settings
from django.core.signals import setting_changed

SETTINGS_NAME = "WAGTAIL_INTEGRATION"

DEFAULTS: dict[str, Any] = {
    # Template that every page template of the package extends.
    "BASE_TEMPLATE": "wagtail_integration/base.html",
    # Mount Wagtail's API v2 (pages, images, documents) under api/v2/.
    "API_V2_ENABLED": True,
    # Mount Wagtail's API v3 (Wagtail 8 and newer) under api/v3/.
    "API_V3_ENABLED": True,
    # Rendition filter specs offered for images in templates and the API.
    "IMAGE_RENDITIONS": {
        "thumbnail": "fill-160x160",
        "medium": "max-800x600",
        "large": "max-1600x1200",
    },
    # Maximum items per page on listing pages (press index, project index).
    "PAGE_SIZE": 10,
    # Front-end URL that shows a page preview (e.g. "https://frontend.example/preview"); it
    # gets ?content_type=app_label.model&token=... and fetches api/v2/page_preview/ with them.
    # None: Wagtail's normal HTML preview.
    "HEADLESS_PREVIEW_URL": None,
    # Seconds API v2 page answers keep each page's serialised JSON (0: no caching). Any
    # change saved through the ORM outdates all of it at once (``api/cache.py``).
    "API_CACHE_TIMEOUT": 300,
    # The entry of Django's CACHES that holds it.
    "API_CACHE_ALIAS": "default",
    # Front-end origins allowed to call the API (v2, v3 and the headless preview) from a
    # browser, e.g. ["https://www.example.org"]; needs django-cors-headers' CorsMiddleware.
    "CORS_ALLOWED_ORIGINS": [],
    # Cache-Control of public API answers: seconds a browser or an edge cache may reuse an
    # answer, and seconds after that it may still serve it while it revalidates.
    "API_MAX_AGE": 60,
    "API_STALE_WHILE_REVALIDATE": 60,
    # Days a journalist's preview link of an embargoed press release stays valid by default.
    "PRESS_PREVIEW_LINK_DAYS": 7,
    # og:image of pages without an image of their own: a static file path or an absolute
    # URL; None: no og:image on such pages.
    "DEFAULT_SHARE_IMAGE": "wagtail_integration/img/share.png",
    # Address that receives the accessibility statement's feedback messages. None: the
    # "feedback e-mail address" of the statement page; without either, messages are only
    # stored (admin menu "Accessibility feedback").
    "ACCESSIBILITY_FEEDBACK_EMAIL": None,
    # The privacy notice (Datenschutzerklärung) linked in the package footer: a URL or path,
    # a page id (linked in the page's language where translated), or a dict of language
    # code -> either (with "" as the fallback). None: no link (check --deploy warns).
    "PRIVACY_URL": None,
    # Days from a review to the next "review by" date (Prüftermin), per model label
    # ("app_label.ModelName", any case); "default" for every other model with a review date;
    # None: no review date for that type. A host's dict is merged over this one, and a host
    # variant of a package page type (a subclass of its Abstract… class) follows that type.
    "REVIEW_INTERVALS": {
        "default": 365,
        "wagtail_integration.Organisation": 183,
        "wagtail_integration.Person": 183,
        # Office hours and contact people change most often.
        "wagtail_integration.OrganisationProfilePage": 183,
        "wagtail_integration.ImpressumPage": 183,
        # A press release is a dated record, not reviewed.
        "wagtail_integration.PressReleasePage": None,
    },
    # Days before its review date an item shows in the dashboard panel and in reminders.
    "REVIEW_DUE_DAYS": 14,
    # Address that gets the review reminders of items nobody can be found for (no owner, no
    # editor with an e-mail address). None: those items are only counted in the summary.
    "REVIEW_REMINDER_FALLBACK_EMAIL": None,
    # Languages whose page titles give German slugs (ä → ae, ö → oe, ü → ue, ß → ss) in the
    # admin and when a page is saved without a slug; "de" also covers "de-at" and "de-ch".
    # Applies to the package's page types and to a host's with ``slugs.GermanSlugMixin``.
    # []: Wagtail's own slugs.
    "SLUG_TRANSLITERATION_LANGUAGES": ["de"],
}


class Settings:
    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}

    @property
    def user_settings(self) -> dict[str, Any]:
        return getattr(django_settings, SETTINGS_NAME, {}) or {}

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"Invalid {SETTINGS_NAME} setting: {name!r}")
        if name not in self._cache:
            self._cache[name] = self.user_settings.get(name, DEFAULTS[name])
        return self._cache[name]

    def reload(self) -> None:
        self._cache.clear()


integration_settings = Settings()


def _reload(*, setting: str, **kwargs: Any) -> None:
    if setting == SETTINGS_NAME:
        integration_settings.reload()


setting_changed.connect(_reload)
