"""Fields and rules the snippets and page types share: postal address, phone and fax,
e-mail, line-break checks and the German sort key."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
# Snippets' descriptions and alerts: short texts, no lists or document links.
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "link"]

phone_validator = RegexValidator(
    r"^\+?[0-9 ()/\-]{3,40}$",
    _("Enter a phone number made of digits, spaces and + ( ) / - only."),
)
postcode_validator = RegexValidator(r"^[0-9A-Za-z \-]{3,10}$", _("Enter a valid postcode."))


def phone_field(verbose_name, **kwargs) -> models.CharField:
    """An optional phone or fax number: digits, spaces and ``+ ( ) / -``."""
    return models.CharField(
        verbose_name, max_length=40, blank=True, validators=[phone_validator], **kwargs
    )


def text_line(verbose_name, *, max_length=255, required=False, **kwargs) -> models.CharField:
    """A single line of text, optional unless ``required``."""
    return models.CharField(verbose_name, max_length=max_length, blank=not required, **kwargs)


def stream(block, verbose_name, **kwargs) -> StreamField:
    """An optional stream of ``block``'s items."""
    return StreamField(block, verbose_name=verbose_name, blank=True, **kwargs)


def optional_link(to, verbose_name, *, on_delete=models.SET_NULL, **kwargs) -> models.ForeignKey:
    """An optional reference to a snippet, image, document or page, without a reverse
    relation: deleting the target empties it (or, with ``on_delete=PROTECT``, is refused)."""
    kwargs.setdefault("related_name", "+")
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, blank=True, on_delete=on_delete, **kwargs
    )


def prose(verbose_name, *, features=None, **kwargs) -> RichTextField:
    """Optional rich text with the package's features (or the ``features`` given)."""
    features = features or RICH_TEXT_FEATURES
    return RichTextField(verbose_name, blank=True, features=features, **kwargs)


def synchronised(*names: str) -> list[SynchronizedField]:
    """Fields holding data, not prose: every translation keeps the source's value."""
    return [SynchronizedField(name) for name in names]


def findable(name: str, boost: float | None = None) -> list[index.BaseField]:
    """A field searched by its words and, as one types, by their beginnings."""
    return [index.SearchField(name, boost=boost), index.AutocompleteField(name)]


def reject_line_breaks(obj, field_names) -> None:
    """Refuse CR/LF in single-line contact fields (e-mail header and vCard injection).

    The phone validator's ``$`` also matches before a final line break, and not every way in
    (scripts, imports) strips values as admin forms do; checked in ``clean()``: no migration.
    """
    errors = {
        name: ValidationError(
            _("Line breaks are not allowed here; enter one value on one line."),
            code="line_break",
        )
        for name in field_names
        if any(char in (getattr(obj, name, "") or "") for char in "\r\n")
    }
    if errors:
        raise ValidationError(errors)


class AddressFields(models.Model):
    """Postal address; data, so synchronised between translations."""

    street = text_line(_("street and number"))
    postcode = text_line(_("postcode"), max_length=10, validators=[postcode_validator])
    city = text_line(_("city"))

    class Meta:
        abstract = True

    @property
    def address_lines(self) -> list[str]:
        line2 = " ".join(part for part in (self.postcode, self.city) if part)
        return [line for line in (self.street, line2) if line]


class PhoneFields(models.Model):
    """Phone and fax: digits, spaces and ``+ ( ) / -``."""

    phone = phone_field(_("phone"))
    fax = phone_field(_("fax"))

    class Meta:
        abstract = True


class ContactDetails(PhoneFields):
    """E-mail, phone and fax of an organisation or a person."""

    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        abstract = True


# The postal address, as on the letter box.
ADDRESS_SYNC_FIELDS = synchronised("street", "postcode", "city")
# Their editing panels; Wagtail binds a copy of each panel to every model that lists it.
ADDRESS_PANELS = [FieldPanel("street"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")])]
PHONE_PANEL = FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")])


def german_sort_key(text: str) -> str:
    """Key that sorts ``text`` like a German dictionary (DIN 5007-1), on any database.

    Case is ignored, umlauts sort with their base letter (Ä with A), ß as ss, accents are
    dropped; leading punctuation such as quotes is skipped. Stored in a column, so that
    plain byte-wise ``ORDER BY`` gives German order on SQLite and PostgreSQL alike.
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    key = "".join(char for char in folded if not unicodedata.combining(char))
    return key.lstrip(" \t\"'„“”‚‘’«»‹›()[]{}-–—.,;:!?*/").strip()[:255]


def sort_key_initial(key: str) -> str:
    """The A–Z jump-list letter of a sort key; "#" for digits and other scripts."""
    return key[:1] if key[:1].isascii() and key[:1].isalpha() else "#"
