"""schema.org JSON-LD and Open Graph data for the package's pages.

``page_graph`` builds one ``@graph`` per page from objects the page template loads anyway
(stream values are cached on the page, the related context is reused), so the number of
queries does not grow with the number of events, members or people. ``json_ld_script``
serialises it so that no value can end the ``<script>`` element.
"""

from __future__ import annotations

import datetime
import html
import json
import re
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from wagtail.blocks import StreamValue

from ..conf import integration_settings
from ..text import one_line

BERLIN = ZoneInfo("Europe/Berlin")
SCHEMA_DAYS = {
    day: f"https://schema.org/{day}"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
}
# Open Graph wants language_TERRITORY; a content language alone does not say which territory.
OG_LOCALES = {
    "de": "de_DE",
    "de-x-ls": "de_DE",
    "en": "en_GB",
    "tr": "tr_TR",
    "ar": "ar_AR",
    "uk": "uk_UA",
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


# --- Small helpers --------------------------------------------------------------------------


# Where rich text ends a paragraph, list item, heading or line: a paragraph break.
_BLOCK_END = re.compile(r"(?i)</(?:p|li|h[1-6]|blockquote|div)\s*>|<br\s*/?>")


def plain_text(
    value: Any, limit: int | None = None, rich: bool = True, paragraphs: bool = False
) -> str:
    """Rich text (tags dropped, entities decoded) or plain text, whitespace collapsed.

    Paragraphs never run together ("lassen. Die", not "lassen.Die"): one line joined by spaces,
    or with ``paragraphs`` separated by a blank line (JSON-LD and iCalendar descriptions).
    """
    if value is None:
        return ""
    text = str(getattr(value, "source", value))
    if rich:
        text = html.unescape(strip_tags(_BLOCK_END.sub("\n\n", text)))
    parts = [one_line(part) for part in re.split(r"\n\s*\n", text)]
    text = ("\n\n" if paragraphs else " ").join(part for part in parts if part)
    return Truncator(text).chars(limit) if limit else text


def og_locale(language_code: str) -> str:
    code = (language_code or "").lower()
    if code in OG_LOCALES:
        return OG_LOCALES[code]
    base = code.split("-")[0]
    return OG_LOCALES.get(base, f"{base}_{base.upper()}" if base else "")


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


def _absolute(url: str | None, base: str) -> str | None:
    if not url:
        return None
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return "https:" + url
    return base.rstrip("/") + "/" + url.lstrip("/")


def _rendition_url(image, spec: str, base: str) -> str | None:
    if image is None:
        return None
    from wagtail.images.models import SourceImageIOError

    try:
        rendition = image.get_rendition(spec)
    except (SourceImageIOError, OSError):  # a missing file must not break the page head
        return None
    return _absolute(rendition.url, base)


def _compact(data: dict) -> dict:
    """Drop empty values; structured data validators flag empty strings."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _address(obj) -> dict | None:
    if not obj or not (obj.street or obj.postcode or obj.city):
        return None
    return _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": obj.street,
            "postalCode": obj.postcode,
            "addressLocality": obj.city,
        }
    )


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


# --- Builder --------------------------------------------------------------------------------


class GraphBuilder:
    """Collects the nodes of one page's ``@graph``; each snippet appears once, by ``@id``."""

    def __init__(self, page, request=None, context: dict | None = None):
        self.page = page
        self.request = request
        self.context = context or {}
        self.nodes: dict[str, dict] = {}
        self.page_url = page.get_full_url(request) or ""
        site = page.get_site()
        self.root_url = (site.root_url if site else "") or (
            request.build_absolute_uri("/") if request is not None else ""
        )
        self.site_name = (getattr(site, "site_name", "") or "") or getattr(
            settings, "WAGTAIL_SITE_NAME", ""
        )
        self.language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE

    def ref(self, node: dict | None) -> dict | None:
        return {"@id": node["@id"]} if node else None

    def add(self, node: dict) -> dict:
        self.nodes.setdefault(node["@id"], node)
        return node

    def _id(self, kind: str, pk) -> str:
        return f"{self.root_url.rstrip('/')}/#/schema/{kind}/{pk}"

    # snippets

    def organisation(self, org, with_logo: bool = True) -> dict | None:
        if org is None:
            return None
        node_id = self._id("organisation", org.pk)
        if node_id in self.nodes:
            return self.nodes[node_id]
        kind = getattr(org, "kind", "")
        node = {
            "@type": "GovernmentOrganization" if kind == "public_body" else "Organization",
            "@id": node_id,
            "name": org.name,
            "alternateName": org.short_name,
            "department": (
                {"@type": "Organization", "name": org.unit} if getattr(org, "unit", "") else None
            ),
            "url": org.website,
            "email": org.email,
            "telephone": org.phone,
            "faxNumber": org.fax,
            "address": _address(org),
            "areaServed": org.municipality,
            "logo": _rendition_url(org.logo, LOGO_FILTER, self.root_url)
            if with_logo and org.logo_id
            else None,
        }
        return self.add(_compact(node))

    def person(self, person, with_photo: bool = False) -> dict | None:
        if person is None:
            return None
        node_id = self._id("person", person.pk)
        if node_id in self.nodes:
            return self.nodes[node_id]
        works_for = self.organisation(person.organisation, with_logo=False)
        node = {
            "@type": "Person",
            "@id": node_id,
            "name": " ".join(p for p in (person.first_name, person.last_name) if p),
            "givenName": person.first_name,
            "familyName": person.last_name,
            "honorificPrefix": person.academic_title,
            "jobTitle": person.position,
            "worksFor": self.ref(works_for),
            "email": person.email,
            "telephone": person.phone,
            "faxNumber": person.fax,
            "address": _address(person),
            "image": _rendition_url(person.photo, PHOTO_FILTER, self.root_url)
            if with_photo and person.photo_id
            else None,
        }
        return self.add(_compact(node))

    def event(self, event) -> dict | None:
        if event is None:
            return None
        node_id = self._id("event", event.pk)
        if node_id in self.nodes:
            return self.nodes[node_id]
        end = event_end(event)
        place = None
        if event.venue or _address(event):
            place = _compact(
                {"@type": "Place", "name": event.venue or event.city, "address": _address(event)}
            )
        node = {
            "@type": "Event",
            "@id": node_id,
            "name": event.title,
            "description": plain_text(event.description, paragraphs=True),
            "about": {"@type": "Thing", "name": event.topic} if event.topic else None,
            "startDate": event_start(event).isoformat(),
            "endDate": end.isoformat() if end else None,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": place,
            "organizer": self.ref(self.organisation(event.organiser, with_logo=False)),
            "performer": self.ref(self.person(event.lecturer)),
            "url": self.page_url,
            "inLanguage": self.language,
            "offers": (
                {"@type": "Offer", "url": event.registration_url}
                if event.registration_url
                else None
            ),
        }
        return self.add(_compact(node))

    def events(self, stream) -> list[dict]:
        if not isinstance(stream, StreamValue):
            return []
        return [
            self.event(block.value)
            for block in stream
            if block.block_type == "event" and block.value is not None
        ]

    # page

    def website(self) -> dict:
        return self.add(
            _compact(
                {
                    "@type": "WebSite",
                    "@id": f"{self.root_url.rstrip('/')}/#website",
                    "url": self.root_url,
                    "name": self.site_name,
                }
            )
        )

    def webpage(self, page_type: str = "WebPage", **extra) -> dict:
        page = self.page
        node = {
            "@type": page_type,
            "@id": f"{self.page_url}#webpage",
            "url": self.page_url,
            "name": page.seo_title or page.title,
            "description": page_description(page, paragraphs=True),
            "inLanguage": self.language,
            "isPartOf": self.ref(self.website()),
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
            **extra,
        }
        return self.add(_compact(node))

    def build(self) -> list[dict]:
        page = self.page
        handler = None
        for klass in type(page).__mro__:  # the abstract bases cover hosts' variants too
            handler = getattr(self, f"page_{klass.__name__.lower()}", None)
            if handler is not None:
                break
        (handler or self.page_default)()
        return list(self.nodes.values())

    def page_default(self) -> None:
        events = self.events(getattr(self.page, "events", None))
        self.webpage(mentions=[self.ref(e) for e in events])

    def _collection(self) -> None:
        self.webpage("CollectionPage")

    page_abstractpressreleaseindexpage = _collection
    page_abstractprojectindexpage = _collection
    page_abstractdirectorypage = _collection

    def page_abstractpressreleasepage(self) -> None:
        page = self.page
        publisher = self.organisation(page.publisher)
        if publisher is None and self.site_name:
            publisher = self.add(
                {
                    "@type": "Organization",
                    "@id": f"{self.root_url.rstrip('/')}/#publisher",
                    "name": self.site_name,
                    "url": self.root_url,
                }
            )
        contact = self.person(page.press_contact)
        events = self.events(page.events)
        webpage = self.webpage()
        images = [
            url
            for url in (
                _rendition_url(block.value["image"], IMAGE_FILTER, self.root_url)
                for block in page.media
                if block.block_type == "image" and block.value["image"] is not None
            )
            if url
        ]
        article = {
            "@type": "NewsArticle",
            "@id": f"{self.page_url}#article",
            "headline": page.title,
            "alternativeHeadline": page.subheadline,
            "description": page_description(page, paragraphs=True),
            "datePublished": page.release_date.isoformat() if page.release_date else None,
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
            "publisher": self.ref(publisher),
            "author": self.ref(publisher),
            "accountablePerson": self.ref(contact),
            "image": images,
            "inLanguage": self.language,
            "mainEntityOfPage": self.ref(webpage),
            "locationCreated": {"@type": "Place", "name": page.dateline} if page.dateline else None,
            "mentions": [self.ref(e) for e in events],
            "url": self.page_url,
        }
        self.add(_compact(article))

    def page_abstractorganisationprofilepage(self) -> None:
        page = self.page
        org = self.organisation(page.organisation)
        if org is not None:
            hours = opening_hours(page.office_hours)
            if hours:
                org["openingHoursSpecification"] = hours
            if page.tagline:
                org.setdefault("slogan", page.tagline)
            operator = self.organisation(page.operator, with_logo=False)
            if operator is not None:
                org["parentOrganization"] = self.ref(operator)
        self.webpage("AboutPage", mainEntity=self.ref(org))

    def page_abstractnetworkpage(self) -> None:
        page = self.page
        memberships = self.context.get("memberships")
        if memberships is None:
            memberships = list(page.memberships.select_related("organisation"))
        members = [self.organisation(m.organisation, with_logo=False) for m in memberships]
        network = {
            "@type": "Organization",
            "@id": f"{self.page_url}#network",
            "name": page.title,
            "description": plain_text(page.introduction, 500, paragraphs=True),
            "foundingDate": str(page.founded_year) if page.founded_year else None,
            "areaServed": page.region,
            "url": page.more_info_url or self.page_url,
            "member": [self.ref(m) for m in members if m],
        }
        network = self.add(_compact(network))
        self.webpage(mainEntity=self.ref(network))

    def page_abstractpartnerlistingpage(self) -> None:
        partners = self.context.get("partners")
        if partners is None:
            partners = list(self.page.partners.select_related("organisation"))
        items = [self.organisation(p.organisation, with_logo=False) for p in partners]
        events = self.events(self.page.events)
        item_list = {
            "@type": "ItemList",
            "@id": f"{self.page_url}#partners",
            "numberOfItems": len(items),
            "itemListElement": [
                {"@type": "ListItem", "position": i, "item": self.ref(item)}
                for i, item in enumerate(items, start=1)
            ],
        }
        self.add(item_list)
        self.webpage(
            "CollectionPage",
            mainEntity=self.ref(item_list),
            mentions=[self.ref(e) for e in events],
        )

    def page_abstractspeakerteampage(self) -> None:
        people = [
            self.person(block.value["person"])
            for block in self.page.members
            if block.block_type == "member" and block.value["person"] is not None
        ]
        item_list = {
            "@type": "ItemList",
            "@id": f"{self.page_url}#members",
            "itemListElement": [
                {"@type": "ListItem", "position": i, "item": self.ref(person)}
                for i, person in enumerate(people, start=1)
            ],
        }
        self.add(item_list)
        self.webpage(mainEntity=self.ref(item_list))


def opening_hours(stream) -> list[dict]:
    """OpeningHoursSpecification entries from an ``OfficeHoursBlock`` stream."""
    result = []
    for block in stream or []:
        if block.block_type != "hours" or not block.value.get("days"):
            continue
        value = block.value
        result.append(
            _compact(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": [SCHEMA_DAYS[d] for d in value["days"] if d in SCHEMA_DAYS],
                    "opens": value["opens"].strftime("%H:%M") if value.get("opens") else None,
                    "closes": value["closes"].strftime("%H:%M") if value.get("closes") else None,
                }
            )
        )
    return result


def page_description(page, limit: int = 300, paragraphs: bool = False) -> str:
    """search_description, else the lead, introduction or tagline, as plain text."""
    for name in ("search_description", "lead", "introduction", "tagline"):
        text = plain_text(
            getattr(page, name, None), limit, rich=name == "introduction", paragraphs=paragraphs
        )
        if text:
            return text
    return ""


def page_graph(page, request=None, context: dict | None = None) -> list[dict]:
    """The JSON-LD ``@graph`` nodes of ``page``."""
    return GraphBuilder(page, request, context).build()


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

    return _absolute(static(value), base)


def open_graph(page, request=None, translations=None) -> dict[str, Any]:
    """The values of the Open Graph and Twitter meta tags of ``page`` (not yet escaped)."""
    page_url = page.get_full_url(request) or ""
    site = page.get_site()
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
        data["image"] = _rendition_url(image, spec, base)
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
