"""Template tags of the package: ``{% load wagtail_integration_tags %}``."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django import template

from ..translation import default_translation, page_translations

register = template.Library()


@register.simple_tag(takes_context=True)
def get_page_translations(context, page=None):
    """The live language versions of ``page`` (default: the context's page), as loaded with it.

    ``{% get_page_translations page as translations %}``; each item has ``language_code``,
    ``name`` (the language's own name), ``url``, ``full_url``, ``is_current`` and ``is_bidi``.
    """
    page = page if page is not None else context.get("page")
    return page_translations(page, context.get("request"))


def is_listing_variant(page, request) -> bool:
    """A filtered, searched, lettered, paginated or archive view of ``page``: its address
    differs from the page's own (a query string or a route below it)."""
    if request is None or page is None or not hasattr(page, "get_url"):
        return False
    if any(value for value in request.GET.values()):
        return True
    own_path = urlsplit(page.get_url(request) or "").path
    return bool(own_path) and request.path != own_path


@register.inclusion_tag("wagtail_integration/includes/head_meta.html", takes_context=True)
def head_meta(context, page=None):
    """Canonical link, meta description (search description, else the lead …) and, on
    listing variants, ``noindex``: search engines index each page once, at its own address."""
    from ..outputs.structured_data import page_description

    page = page if page is not None else context.get("page")
    request = context.get("request")
    if not _is_page(page):
        return {"canonical": "", "description": "", "noindex": False}
    variant = is_listing_variant(page, request)
    # The view's path without its query: a search term is never repeated in the head.
    canonical = request.build_absolute_uri(request.path) if variant else page.get_full_url(request)
    return {
        "canonical": canonical or "",
        "description": page_description(page),
        "noindex": variant,
    }


@register.inclusion_tag("wagtail_integration/includes/hreflang_links.html", takes_context=True)
def hreflang_links(context, translations):
    """``<link rel="alternate" hreflang>`` for every live translation, plus ``x-default``.

    Nothing when the page exists in one language only. Listing variants (filter, search,
    letter, archive) have no translated twin at the same address: they name only themselves,
    since alternates pointing at the index would misname them (and they are ``noindex``).
    """
    request = context.get("request")
    if len(translations) > 1 and is_listing_variant(context.get("page"), request):
        current = [t for t in translations if t.is_current][:1]
        own = [
            {"language_code": t.language_code, "full_url": request.build_absolute_uri(request.path)}
            for t in current
        ]
        return {"translations": own, "default": None}
    if len(translations) < 2:
        return {"translations": [], "default": None}
    return {"translations": translations, "default": default_translation(translations)}


@register.inclusion_tag("wagtail_integration/includes/language_switcher.html")
def language_switcher(translations):
    """A ``<nav>`` listing the live translations, each in its own language."""
    return {"translations": translations if len(translations) > 1 else []}


def _is_page(page) -> bool:
    return page is not None and hasattr(page, "get_full_url") and hasattr(page, "locale_id")


@register.simple_tag(takes_context=True)
def structured_data(context, page=None):
    """One ``<script type="application/ld+json">`` with the page's schema.org ``@graph``.

    Reuses what the page's ``get_related_context`` loaded (members, partners).
    """
    from ..outputs.structured_data import json_ld_script, page_graph

    page = page if page is not None else context.get("page")
    if not _is_page(page):
        return ""
    related = {name: context.get(name) for name in ("memberships", "partners")}
    return json_ld_script(page_graph(page, context.get("request"), related))


@register.inclusion_tag("wagtail_integration/includes/open_graph.html", takes_context=True)
def open_graph_meta(context, page=None, translations=None):
    """Open Graph and Twitter card ``<meta>`` tags; the template escapes every value."""
    from ..outputs.structured_data import open_graph

    page = page if page is not None else context.get("page")
    if not _is_page(page):
        return {"og": None}
    request = context.get("request")
    og = open_graph(page, request, translations)
    if is_listing_variant(page, request):  # the view's own address, as its canonical link
        og["url"] = request.build_absolute_uri(request.path)
    return {"og": og}


def _site_root(context, page):
    from wagtail.models import Site

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site is not None else None


@register.inclusion_tag("wagtail_integration/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """The live ancestors from the site root (or its translation) down to ``page``.

    Nothing on the root itself or outside a site: a trail of one item says nothing.
    """
    page = page if page is not None else context.get("page")
    if not _is_page(page):
        return {"trail": [], "page": None}
    root = _site_root(context, page)
    if root is None or page.depth <= root.depth:
        return {"trail": [], "page": None}
    trail = list(page.get_ancestors().filter(depth__gte=root.depth).live().public())
    return {"trail": trail, "page": page, "request": context.get("request")}


@register.inclusion_tag("wagtail_integration/includes/back_link.html", takes_context=True)
def back_link(context, page=None):
    """A link back to the page's parent (a release to its press index, a project to its
    project index), unless the parent is the site root or not live."""
    page = page if page is not None else context.get("page")
    if not _is_page(page):
        return {"parent": None}
    parent = page.get_parent()
    root = _site_root(context, page)
    if parent is None or not parent.live or root is None or parent.depth <= root.depth:
        return {"parent": None}
    return {"parent": parent, "request": context.get("request")}


@register.inclusion_tag("wagtail_integration/includes/subpages.html", takes_context=True)
def subpages(context, page):
    """Links to the page's live, public child pages (a network to its speaker team)."""
    from wagtail.models import Page

    from ..content.loading import load_listing
    from ..visibility import visible

    if not isinstance(page, Page):
        return {"children": []}
    children = load_listing(visible(page.get_children().live().public()))
    return {"children": children, "request": context.get("request")}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", str(text).casefold())


@register.filter
def mentions(text, phrase) -> bool:
    """Whether ``text`` already names ``phrase``: every word of it, allowing German endings
    ("Kommunales Integrationszentrum" in "Leiterin des Kommunalen Integrationszentrums")."""
    words, wanted = _words(text or ""), _words(phrase or "")
    if not words or not wanted:
        return False

    def found(word: str) -> bool:
        stem = word[: max(3, len(word) - 2)]
        return any(candidate.startswith(stem) for candidate in words)

    return all(found(word) for word in wanted)
