"""``manage.py wagtail_integration_export_organisations FILE``: organisations as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail_integration.organisations_io.importing import export_organisations

from .wagtail_integration_import_organisations import Command as ImportCommand


class Command(BaseCommand):
    help = (
        "Export the organisations of a locale in the import format: .xlsx writes an Excel "
        "workbook, any other name a CSV file (UTF-8 with BOM, semicolons). Cells a "
        "spreadsheet would run as formulas are prefixed with an apostrophe."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the .csv or .xlsx file to write.")
        parser.add_argument("--locale", default=None, metavar="LANGUAGE_CODE")

    def handle(self, *args, **options):
        path = Path(options["file"])
        locale = ImportCommand.get_locale(self, options["locale"])
        data = export_organisations(locale, path.name)
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"Cannot write {path}: {exc.strerror or exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({len(data)} bytes)."))
