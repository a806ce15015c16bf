"""``manage.py wagtail_integration_locales``: a locale for every content language."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from wagtail_integration.locales import LocaleSetupError, set_up_locales


class Command(BaseCommand):
    help = (
        "Create a locale for every language in WAGTAIL_CONTENT_LANGUAGES (idempotent). "
        "Refuses, with an explanation, when the default language has no locale but an old "
        "one (such as en-us from the first migrate) holds the pages; --rename converts it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rename",
            action="append",
            default=[],
            metavar="OLD=NEW",
            help="Rename locale OLD to the content language NEW, pages included "
            "(e.g. --rename en-us=de).",
        )

    def handle(self, *args, **options):
        rename = {}
        for item in options["rename"]:
            old, sep, new = item.partition("=")
            if not sep or not old or not new:
                raise CommandError(f"--rename needs OLD=NEW, not “{item}”.")
            rename[old.strip()] = new.strip()
        try:
            report = set_up_locales(rename)
        except LocaleSetupError as error:
            raise CommandError(str(error)) from error
        for old, new in report.renamed:
            self.stdout.write(f'Renamed locale {old} → {new} (its pages now say lang="{new}").')
        if report.created:
            self.stdout.write("Created locales: " + ", ".join(report.created))
        if report.present:
            self.stdout.write("Already present: " + ", ".join(report.present))
        for code, pages in report.unknown.items():
            if code not in dict(report.renamed):
                self.stderr.write(
                    f"Locale {code} ({pages} pages) is not in WAGTAIL_CONTENT_LANGUAGES: "
                    f"its pages are served under no language; rename it with "
                    f"--rename {code}=<language> or delete it."
                )
        self.stdout.write(self.style.SUCCESS("Locales ready."))
