"""``{% current_alerts as alerts %}``: the alert banners of the current page (or site-wide ones
where the context has no page), and the note on the request that limits cache lifetimes."""

from django import template

from ..alerts.caching import note_change
from ..alerts.selection import banners, language_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def current_alerts(context):
    page = context.get("page")
    if page is not None and not getattr(page, "pk", None):
        page = None  # an unsaved page in a preview has no section
    request = context.get("request")
    locale = None if page is not None else language_locale(None)
    alerts, change = banners(page, locale)
    note_change(request, change)
    return alerts
