"""Template tags of the package: ``{% load wagtail_integration_tags %}``."""

from __future__ import annotations

from django import template

from ..translation import default_translation, page_translations

register = template.Library()


@register.simple_tag(takes_context=True)
def get_page_translations(context, page=None):
    """The live language versions of ``page`` (default: the context's page), in one query.

    ``{% get_page_translations page as translations %}``; each item has ``language_code``,
    ``name`` (the language's own name), ``url``, ``full_url``, ``is_current`` and ``is_bidi``.
    """
    page = page if page is not None else context.get("page")
    return page_translations(page, context.get("request"))


@register.inclusion_tag("wagtail_integration/includes/hreflang_links.html")
def hreflang_links(translations):
    """``<link rel="alternate" hreflang>`` for every live translation, plus ``x-default``.

    Nothing when the page exists in one language only.
    """
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
    return {"og": open_graph(page, context.get("request"), translations)}
