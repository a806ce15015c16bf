"""Conciliation bodies of the enforcement procedure (Durchsetzungsverfahren, § 16 BGG and
the Länder laws) that the accessibility statement can name.

Only bodies whose name and contact are stated with confidence are listed; a body whose
contact is not known here gives its name only, and the page's free fields add or replace
the contact. ``other``: the free fields alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

FEDERAL = "federal"
NORTH_RHINE_WESTPHALIA = "nw"
OTHER = "other"


@dataclass(frozen=True)
class ConciliationBody:
    name: str
    address: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""


BODIES: dict[str, ConciliationBody] = {
    FEDERAL: ConciliationBody(
        name=(
            "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz (BGG) bei dem "
            "Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen"
        ),
        address="Mauerstraße 53\n10117 Berlin",
        email="info@schlichtungsstelle-bgg.de",
        url="https://www.schlichtungsstelle-bgg.de",
    ),
    NORTH_RHINE_WESTPHALIA: ConciliationBody(
        name="Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen",
    ),
}

ENFORCEMENT_BODY_CHOICES = [
    (FEDERAL, _("Federal: Schlichtungsstelle BGG")),
    (NORTH_RHINE_WESTPHALIA, _("North Rhine-Westphalia: Ombudsstelle für barrierefreie IT")),
    (OTHER, _("another body (fill in the fields below)")),
]


def body_for(page) -> ConciliationBody:
    """The body named on ``page``: the listed one, with the page's filled fields replacing
    its values."""
    base = BODIES.get(page.enforcement_body, ConciliationBody(name=""))
    return ConciliationBody(
        name=page.enforcement_name or base.name,
        address=page.enforcement_address or base.address,
        email=page.enforcement_email or base.email,
        phone=page.enforcement_phone or base.phone,
        url=page.enforcement_url or base.url,
    )
