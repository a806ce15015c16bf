"""Open Graph and Twitter card values of a page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from wagtail.blocks import StreamValue

from ...conf import integration_settings
from .common import IMAGE_FILTER, LOGO_FILTER, absolute, page_site, rendition_url
from .graph import page_description

# Open Graph wants language_TERRITORY; a content language alone does not say which territory.
OG_LOCALES = {
    "de": "de_DE",
    "de-x-ls": "de_DE",
    "en": "en_GB",
    "tr": "tr_TR",
    "ar": "ar_AR",
    "uk": "uk_UA",
}


def og_locale(language_code: str) -> str:
    code = (language_code or "").lower()
    if code in OG_LOCALES:
        return OG_LOCALES[code]
    base = code.split("-")[0]
    return OG_LOCALES.get(base, f"{base}_{base.upper()}" if base else "")


def page_image(page) -> tuple[Any, str, str] | None:
    """The image that represents ``page`` (for og:image) and its alternative text.

    The first media image of a press release, else the first image block of the body, else
    the organisation's logo of a profile page. Reads the page's cached stream values.
    """
    for name in ("media", "body"):
        stream = getattr(page, name, None)
        if not isinstance(stream, StreamValue):
            continue
        for block in stream:
            if block.block_type == "image" and block.value["image"] is not None:
                image = block.value["image"]
                alt = block.value.get("alt_text") or getattr(image, "default_alt_text", "")
                return image, alt or image.title, IMAGE_FILTER
    organisation = getattr(page, "organisation", None)
    if organisation is not None and getattr(organisation, "logo_id", None):
        return organisation.logo, organisation.name, LOGO_FILTER
    return None


def _default_share_image(value: str, base: str) -> str:
    """An absolute URL for the DEFAULT_SHARE_IMAGE setting (static path or URL)."""
    if value.startswith(("http://", "https://")):
        return value
    from django.templatetags.static import static

    return absolute(static(value), base)


def open_graph(page, request=None, translations=None) -> dict[str, Any]:
    """The values of the Open Graph and Twitter meta tags of ``page`` (not yet escaped)."""
    page_url = page.get_full_url(request) or ""
    site = page_site(page, request)
    base = (site.root_url if site else "") or (
        request.build_absolute_uri("/") if request is not None else ""
    )
    language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    data: dict[str, Any] = {
        "title": page.seo_title or page.title,
        "description": page_description(page),
        "url": page_url,
        "type": "article" if hasattr(page, "release_date") else "website",
        "site_name": getattr(site, "site_name", "") or getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "locale": og_locale(language),
        "locale_alternates": [
            og_locale(t.language_code) for t in (translations or []) if not t.is_current
        ],
        "published_time": None,
        "modified_time": None,
        "image": None,
        "image_alt": "",
        "twitter_card": "",
    }
    if data["type"] == "article":
        if page.release_date:
            data["published_time"] = page.release_date.isoformat()
        if page.last_published_at:
            data["modified_time"] = page.last_published_at.isoformat()
    found = page_image(page)
    if found:
        image, alt, spec = found
        data["image"] = rendition_url(image, spec, base)
        data["image_alt"] = alt
        # A logo rendition is small: a summary card, not a large image.
        if data["image"]:
            data["twitter_card"] = "summary" if spec == LOGO_FILTER else "summary_large_image"
    elif integration_settings.DEFAULT_SHARE_IMAGE:
        data["image"] = _default_share_image(integration_settings.DEFAULT_SHARE_IMAGE, base)
        data["image_alt"] = data["site_name"]
        data["twitter_card"] = "summary_large_image"
    # og:locale:alternate must not repeat og:locale (de and de-x-ls share de_DE).
    seen = {data["locale"]}
    data["locale_alternates"] = [
        code for code in data["locale_alternates"] if not (code in seen or seen.add(code))
    ]
    return data
