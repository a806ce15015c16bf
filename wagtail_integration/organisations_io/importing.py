"""Import and export of organisations as spreadsheets (CSV or XLSX).

Shared by the management command ``wagtail_integration_import_organisations`` and the admin
view in ``admin_views.py``; reading files is in ``reading.py``, the columns' validators in
``columns.py``, the export in ``exporting.py``.

Import is all or nothing: :func:`plan_import` reads and validates the whole file without
writing; :func:`apply_import` writes a plan without errors in one transaction. Every error
names its line (line 1 is the header row, as in a spreadsheet program) and column.

Format (docs/directory.md): a header row, then one organisation per row. Columns, in any
order, named in English or German (``PLZ``, ``Ort``, ``Straße`` …): ``name`` (required),
``unit``, ``short_name``, ``kind``, ``street``, ``postcode``, ``city``, ``municipality``,
 ``website``, ``email``, ``phone``, ``topics``, ``description``.
A column left out of the file leaves that field unchanged; an unknown column is an error.
CSV in UTF-8 (with or without BOM) or Windows-1252, separated by commas or semicolons
(detected from the header row); XLSX: the first worksheet. Organisations are matched on
name and unit within the locale, so importing the same file twice creates no duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import Organisation, Topic
from .columns import (
    COLUMNS,
    GERMAN_HEADERS,
    REQUIRED_COLUMNS,
    SINGLE_LINE_COLUMNS,
    clean_cell,
    column_of,
    validate_column,
)
from .import_lock import lock_and_recheck
from .reading import ImportFileError, read_table
from .rows import RowError, changed_fields, field_value, identity

MAX_ERRORS = 500


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


# --- Validating ---------------------------------------------------------------------------


def clean_values(cells: dict[str, str], line: int, plan: ImportPlan):
    """Validated field values of one row (each cell through its column's validator); errors
    go to ``plan``. Returns the values and the topic names (None: no topics column)."""
    values: dict[str, Any] = {}
    topics: list[str] | None = None
    for column, raw in cells.items():
        if column in SINGLE_LINE_COLUMNS and ("\n" in raw or "\r" in raw):
            # Not joined into one line as names are: a second line here is a second value.
            plan.add_error(line, column, _("contains a line break; enter one value on one line."))
            continue
        try:
            value = validate_column(column, clean_cell(raw, column))
        except ValueError as exc:
            plan.add_error(line, column, str(exc))
            continue
        except ValidationError as exc:
            plan.add_error(line, column, " ".join(str(m) for m in exc.messages))
            continue
        if column == "topics":
            topics = value
        else:
            values[column] = value
    if (
        "name" in cells
        and not values.get("name")
        and not any(error.line == line and error.column == "name" for error in plan.errors)
    ):
        plan.add_error(line, "name", _("A name is required."))
    return values, topics


def read_header(cells: list[str], plan: ImportPlan) -> list[str]:
    """The columns the header row names, in its order; errors for unknown, doubled or missing
    columns go to ``plan``."""
    header = [cell.strip() for cell in cells]
    while header and header[-1] == "":
        header.pop()
    columns = []
    for cell in header:
        column = column_of(cell)
        if column is None:
            plan.add_error(
                1,
                cell or "?",
                _("Unknown column. The columns are: %(columns)s.")
                % {"columns": ", ".join(f"{GERMAN_HEADERS[c]} ({c})" for c in COLUMNS)},
            )
        columns.append(column or cell)
    for column in {c for c in columns if columns.count(c) > 1}:
        plan.add_error(1, column, _("The column appears twice."))
    for column in REQUIRED_COLUMNS:
        if column not in columns:
            plan.add_error(1, column, _("The column is missing; it is required."))
    return columns


class RowPlanner:
    """Turns validated rows into planned creates and updates, matching existing
    organisations of the locale by name and unit, and collects topics still to create."""

    def __init__(self, plan: ImportPlan):
        self.plan = plan
        self.existing: dict[tuple[str, str], list[Organisation]] = {}
        organisations = Organisation.objects.filter(locale=plan.locale).prefetch_related("topics")
        for organisation in organisations:
            key = identity(organisation.name, organisation.unit)
            self.existing.setdefault(key, []).append(organisation)
        self.topic_names = {t.name.casefold() for t in Topic.objects.filter(locale=plan.locale)}
        self.seen: dict[tuple[str, str], int] = {}
        self.new_topics: dict[str, str] = {}

    def row_cells(self, line: int, cells: list[str]) -> dict[str, str] | None:
        header = self.plan.columns
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            self.plan.add_error(
                line,
                None,
                _("The row has %(cells)s cells but the header names %(columns)s columns.")
                % {"cells": len(cells), "columns": len(header)},
            )
            return None
        return {column: (cells[i] if i < len(cells) else "") for i, column in enumerate(header)}

    def match(self, line: int, values: dict[str, Any]) -> tuple[bool, Organisation | None]:
        """(usable, existing organisation): a row named twice or ambiguously is an error."""
        key = identity(values["name"], values.get("unit", ""))
        if key in self.seen:
            self.plan.add_error(
                line,
                "name",
                _("“%(name)s” is already in line %(line)s; each organisation only once.")
                % {"name": values["name"], "line": self.seen[key]},
            )
            return False, None
        self.seen[key] = line
        matches = self.existing.get(key, [])
        if len(matches) > 1:
            self.plan.add_error(
                line,
                "name",
                _(
                    "%(count)s organisations called “%(name)s” exist already; rename them "
                    "in the admin (or give them units) so that the row names one of them."
                )
                % {"count": len(matches), "name": values["name"]},
            )
            return False, None
        return True, (matches[0] if matches else None)

    def add(self, line: int, cells: list[str]) -> None:
        row_cells = self.row_cells(line, cells)
        if row_cells is None:
            return
        errors_before = len(self.plan.errors)
        values, topics = clean_values(row_cells, line, self.plan)
        if len(self.plan.errors) > errors_before:
            return
        usable, organisation = self.match(line, values)
        if not usable:
            return
        row = PlannedRow(line=line, values=values, topics=topics, organisation=organisation)
        if organisation is not None:
            row.changes = changed_fields(organisation, values, topics)
        for topic in topics or []:
            if topic.casefold() not in self.topic_names:
                self.new_topics.setdefault(topic.casefold(), topic)
        self.plan.rows.append(row)


def plan_import(data: bytes, filename: str, locale: Locale) -> ImportPlan:
    """Read and validate the file; nothing is written. ``ImportFileError`` for unreadable files."""
    plan = ImportPlan(locale=locale)
    table = read_table(data, filename)
    if not table or not any(cell.strip() for cell in table[0][1]):
        raise ImportFileError(_("The file is empty: line 1 must name the columns."))
    columns = read_header(table[0][1], plan)
    if plan.errors:
        return plan
    plan.columns = columns
    planner = RowPlanner(plan)
    for line, cells in table[1:]:
        if len(plan.errors) >= MAX_ERRORS:
            plan.add_error(line, None, _("Too many errors; the rest of the file was not checked."))
            break
        if any(cell.strip() for cell in cells):  # blank rows are skipped
            planner.add(line, cells)
    plan.new_topics = sorted(planner.new_topics.values(), key=str.casefold)
    return plan


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
