"""``manage.py wagtail_integration_press_workflow``: the press office's four-eyes workflow."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from wagtail_integration.workflows import setup_press_workflows


class Command(BaseCommand):
    help = (
        "Create the groups 'Pressestelle' and 'Übersetzungsprüfung', their four-eyes approval "
        "tasks and workflows, and assign them to the press release indexes and the translated "
        "trees. Idempotent: run it again after adding an index or a language."
    )

    def handle(self, *args, **options):
        result = setup_press_workflows()
        for what in result.created:
            self.stdout.write(f"created {what}")
        for page in result.assigned:
            self.stdout.write(f"assigned a workflow to “{page.title}” ({page.locale})")
        if not result.created and not result.assigned:
            self.stdout.write("nothing to do: the workflows are set up")
