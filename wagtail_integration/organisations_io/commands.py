"""The logic of the ``wagtail_integration_import_organisations`` and
``wagtail_integration_export_organisations`` management commands (their modules in
``management/commands/`` only name these classes, where Django looks for commands)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from .exporting import export_organisations
from .import_lock import ImportConflict
from .importing import apply_import, plan_import
from .reading import ImportFileError


def get_locale(language_code: str | None) -> Locale:
    if language_code is None:
        return Locale.get_default()
    try:
        return Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
        raise CommandError(
            f"There is no locale “{language_code}”; the locales are: {codes}."
        ) from None


class ImportOrganisationsCommand(BaseCommand):
    help = (
        "Import organisations from a CSV (UTF-8 or Windows-1252, comma or semicolon) or XLSX "
        "file with a header row (see docs/directory.md). All or nothing: with any error "
        "nothing is written and the command exits non-zero. Organisations are matched on "
        "name (and unit) within the locale, so importing a file again updates them."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the .csv or .xlsx file.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change; write nothing.",
        )
        parser.add_argument(
            "--locale",
            default=None,
            metavar="LANGUAGE_CODE",
            help="Locale of the organisations, e.g. “de” (default: the default locale).",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror or exc}") from exc
        locale = get_locale(options["locale"])
        try:
            plan = plan_import(data, path.name, locale)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        if not plan.ok:
            for error in plan.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(plan.errors)} error(s) in {path.name}; nothing was imported.")
        summary = (
            f"{plan.count('create')} to create, {plan.count('update')} to update, "
            f"{plan.count('unchanged')} unchanged"
        )
        if plan.new_topics:
            summary += f"; new topics: {', '.join(plan.new_topics)}"
        if options["dry_run"]:
            self.stdout.write(f"Dry run, nothing written: {summary}.")
            return
        try:
            result = apply_import(plan)
        except ImportConflict as conflict:  # another import or an editor got there first
            for error in conflict.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(conflict.errors)} conflict(s) in {path.name}; nothing was imported."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {path.name} ({locale.language_code}): {result.created} created, "
                f"{result.updated} updated, {result.unchanged} unchanged, "
                f"{result.topics_created} new topics."
            )
        )


class ExportOrganisationsCommand(BaseCommand):
    help = (
        "Export the organisations of a locale in the import format: .xlsx writes an Excel "
        "workbook, any other name a CSV file (UTF-8 with BOM, semicolons). Cells a "
        "spreadsheet would run as formulas are prefixed with an apostrophe."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the .csv or .xlsx file to write.")
        parser.add_argument("--locale", default=None, metavar="LANGUAGE_CODE")
        parser.add_argument(
            "--german-headers",
            action="store_true",
            help="Write German column headers (Name, Art, PLZ, Ort …) and kind labels.",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        locale = get_locale(options["locale"])
        data = export_organisations(locale, path.name, german=options["german_headers"])
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"Cannot write {path}: {exc.strerror or exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({len(data)} bytes)."))
