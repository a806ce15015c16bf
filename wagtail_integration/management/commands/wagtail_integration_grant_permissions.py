"""``manage.py wagtail_integration_grant_permissions``: the default snippet permissions of the
Editors and Moderators groups (see ``wagtail_integration.permissions``)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from wagtail_integration.permissions import GROUP_ACTIONS, grant_default_permissions


class Command(BaseCommand):
    help = (
        "Grant Wagtail's standard Editors and Moderators groups the permissions on the "
        "package's organisations, people, events, funding and topics (and with them the "
        "organisation import), and wagtail-localize's 'submit translation'. Only adds; groups "
        "that do not exist are skipped."
    )

    def handle(self, *args, **options):
        added = grant_default_permissions()
        for name in GROUP_ACTIONS:
            if name in added:
                self.stdout.write(f"{name}: {added[name]} permissions added")
            else:
                self.stdout.write(f"{name}: no such group, skipped")
