from django import template
from wagtail.models import Site

from wagtail_integration.outputs.structured_data import page_description
from wagtail_integration.visibility import visible

register = template.Library()


@register.inclusion_tag("home/includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The site root's live, public children with "show in menus" set, in tree order.

    On a translated page the root's translation in that language is used, so the menu
    stays in the page's language.
    """
    request = context.get("request")
    page = context.get("page")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"items": [], "current": None}
    root = site.root_page
    locale = getattr(page, "locale", None)
    if locale is not None and root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale) or root
    items = list(visible(root.get_children().live().public().in_menu()).specific())
    current = None
    if page is not None and getattr(page, "path", None):
        current = next((item for item in items if page.path.startswith(item.path)), None)
    return {"items": items, "current": current, "page": page}


@register.simple_tag
def card_text(page):
    """The short text of a card: the page's search description, else its lead."""
    return page_description(page)
