"""A sitemap with ``hreflang`` alternates for every translated page.

Django's ``sitemap.xml`` template (used by ``wagtail.contrib.sitemaps``) renders each URL's
``alternates`` as ``<xhtml:link rel="alternate" hreflang>``; the package's pages add them in
``IntegrationPageMixin.get_sitemap_urls``. ``Sitemap`` below also lists the pages of every
language of the site (Wagtail's own lists the default language's tree only) and loads the
translations through the content layer's ``load_pages_now``: one query per sitemap page instead
of one per URL.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from ..content.loading import live_translations, load_pages_now
from ..visibility import visible

_CACHE_ATTRIBUTE = "_wagtail_integration_sitemap_alternates"


def _language_order() -> dict[str, int]:
    codes = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])]
    return {code.lower(): index for index, code in enumerate(codes)}


def _alternates_of(pages, request) -> list[dict]:
    """``[{"lang_code", "location"}]`` for live, public translations, plus ``x-default``."""
    order = _language_order()
    alternates = []
    for page in pages:
        location = page.get_full_url(request)
        if location:
            alternates.append({"lang_code": page.locale.language_code, "location": location})
    if len(alternates) < 2:  # a page in one language has no alternates
        return []
    alternates.sort(key=lambda item: order.get(item["lang_code"].lower(), len(order)))
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    for item in alternates:
        if item["lang_code"] == default:
            alternates.append({"lang_code": "x-default", "location": item["location"]})
            break
    return alternates


def prefetch_alternates(pages, request) -> None:
    """Load the translations of ``pages`` at once; ``sitemap_alternates`` reads them."""
    if request is None:
        return
    pages = [page for page in pages if getattr(page, "translation_key", None)]
    load_pages_now(pages, streams=(), related=False)
    cache = getattr(request, _CACHE_ATTRIBUTE, {})
    cache.update(
        {page.translation_key: _alternates_of(page._live_versions, request) for page in pages}
    )
    setattr(request, _CACHE_ATTRIBUTE, cache)


def sitemap_alternates(page, request=None) -> list[dict]:
    """The ``hreflang`` alternates of ``page``: its live, public translations and x-default."""
    key = getattr(page, "translation_key", None)
    if key is None:
        return []
    cache = getattr(request, _CACHE_ATTRIBUTE, None) if request is not None else None
    if cache is not None and key in cache:
        return cache[key]
    return _alternates_of(live_translations([key])[key], request)


class Sitemap(WagtailSitemap):
    """Wagtail's sitemap over every language of the site, with alternates fetched in bulk.

    ``path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}})`` with
    ``wagtail.contrib.sitemaps.views.sitemap``.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).only("path")
        in_trees = Q()
        for translated_root in roots:
            in_trees |= Q(path__startswith=translated_root.path)
        return (
            visible(Page.objects.filter(in_trees).live().public())
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        objects = list(self.paginator.page(page).object_list)
        prefetch_alternates(objects, self.request)
        urls, last_mods = [], set()
        for item in objects:
            for url_info in item.get_sitemap_urls(self.request):
                if not url_info.get("location"):  # not routable on this site
                    continue
                if "alternates" not in url_info:  # pages of other apps, e.g. the home page
                    url_info["alternates"] = sitemap_alternates(item, self.request)
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
