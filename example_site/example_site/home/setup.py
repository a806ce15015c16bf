"""Makes the default site's root page a HomePage and adds the privacy notice that the footer
links (``WAGTAIL_INTEGRATION["PRIVACY_URL"]``); used by the demo command."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, Site

from .models import ContentPage, HomePage

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


PRIVACY_SLUG = "datenschutz"
PRIVACY_TITLE = "Datenschutzerklärung"
# Demo text: a real site needs its own notice, written for its own processing.
PRIVACY_BODY = (
    "<p>Diese Erklärung ist ein Beispieltext der Beispielseite. Sie zeigt, wo eine Website "
    "ihre Besucherinnen und Besucher über den Umgang mit personenbezogenen Daten "
    "informiert, und ersetzt keine eigene, geprüfte Datenschutzerklärung.</p>"
    "<h2>Verantwortliche Stelle</h2>"
    "<p>Verantwortlich ist die im Impressum genannte Stelle. Dort stehen auch Anschrift und "
    "Kontaktdaten der oder des behördlichen Datenschutzbeauftragten.</p>"
    "<h2>Beim Aufruf der Seiten</h2>"
    "<p>Der Server speichert beim Aufruf einer Seite kurzzeitig technische Angaben wie die "
    "IP-Adresse, die aufgerufene Adresse und die Uhrzeit, um den Betrieb zu sichern und "
    "Angriffe abzuwehren. Cookies setzt die Seite nur für angemeldete Redakteurinnen und "
    "Redakteure.</p>"
    "<h2>Kontakt und Rückmeldungen</h2>"
    "<p>Wer per E-Mail oder über das Formular zur Barrierefreiheit schreibt, übermittelt "
    "die angegebenen Daten, damit die Anfrage beantwortet werden kann; sie werden danach "
    "gelöscht, sobald keine Aufbewahrungspflicht mehr besteht.</p>"
    "<h2>Ihre Rechte</h2>"
    "<p>Sie können Auskunft über Ihre gespeicherten Daten, ihre Berichtigung oder Löschung "
    "verlangen, der Verarbeitung widersprechen und sich bei der Aufsichtsbehörde für den "
    "Datenschutz beschweren.</p>"
)


def ensure_privacy_page(parent: Page) -> tuple[ContentPage, bool]:
    """``(privacy page, created)``: the child ``datenschutz`` of ``parent``, published."""
    existing = parent.get_children().filter(slug=PRIVACY_SLUG).first()
    if existing is not None:
        return existing.specific, False
    page = ContentPage(
        title=PRIVACY_TITLE, slug=PRIVACY_SLUG, body=PRIVACY_BODY, locale_id=parent.locale_id
    )
    Page.objects.get(pk=parent.pk).add_child(instance=page)
    page.save_revision().publish()
    return page, True
