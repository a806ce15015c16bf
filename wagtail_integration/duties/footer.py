"""The pages the package footer links (the site's accessibility statement and Impressum in
the current language, and the privacy notice from ``PRIVACY_URL``: a URL, or a page and its
translation in the current language) and the header links (the Leichte Sprache and sign
language page).

Three queries per request at most (the site root's translations, the pages, the view
restrictions), remembered on the request for further footers.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from wagtail.models import Page

from ..conf import integration_settings
from ..visibility import visible

FOOTER_PAGE_TYPES = ("accessibility_statement", "impressum", "easy_read")


def _models():
    from ..models import AccessibilityStatementPage, EasyReadPage, ImpressumPage

    return {
        "accessibility_statement": AccessibilityStatementPage,
        "impressum": ImpressumPage,
        "easy_read": EasyReadPage,
    }


def legal_pages(request, site, language_code: str | None) -> dict[str, Page | None]:
    """``{"accessibility_statement": …, "impressum": …, "easy_read": …}``: a page or None.

    The page in ``language_code`` under the site root's translation in that language; where
    there is none, the one in the site root's own language (a legal duty is better linked in
    another language than not at all). Only live pages without view restrictions count.
    """
    if site is None:
        return dict.fromkeys(FOOTER_PAGE_TYPES)
    memo = getattr(request, "_wagtail_integration_legal_pages", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._wagtail_integration_legal_pages = memo
    key = (site.pk, language_code)
    if key not in memo:
        memo[key] = _find(site, language_code)
    return memo[key]


def _find(site, language_code):
    models = _models()
    roots = list(
        Page.objects.filter(translation_key=site.root_page.translation_key)
        .select_related("locale")
        .only("path", "depth", "locale__language_code")
    )
    if not roots:
        return dict.fromkeys(FOOTER_PAGE_TYPES)
    under_roots = Q()
    for root in roots:
        under_roots |= Q(path__startswith=root.path, depth__gt=root.depth)
    private = Page.objects.private_q()  # one query: the view restrictions
    candidates = (
        # Expired pages (and aliases of them) are gone at once, as everywhere (visibility.py).
        visible(Page.objects.live())
        .exclude(private)
        # An alias shows its source's title: only where the source itself is public.
        .exclude(alias_of__live=False)
        .exclude(alias_of__in=Page.objects.filter(private))
        .filter(under_roots)
        .type(*models.values())
        .select_related("locale", "content_type")
        # The header links the sign language video only where there is one; no extra query.
        .annotate(
            has_sign_language_video=Exists(
                models["easy_read"].objects.filter(
                    pk=OuterRef("pk"), sign_language_video__isnull=False
                )
            )
        )
        .order_by("depth", "path")
    )
    root_language = next(
        (root.locale.language_code for root in roots if root.pk == site.root_page_id), None
    )
    found: dict[str, Page | None] = dict.fromkeys(FOOTER_PAGE_TYPES)
    fallback: dict[str, Page | None] = dict.fromkeys(FOOTER_PAGE_TYPES)
    for page in candidates:
        name = next(
            (
                name
                for name, model in models.items()
                if issubclass(page.content_type.model_class(), model)
            ),
            None,
        )
        if name is None:
            continue
        page_language = page.locale.language_code
        if page_language == language_code and found[name] is None:
            found[name] = page
        elif page_language == root_language and fallback[name] is None:
            fallback[name] = page
    return {name: found[name] or fallback[name] for name in FOOTER_PAGE_TYPES}


def privacy_url(language_code: str | None, request=None) -> str | None:
    """The privacy notice of ``PRIVACY_URL``: a URL or path as it is, the URL of a language
    (dict), or the live public page of that id, in ``language_code`` where translated."""
    value = integration_settings.PRIVACY_URL
    if isinstance(value, dict):
        value = value.get(language_code or "") or value.get("") or None
    if isinstance(value, bool):  # a bool is an int: refuse it rather than link page 1
        return None
    if isinstance(value, int):
        return _privacy_page_url(value, language_code, request)
    return value or None


def _privacy_page_url(page_id: int, language_code: str | None, request) -> str | None:
    pages = list(
        visible(Page.objects.live().public())
        .filter(translation_key__in=Page.objects.filter(pk=page_id).values("translation_key"))
        .select_related("locale")
    )
    chosen = next((p for p in pages if p.locale.language_code == language_code), None)
    chosen = chosen or next((p for p in pages if p.pk == page_id), None)
    return chosen.get_url(request) if chosen else None
