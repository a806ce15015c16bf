"""The import's columns: header names (English codes or German labels) and one small
validator per column. A validator takes the cell's cleaned text and returns the field value,
or raises ``ValidationError`` with a message for the editor."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import Organisation, Topic
from ..models.snippets import phone_validator
from ..text import has_control_characters

COLUMNS = [
    "name",
    "unit",
    "short_name",
    "kind",
    "street",
    "postcode",
    "city",
    "municipality",
    "website",
    "email",
    "phone",
    "topics",
    "description",
]
REQUIRED_COLUMNS = ["name"]
# The German header of each column (what the export writes with German headers) and the
# other German spellings the import accepts; English codes keep working.
GERMAN_HEADERS = {
    "name": "Name",
    "unit": "Einheit",
    "short_name": "Kurzname",
    "kind": "Art",
    "street": "Straße",
    "postcode": "PLZ",
    "city": "Ort",
    "municipality": "Gemeinde",
    "website": "Website",
    "email": "E-Mail",
    "phone": "Telefon",
    "topics": "Themen",
    "description": "Beschreibung",
}
GERMAN_ALIASES = {
    "unit": ["Abteilung", "Organisationseinheit"],
    "short_name": ["Kurzbezeichnung", "Abkürzung"],
    "kind": ["Typ", "Organisationsart"],
    "street": ["Strasse", "Straße und Hausnummer", "Adresse", "Anschrift"],
    "postcode": ["Postleitzahl"],
    "city": ["Stadt", "Wohnort"],
    "municipality": ["Kommune", "Stadt/Gemeinde"],
    "website": ["Webseite", "Homepage", "Internet", "Internetseite", "URL"],
    "email": ["Email", "E-Mail-Adresse", "Mail"],
    "phone": ["Telefonnummer", "Tel.", "Tel"],
    "topics": ["Thema", "Schlagworte"],
    "description": ["Text", "Kurzbeschreibung"],
}
TOPIC_SEPARATORS = re.compile(r"[|;]")
MAX_DESCRIPTION_LENGTH = 10_000
# Contact columns that hold exactly one line (the model refuses line breaks in them, too).
SINGLE_LINE_COLUMNS = ("website", "email", "phone")


def header_key(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split()).casefold()


HEADER_LOOKUP = {
    header_key(name): column
    for column in COLUMNS
    for name in [column, GERMAN_HEADERS[column], *GERMAN_ALIASES.get(column, [])]
}


def column_of(header: str) -> str | None:
    """The column a header cell names (``"PLZ"``, ``"postcode"`` …), or None if unknown."""
    return HEADER_LOOKUP.get(header_key(header))


def kind_label(value: str, language: str) -> str:
    with translation.override(language):
        return str(Organisation.Kind(value).label)


@functools.cache
def kind_lookup() -> dict[str, str]:
    """Accepted spellings of each kind (value, German and English label), case-folded."""
    lookup = {}
    for value in Organisation.Kind.values:
        lookup[value.casefold()] = value
    for language in ("de", "en"):
        with translation.override(language):
            for value, label in Organisation.Kind.choices:
                lookup[str(label).casefold()] = value
    return lookup


def clean_cell(raw: str, column: str) -> str:
    """The cell's text; raises ValueError with a message for hostile content."""
    if "\x00" in raw:
        raise ValueError(
            _("contains a NUL character (zero byte); the file may be damaged. Remove it.")
        )
    value = raw.strip()
    if column != "description":
        value = " ".join(value.split())
    if has_control_characters(value):
        raise ValueError(_("contains control characters; remove them."))
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]  # neutralised on export: the apostrophe is not part of the value
    if value.startswith("="):
        raise ValueError(
            _(
                "starts with “=”, which spreadsheet programs run as a formula. Formulas are "
                "not imported: enter the text itself (or start it with an apostrophe)."
            )
        )
    return value


def text_to_rich_text(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r", "")) if p.strip()]
    return "".join(
        "<p>{}</p>".format("<br/>".join(html.escape(line) for line in paragraph.split("\n")))
        for paragraph in paragraphs
    )


def rich_text_to_text(value: str) -> str:
    value = re.sub(r"<br\s*/?>", "\n", value or "")
    value = re.sub(r"</(p|h[1-6]|li|ul|ol)>", "\n\n", value)
    value = re.sub(r"<[^>]+>", "", value)
    value = html.unescape(value)
    return "\n\n".join(
        "\n".join(line.strip() for line in paragraph.strip().split("\n"))
        for paragraph in re.split(r"\n\s*\n", value)
        if paragraph.strip()
    )


# --- One validator per column -------------------------------------------------------------


def too_long(length: int, maximum: int) -> ValidationError:
    return ValidationError(
        _("The text is %(length)s characters long; at most %(max)s are allowed.")
        % {"length": length, "max": maximum}
    )


def validate_topics(value: str) -> list[str]:
    """Topic names separated by ``|`` or ``;``, each once (ignoring case)."""
    max_length = Topic._meta.get_field("name").max_length
    topics: list[str] = []
    for name in TOPIC_SEPARATORS.split(value):
        name = name.strip()
        if not name:
            continue
        if len(name) > max_length:
            raise ValidationError(
                _("The topic “%(topic)s…” is longer than %(max)s characters.")
                % {"topic": name[:40], "max": max_length}
            )
        if name.casefold() not in {t.casefold() for t in topics}:
            topics.append(name)
    return topics


def validate_kind(value: str) -> str:
    """A kind by its code or its German or English label; empty: “other”."""
    if not value:
        return Organisation.Kind.OTHER
    kinds = kind_lookup()
    if value.casefold() in kinds:
        return kinds[value.casefold()]
    raise ValidationError(
        _("“%(value)s” is not a kind. Use one of: %(kinds)s.")
        % {
            "value": value[:80],
            "kinds": ", ".join(f"{label} ({value})" for value, label in Organisation.Kind.choices),
        }
    )


def validate_website(value: str) -> str:
    if not value:
        return value
    if "://" not in value and not value.lower().startswith(("javascript:", "data:")):
        value = f"https://{value}"
    if not value.lower().startswith(("http://", "https://")):
        raise ValidationError(_("Only web addresses starting with http:// or https://."))
    URLValidator(schemes=["http", "https"])(value)
    return validate_model_field("website", value)


def validate_email(value: str) -> str:
    if value:
        EmailValidator()(value)
    return validate_model_field("email", value)


def validate_phone(value: str) -> str:
    if value:
        phone_validator(value)
    return validate_model_field("phone", value)


def validate_description(value: str) -> str:
    if len(value) > MAX_DESCRIPTION_LENGTH:
        raise too_long(len(value), MAX_DESCRIPTION_LENGTH)
    return value


def validate_model_field(column: str, value: str) -> str:
    """The model field's own length limit and validators."""
    model_field = Organisation._meta.get_field(column)
    if model_field.max_length and len(value) > model_field.max_length:
        raise too_long(len(value), model_field.max_length)
    if value:
        model_field.run_validators(value)
    return value


def validate_kind_column(value: str) -> str:
    return validate_model_field("kind", validate_kind(value))


VALIDATORS: dict[str, Callable[[str], Any]] = {
    "topics": validate_topics,
    "kind": validate_kind_column,
    "website": validate_website,
    "email": validate_email,
    "phone": validate_phone,
    "description": validate_description,
}


def validate_column(column: str, value: str) -> Any:
    """The field value of ``column`` for the cell text ``value``; ``ValidationError`` if bad."""
    validator = VALIDATORS.get(column)
    if validator is not None:
        return validator(value)
    return validate_model_field(column, value)
