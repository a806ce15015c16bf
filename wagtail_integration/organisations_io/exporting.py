"""Export of a locale's organisations in the import format (CSV or XLSX)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import Organisation
from .columns import COLUMNS, GERMAN_HEADERS, kind_label, rich_text_to_text

EXPORT_TOPIC_SEPARATOR = " | "
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Values starting with + or - that spreadsheets cannot run: phone numbers and plain numbers.
HARMLESS_SIGNED = re.compile(r"^[+\-][0-9 ()/\-.,]*$")


def neutralise(value: str) -> str:
    """Prefix values a spreadsheet would run as a formula with an apostrophe (export)."""
    if value.startswith(FORMULA_START) and not HARMLESS_SIGNED.match(value):
        return "'" + value
    return value


def export_rows(queryset: Iterable[Organisation], german: bool = False) -> Iterable[list[str]]:
    """The header row, then one row per organisation; ``german``: German column headers and
    kinds by their German label (both read back by the import)."""
    yield [GERMAN_HEADERS[column] for column in COLUMNS] if german else list(COLUMNS)
    for organisation in queryset:
        row = []
        for column in COLUMNS:
            if column == "topics":
                value = EXPORT_TOPIC_SEPARATOR.join(t.name for t in organisation.topics.all())
            elif column == "description":
                value = rich_text_to_text(organisation.description)
            elif column == "kind" and german:
                value = kind_label(organisation.kind, "de")
            else:
                value = getattr(organisation, column) or ""
            row.append(neutralise(str(value)))
        yield row


def export_queryset(locale: Locale):
    return (
        Organisation.objects.filter(locale=locale)
        .prefetch_related("topics")
        .order_by("sort_key", "unit", "pk")
    )


def export_organisations(locale: Locale, filename: str, *, german: bool = False) -> bytes:
    """The locale's organisations in the import format; XLSX for ``*.xlsx``, else CSV.
    ``german``: German column headers (Name, Art, PLZ, Ort …) and kind labels."""
    rows = export_rows(export_queryset(locale).iterator(chunk_size=2000), german)
    if filename.lower().endswith(".xlsx"):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=_("Organisations")[:31])
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    # UTF-8 with BOM: Excel then shows umlauts correctly; semicolons as German Excel writes.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
