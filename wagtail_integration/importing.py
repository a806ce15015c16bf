"""Import and export of organisations as spreadsheets (CSV or XLSX).

One module for both ways in: the management commands ``wagtail_integration_import_organisations``
and ``wagtail_integration_export_organisations`` and the admin views in ``admin_views.py``.

Import is all or nothing: :func:`plan_import` reads and validates the whole file without
writing; :func:`apply_import` writes a plan without errors in one transaction. Every error
names its line (line 1 is the header row, as in a spreadsheet program) and column.

Format (docs/directory.md): a header row, then one organisation per row. Columns, in any
order: ``name`` (required), ``unit``, ``short_name``, ``kind``, ``street``, ``postcode``,
``city``, ``municipality``, ``website``, ``email``, ``phone``, ``topics``, ``description``.
A column left out of the file leaves that field unchanged; an unknown column is an error.
CSV in UTF-8 (with or without BOM) or Windows-1252, separated by commas or semicolons
(detected from the header row); XLSX: the first worksheet. Organisations are matched on
name and unit within the locale, so importing the same file twice creates no duplicates.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import connection, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .import_lock import lock_and_recheck
from .models import Organisation, Topic
from .models.snippets import phone_validator

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
# Plain text fields written as they are (after validation).
TEXT_FIELDS = ["name", "unit", "short_name", "street", "postcode", "city", "municipality"]
TOPIC_SEPARATORS = re.compile(r"[|;]")
EXPORT_TOPIC_SEPARATOR = " | "
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
MAX_DESCRIPTION_LENGTH = 10_000
MAX_ERRORS = 500
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Values starting with + or - that spreadsheets cannot run: phone numbers and plain numbers.
HARMLESS_SIGNED = re.compile(r"^[+\-][0-9 ()/\-.,]*$")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
EXTENSIONS = (".csv", ".xlsx")
# Contact columns that hold exactly one line (the model refuses line breaks in them, too).
SINGLE_LINE_COLUMNS = ("website", "email", "phone")


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, encoding, size)."""


@dataclass
class RowError:
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("Line %(line)s, column “%(column)s”: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class PlannedRow:
    line: int
    values: dict[str, Any]
    topics: list[str] | None  # None: no topics column
    organisation: Organisation | None  # the existing organisation to update, or None
    changes: list[str] = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.organisation is None:
            return "create"
        return "update" if self.changes else "unchanged"


@dataclass
class ImportPlan:
    locale: Locale
    columns: list[str] = field(default_factory=list)
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    new_topics: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    def add_error(self, line: int, column: str | None, message: str) -> None:
        self.errors.append(RowError(line, column, message))


# --- Reading files ------------------------------------------------------------------------


def read_table(data: bytes, filename: str) -> list[tuple[int, list[str]]]:
    """All rows of the file as (line number, cells); line 1 is the header row."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            _("The file is larger than %(size)s MB; split it into smaller files.")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    lower = filename.lower()
    if lower.endswith(".xlsx") or data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    if lower.endswith((".xls", ".ods", ".numbers")):
        raise ImportFileError(_("Save the spreadsheet as CSV or as an Excel workbook (.xlsx)."))
    return _read_csv(data)


def decode_csv(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            _(
                "The file is saved as UTF-16 (“Unicode text”). Save it as “CSV UTF-8” or as "
                "an Excel workbook (.xlsx)."
            )
        )
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _("The file is neither UTF-8 nor Windows-1252 text. Save it as “CSV UTF-8”.")
        ) from exc


def _read_csv(data: bytes) -> list[tuple[int, list[str]]]:
    try:
        text = decode_csv(data)
    except UnicodeDecodeError as exc:  # a BOM followed by bytes that are not UTF-8
        raise ImportFileError(_("The file is not valid UTF-8 text.")) from exc
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for line, cells in enumerate(reader, start=1):
            if line > MAX_ROWS + 1:
                raise ImportFileError(
                    _("The file has more than %(rows)s rows; split it.") % {"rows": MAX_ROWS}
                )
            rows.append((line, cells))
    except csv.Error as exc:
        raise ImportFileError(
            _("Line %(line)s cannot be read as CSV: %(error)s")
            % {"line": reader.line_num, "error": exc}
        ) from exc
    return rows


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _read_xlsx(data: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of errors on damaged files
        raise ImportFileError(
            _("The file cannot be opened as an Excel workbook (.xlsx): %(error)s") % {"error": exc}
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if line > MAX_ROWS + 1:
                raise ImportFileError(
                    _("The file has more than %(rows)s rows; split it.") % {"rows": MAX_ROWS}
                )
            cells = [_cell_text(value) for value in values]
            while cells and cells[-1] == "":
                cells.pop()
            rows.append((line, cells))
        return rows
    finally:
        workbook.close()


# --- Validating ---------------------------------------------------------------------------


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


def identity(name: str, unit: str) -> tuple[str, str]:
    return (" ".join(name.split()).casefold(), " ".join(unit.split()).casefold())


def clean_cell(raw: str, column: str) -> str:
    """The cell's text; raises ValueError with a message for hostile content."""
    if "\x00" in raw:
        raise ValueError(
            _("contains a NUL character (zero byte); the file may be damaged. Remove it.")
        )
    value = raw.strip()
    if column != "description":
        value = " ".join(value.split())
    if CONTROL_CHARACTERS.search(value):
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


def clean_values(cells: dict[str, str], line: int, plan: ImportPlan, kinds: dict[str, str]):
    """Validated field values of one row; errors go to ``plan``."""
    values: dict[str, Any] = {}
    topics: list[str] | None = None
    url_validator = URLValidator(schemes=["http", "https"])
    for column, raw in cells.items():
        if column in SINGLE_LINE_COLUMNS and ("\n" in raw or "\r" in raw):
            # Not joined into one line as names are: a second line here is a second value.
            plan.add_error(line, column, _("contains a line break; enter one value on one line."))
            continue
        try:
            value = clean_cell(raw, column)
        except ValueError as exc:
            plan.add_error(line, column, str(exc))
            continue
        try:
            if column == "topics":
                topics = []
                for name in TOPIC_SEPARATORS.split(value):
                    name = name.strip()
                    if not name:
                        continue
                    if len(name) > Topic._meta.get_field("name").max_length:
                        raise ValidationError(
                            _("The topic “%(topic)s…” is longer than %(max)s characters.")
                            % {"topic": name[:40], "max": Topic._meta.get_field("name").max_length}
                        )
                    if name.casefold() not in {t.casefold() for t in topics}:
                        topics.append(name)
                continue
            if column == "kind":
                if not value:
                    value = Organisation.Kind.OTHER
                elif value.casefold() in kinds:
                    value = kinds[value.casefold()]
                else:
                    raise ValidationError(
                        _("“%(value)s” is not a kind. Use one of: %(kinds)s.")
                        % {"value": value[:80], "kinds": ", ".join(Organisation.Kind.values)}
                    )
            elif column == "website" and value:
                if "://" not in value and not value.lower().startswith(("javascript:", "data:")):
                    value = f"https://{value}"
                if not value.lower().startswith(("http://", "https://")):
                    raise ValidationError(
                        _("Only web addresses starting with http:// or https://.")
                    )
                url_validator(value)
            elif column == "email" and value:
                EmailValidator()(value)
            elif column == "phone" and value:
                phone_validator(value)
            elif column == "description":
                if len(value) > MAX_DESCRIPTION_LENGTH:
                    raise ValidationError(
                        _("The text is %(length)s characters long; at most %(max)s are allowed.")
                        % {"length": len(value), "max": MAX_DESCRIPTION_LENGTH}
                    )
            if column != "description":
                model_field = Organisation._meta.get_field(column)
                if model_field.max_length and len(value) > model_field.max_length:
                    raise ValidationError(
                        _("The text is %(length)s characters long; at most %(max)s are allowed.")
                        % {"length": len(value), "max": model_field.max_length}
                    )
                if value:
                    model_field.run_validators(value)
        except ValidationError as exc:
            plan.add_error(line, column, " ".join(str(m) for m in exc.messages))
            continue
        values[column] = value
    if (
        "name" in cells
        and not values.get("name")
        and not any(error.line == line and error.column == "name" for error in plan.errors)
    ):
        plan.add_error(line, "name", _("A name is required."))
    return values, topics


def plan_import(data: bytes, filename: str, locale: Locale) -> ImportPlan:
    """Read and validate the file; nothing is written. ``ImportFileError`` for unreadable files."""
    plan = ImportPlan(locale=locale)
    table = read_table(data, filename)
    if not table or not any(cell.strip() for cell in table[0][1]):
        raise ImportFileError(_("The file is empty: line 1 must name the columns."))
    header = [cell.strip().lstrip("\ufeff").strip().lower() for cell in table[0][1]]
    while header and header[-1] == "":
        header.pop()
    for column in header:
        if column not in COLUMNS:
            plan.add_error(
                1,
                column or "?",
                _("Unknown column. The columns are: %(columns)s.")
                % {"columns": ", ".join(COLUMNS)},
            )
    for column in {c for c in header if header.count(c) > 1}:
        plan.add_error(1, column, _("The column appears twice."))
    for column in REQUIRED_COLUMNS:
        if column not in header:
            plan.add_error(1, column, _("The column is missing; it is required."))
    if plan.errors:
        return plan
    plan.columns = header

    kinds = kind_lookup()
    existing: dict[tuple[str, str], list[Organisation]] = {}
    for organisation in Organisation.objects.filter(locale=locale).prefetch_related("topics"):
        existing.setdefault(identity(organisation.name, organisation.unit), []).append(organisation)
    topic_names = {
        topic.name.casefold(): topic.name for topic in Topic.objects.filter(locale=locale)
    }
    seen: dict[tuple[str, str], int] = {}
    new_topics: dict[str, str] = {}
    for line, cells in table[1:]:
        if len(plan.errors) >= MAX_ERRORS:
            plan.add_error(line, None, _("Too many errors; the rest of the file was not checked."))
            break
        if not any(cell.strip() for cell in cells):
            continue  # blank rows are skipped
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            plan.add_error(
                line,
                None,
                _("The row has %(cells)s cells but the header names %(columns)s columns.")
                % {"cells": len(cells), "columns": len(header)},
            )
            continue
        row_cells = {
            column: (cells[i] if i < len(cells) else "") for i, column in enumerate(header)
        }
        errors_before = len(plan.errors)
        values, topics = clean_values(row_cells, line, plan, kinds)
        if len(plan.errors) > errors_before:
            continue
        key = identity(values["name"], values.get("unit", ""))
        if key in seen:
            plan.add_error(
                line,
                "name",
                _("“%(name)s” is already in line %(line)s; each organisation only once.")
                % {"name": values["name"], "line": seen[key]},
            )
            continue
        seen[key] = line
        matches = existing.get(key, [])
        if len(matches) > 1:
            plan.add_error(
                line,
                "name",
                _(
                    "%(count)s organisations called “%(name)s” exist already; rename them "
                    "in the admin (or give them units) so that the row names one of them."
                )
                % {"count": len(matches), "name": values["name"]},
            )
            continue
        organisation = matches[0] if matches else None
        row = PlannedRow(line=line, values=values, topics=topics, organisation=organisation)
        if organisation is not None:
            row.changes = changed_fields(organisation, values, topics)
        for topic in topics or []:
            if topic.casefold() not in topic_names:
                new_topics.setdefault(topic.casefold(), topic)
        plan.rows.append(row)
    plan.new_topics = sorted(new_topics.values(), key=str.casefold)
    return plan


def field_value(values: dict[str, Any], column: str) -> Any:
    if column == "description":
        return text_to_rich_text(values[column])
    return values[column]


def changed_fields(organisation: Organisation, values: dict[str, Any], topics) -> list[str]:
    changes = []
    for column, value in values.items():
        current = getattr(organisation, column)
        if column == "description":
            if rich_text_to_text(current) != rich_text_to_text(text_to_rich_text(value)):
                changes.append(column)
        elif (current or "") != value:
            changes.append(column)
    if topics is not None:
        current_topics = sorted(t.name.casefold() for t in organisation.topics.all())
        if current_topics != sorted(t.casefold() for t in topics):
            changes.append("topics")
    return changes


# --- Writing ------------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    topics_created: int = 0


def apply_import(plan: ImportPlan) -> ImportResult:
    """Write a plan without errors, all rows in one transaction."""
    if not plan.ok:
        raise ValueError("The import plan has errors; nothing is written.")
    result = ImportResult()
    with transaction.atomic():
        # Overlapping imports: one at a time, conflicts refused (import_lock.py).
        lock_and_recheck(plan)
        topics = {
            topic.name.casefold(): topic for topic in Topic.objects.filter(locale=plan.locale)
        }
        for name in plan.new_topics:
            topics[name.casefold()] = Topic.objects.create(locale=plan.locale, name=name)
            result.topics_created += 1
        for row in plan.rows:
            if row.action == "unchanged":
                result.unchanged += 1
                continue
            organisation = row.organisation or Organisation(locale=plan.locale)
            for column in row.values:
                if organisation.pk is None or column in row.changes:
                    setattr(organisation, column, field_value(row.values, column))
            organisation.full_clean(validate_unique=False, validate_constraints=False)
            if row.topics is not None:
                organisation.topics = [topics[name.casefold()] for name in row.topics]
            organisation.save()
            if row.organisation is None:
                result.created += 1
            else:
                result.updated += 1
    if result.created or result.updated:
        refresh_statistics()
    return result


def refresh_statistics() -> None:
    """Let the query planner see the new table sizes after a bulk write.

    Without statistics SQLite joins its full-text table the slow way round (a search over
    20,000 organisations takes a second instead of milliseconds); ``ANALYZE`` fixes the plan.
    PostgreSQL's autovacuum would get there later; running it now helps the next request.
    """
    tables = [
        Organisation._meta.db_table,
        Organisation.topics.through._meta.db_table,
        *[t for t in connection.introspection.table_names() if t.startswith("wagtailsearch_")],
    ]
    if connection.vendor not in ("sqlite", "postgresql"):
        return
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "sqlite" and table.endswith(
                ("_fts", "_data", "_idx", "_content", "_docsize", "_config")
            ):
                continue
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")  # noqa: S608


# --- Export -------------------------------------------------------------------------------


def neutralise(value: str) -> str:
    """Prefix values a spreadsheet would run as a formula with an apostrophe (export)."""
    if value.startswith(FORMULA_START) and not HARMLESS_SIGNED.match(value):
        return "'" + value
    return value


def export_rows(queryset: Iterable[Organisation]) -> Iterable[list[str]]:
    yield list(COLUMNS)
    for organisation in queryset:
        row = []
        for column in COLUMNS:
            if column == "topics":
                value = EXPORT_TOPIC_SEPARATOR.join(t.name for t in organisation.topics.all())
            elif column == "description":
                value = rich_text_to_text(organisation.description)
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


def export_organisations(locale: Locale, filename: str) -> bytes:
    """The locale's organisations in the import format; XLSX for ``*.xlsx``, else CSV."""
    rows = export_rows(export_queryset(locale).iterator(chunk_size=2000))
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
