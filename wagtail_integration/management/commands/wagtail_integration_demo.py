"""``manage.py wagtail_integration_demo``: example pages for every page type of the package."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from wagtail_integration.demo.builder import DemoBuilder, DemoContentError
from wagtail_integration.demo.synthetic import ensure_synthetic_organisations
from wagtail_integration.locales import LocaleSetupError, set_up_locales
from wagtail_integration.permissions import grant_default_permissions
from wagtail_integration.workflows import setup_press_workflows

# The demo directory lists migrant organisations, a kind no hand-written demo entry has.
DEFAULT_SYNTHETIC_ORGANISATIONS = 40


class Command(BaseCommand):
    help = (
        "Create demo pages (network, speaker team, project, press release, partner listing, "
        "integration agency, a release under embargo) with their snippets and placeholder "
        "images, and the press office's four-eyes workflow. Idempotent: what "
        "exists already is left unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--parent",
            type=int,
            metavar="PAGE_ID",
            help="ID of the page to create the demo pages under (default: the default "
            "site's root page). Pages and snippets use that page's locale.",
        )
        parser.add_argument(
            "--organisations",
            type=int,
            default=DEFAULT_SYNTHETIC_ORGANISATIONS,
            metavar="N",
            help="Make sure there are N synthetic organisations (marked “(synthetisch "
            "00001)” in their names) for the demo directory and load tests; a larger N tops "
            "them up, the same N adds nothing. Default: %(default)s, so the directory lists "
            "migrant organisations out of the box; 0: none.",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        try:  # every content language, so that "Translate" offers them all
            locales = set_up_locales()
        except LocaleSetupError as exc:
            raise CommandError(str(exc)) from exc
        if locales.created:
            self.info("Created locales: " + ", ".join(locales.created))
        parent = self.get_parent(options["parent"])
        self.info(f"Demo content under “{parent.title}” (id {parent.pk}, {parent.locale})")
        builder = DemoBuilder(parent, log=self.log)
        try:
            with transaction.atomic():
                pages = builder.build()
                workflows = setup_press_workflows()
        except DemoContentError as exc:
            raise CommandError(str(exc)) from exc
        for what in sorted(set(builder.created) | set(builder.present)):
            created, present = builder.created[what], builder.present[what]
            self.info(f"  {what}: {created} created, {present} already present")
        if builder.created:
            self.info(self.style.SUCCESS("Demo content created."))
        else:
            self.info(self.style.SUCCESS("Demo content already present; nothing changed."))
        for page in pages:
            self.info(f"  {page.title}: {page.url or page.url_path}")
        for what in workflows.created:
            self.info(f"  created {what}")
        # Groups created after the migration (e.g. on a restored database) get them too.
        for group, count in grant_default_permissions().items():
            self.info(f"  {group}: {count} snippet permissions added")
        if options["organisations"] < 0:
            raise CommandError("--organisations must be 0 or more.")
        if options["organisations"]:
            added = ensure_synthetic_organisations(
                parent.locale, options["organisations"], log=self.info
            )
            self.info(
                self.style.SUCCESS(
                    f"Synthetic organisations: {added} added, {options['organisations']} requested."
                )
            )

    def info(self, line: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(line)

    def log(self, created: bool, what: str, label: str) -> None:
        """One line per created object; objects already present only with -v 2."""
        if created:
            self.info(f"  created {what}: {label}")
        elif self.verbosity >= 2:
            self.stdout.write(f"  present {what}: {label}")

    def get_parent(self, page_id: int | None) -> Page:
        if page_id is not None:
            try:
                return Page.objects.get(pk=page_id)
            except Page.DoesNotExist:
                raise CommandError(f"There is no page with id {page_id}.") from None
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError(
                "There is no default site: mark a site as default in the Wagtail admin "
                "(Settings → Sites) or pass --parent PAGE_ID."
            )
        return site.root_page
