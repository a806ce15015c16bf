"""The package's demo command, run on a home page of the example site's own type.

Listed before ``wagtail_integration`` in INSTALLED_APPS, so ``manage.py
wagtail_integration_demo`` runs this one.
"""

from wagtail_integration.management.commands.wagtail_integration_demo import (
    Command as DemoCommand,
)

from ...setup import ensure_home_page


class Command(DemoCommand):
    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if options["parent"] is None:
            home, converted = ensure_home_page()
            if converted:
                self.info(f"The site root “{home.title}” is now the example site's home page.")
        return super().handle(*args, **options)
