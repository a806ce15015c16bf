"""Constants and small helpers shared by the JSON-LD graph and the Open Graph tags."""

from __future__ import annotations

import datetime
import json
from zoneinfo import ZoneInfo

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

BERLIN = ZoneInfo("Europe/Berlin")
SCHEMA_DAYS = {
    day: f"https://schema.org/{day}"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
}
LOGO_FILTER = "height-80"  # the renditions the page templates render anyway
PHOTO_FILTER = "fill-160x160"
IMAGE_FILTER = "max-1200x800"

_JSON_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def event_start(event) -> datetime.date | datetime.datetime:
    """Start as a date (all day) or as an aware datetime in Europe/Berlin."""
    if event.start_time:
        return datetime.datetime.combine(event.start_date, event.start_time, tzinfo=BERLIN)
    return event.start_date


def event_end(event) -> datetime.date | datetime.datetime | None:
    """End like ``event_start``: an inclusive date for all-day events, or a datetime."""
    end_date = event.end_date or event.start_date
    if event.start_time and event.end_time:
        return datetime.datetime.combine(end_date, event.end_time, tzinfo=BERLIN)
    if event.start_time:
        return None
    return event.end_date if event.end_date and event.end_date != event.start_date else None


def absolute(url: str | None, base: str) -> str | None:
    if not url:
        return None
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return "https:" + url
    return base.rstrip("/") + "/" + url.lstrip("/")


def page_site(page, request=None):
    """The site ``page`` belongs to: the request's own (found once per request) when it is
    that one. Wagtail's ``Page.get_site()`` costs a query and, without the request, a cache
    read of the site root paths."""
    from wagtail.models import Site

    parts = page.get_url_parts(request)
    if parts is None:
        return None
    current = Site.find_for_request(request) if request is not None else None
    if current is not None and current.pk == parts[0]:
        return current
    return Site.objects.filter(pk=parts[0]).first()


def rendition(image, spec: str):
    """``image``'s rendition for ``spec``, or ``None`` when its file is missing.

    Through ``get_renditions``: unlike ``get_rendition`` it does not write a prefetched or
    cached rendition back to the rendition cache on every request.
    """
    from wagtail.images.models import SourceImageIOError

    try:
        return image.get_renditions(spec)[spec]
    except (SourceImageIOError, OSError):  # a missing file must not break the page head
        return None


def rendition_url(image, spec: str, base: str) -> str | None:
    found = rendition(image, spec) if image is not None else None
    return absolute(found.url, base) if found is not None else None


def compact(data: dict) -> dict:
    """Drop empty values; structured data validators flag empty strings."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def postal_address(obj) -> dict | None:
    if not obj or not (obj.street or obj.postcode or obj.city):
        return None
    return compact(
        {
            "@type": "PostalAddress",
            "streetAddress": obj.street,
            "postalCode": obj.postcode,
            "addressLocality": obj.city,
        }
    )


def opening_hours(stream) -> list[dict]:
    """OpeningHoursSpecification entries from an ``OfficeHoursBlock`` stream."""
    result = []
    for block in stream or []:
        if block.block_type != "hours" or not block.value.get("days"):
            continue
        value = block.value
        result.append(
            compact(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": [SCHEMA_DAYS[d] for d in value["days"] if d in SCHEMA_DAYS],
                    "opens": value["opens"].strftime("%H:%M") if value.get("opens") else None,
                    "closes": value["closes"].strftime("%H:%M") if value.get("closes") else None,
                }
            )
        )
    return result


def json_ld_script(graph: list[dict]) -> SafeString:
    """``<script type="application/ld+json">`` holding ``{"@context", "@graph"}``.

    Like Django's ``json_script``, ``<``, ``>`` and ``&`` become ``\\u003C`` etc., so neither
    ``</script>`` nor ``<!--`` can occur; U+2028/U+2029 too, for older JavaScript parsers.
    """
    data = {"@context": "https://schema.org", "@graph": graph}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    escaped = text.translate(_JSON_ESCAPES)
    # The JSON is escaped above: it holds no "<", ">" or "&" any more.
    safe_json = mark_safe(escaped)  # noqa: S308  # nosec B308 B703
    return format_html('<script type="application/ld+json">{}</script>', safe_json)
