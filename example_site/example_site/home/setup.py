"""Makes the default site's root page a HomePage (used by the demo command)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage

TITLE = "Integration im Kreis – Beispielseite"
INTRO = (
    "<p>Diese Beispielseite zeigt die Seitentypen von wagtail_integration mit Demo-Inhalten: "
    "ein Netzwerk und sein Sprecherteam, Projekte, Pressemitteilungen und Pressefotos, ein "
    "Partnernetzwerk, ein Verzeichnis der Organisationen und eine Integrationsagentur.</p>"
    "<p>Alle Inhalte sind Beispiele; Namen, Termine und Adressen dienen nur der "
    "Veranschaulichung.</p>"
)


def ensure_home_page() -> tuple[HomePage | None, bool]:
    """``(home page, converted)``; the root keeps its id, slug, children and translations.

    A root of Wagtail's plain ``Page`` type (the "Welcome to your new Wagtail site!"
    placeholder) becomes a HomePage in place; a HomePage is left alone; a root of any
    other type belongs to the host and is left alone too (``None``).
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None, False
    root = site.root_page
    if root.specific_class is HomePage:
        return root.specific, False
    if root.specific_class is not Page:
        return None, False
    with transaction.atomic():
        home = HomePage(page_ptr=root, intro=INTRO)
        for field in Page._meta.concrete_fields:
            setattr(home, field.attname, getattr(root, field.attname))
        home.title = home.draft_title = TITLE
        home.content_type = ContentType.objects.get_for_model(HomePage)
        # Only the HomePage row is new: raw skips re-saving the existing Page row.
        home.save_base(raw=True)
        Page.objects.filter(pk=root.pk).update(
            content_type=home.content_type, title=TITLE, draft_title=TITLE
        )
        home = HomePage.objects.get(pk=root.pk)
        home.save_revision().publish()
    return home, True
