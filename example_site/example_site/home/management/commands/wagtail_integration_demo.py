"""The package's demo command, run on a home page of the example site's own type, with the
site's privacy notice next to the demo pages.

Listed before ``wagtail_integration`` in INSTALLED_APPS, so ``manage.py
wagtail_integration_demo`` runs this one.
"""

from wagtail_integration.management.commands.wagtail_integration_demo import (
    Command as DemoCommand,
)

from ...setup import ensure_home_page, ensure_privacy_page


class Command(DemoCommand):
    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        home = None
        if options["parent"] is None:
            home, converted = ensure_home_page()
            if converted:
                self.info(f"The site root “{home.title}” is now the example site's home page.")
        result = super().handle(*args, **options)
        if home is not None:
            # The footer links it through WAGTAIL_INTEGRATION["PRIVACY_URL"] = "/datenschutz/".
            page, created = ensure_privacy_page(home)
            if created:
                self.info(f"Added the privacy notice “{page.title}” at {page.url}.")
        return result
