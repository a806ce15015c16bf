"""Template tags of the public-duty pages: the package footer's links."""

from django import template
from wagtail.models import Site

from ..duties.footer import legal_pages, privacy_url

register = template.Library()


def _pages(context):
    request = context.get("request")
    page = context.get("page")
    language_code = None
    if page is not None and getattr(page, "locale_id", None):
        language_code = page.locale.language_code
    if language_code is None:
        from django.utils.translation import get_language

        language_code = get_language()
    site = Site.find_for_request(request) if request is not None else None
    return request, language_code, legal_pages(request, site, language_code)


@register.inclusion_tag("wagtail_integration/includes/footer_links.html", takes_context=True)
def legal_links(context):
    """Links to the site's accessibility statement, Impressum and privacy notice."""
    request, language_code, pages = _pages(context)
    return {
        "request": request,
        "statement": pages["accessibility_statement"],
        "impressum": pages["impressum"],
        "privacy_url": privacy_url(language_code, request),
    }


@register.inclusion_tag("wagtail_integration/includes/easy_read_links.html", takes_context=True)
def easy_read_links(context):
    """Header links to the Leichte Sprache text and the sign language video (BITV 2.0 § 4)."""
    request, _language_code, pages = _pages(context)
    return {"request": request, "easy_read": pages["easy_read"]}
