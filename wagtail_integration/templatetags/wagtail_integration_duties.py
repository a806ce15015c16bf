"""Template tags of the public-duty pages: the package footer's links."""

from django import template
from wagtail.models import Site

from ..duties.footer import legal_pages, privacy_url

register = template.Library()


@register.inclusion_tag("wagtail_integration/includes/footer_links.html", takes_context=True)
def legal_links(context):
    """Links to the site's accessibility statement, Impressum and privacy notice."""
    request = context.get("request")
    page = context.get("page")
    language_code = None
    if page is not None and getattr(page, "locale_id", None):
        language_code = page.locale.language_code
    if language_code is None:
        from django.utils.translation import get_language

        language_code = get_language()
    site = Site.find_for_request(request) if request is not None else None
    pages = legal_pages(request, site, language_code)
    return {
        "request": request,
        "statement": pages["accessibility_statement"],
        "impressum": pages["impressum"],
        "privacy_url": privacy_url(language_code),
    }
