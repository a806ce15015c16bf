"""``manage.py wagtail_integration_review_reminders``: mail who has content due for review."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from wagtail_integration.review.reminders import send_review_reminders


class Command(BaseCommand):
    help = (
        "Mail every owner or last editor one list of their pages, organisations and people "
        "whose review date is past or near. Items already mailed today are left out, so the "
        "command can run from cron or a task queue as often as you like."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            metavar="N",
            help="Include items whose review date is at most N days ahead (default: the "
            "REVIEW_DUE_DAYS setting, 14 unless changed).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show who would get which items; send and store nothing.",
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is not None and days < 0:
            raise CommandError("--days must be 0 or more.")
        summary = send_review_reminders(days=days, dry_run=dry_run)
        for recipient in summary.recipients:
            verb = "would get" if dry_run else "gets"
            self.stdout.write(f"{recipient.email} {verb} {len(recipient.items)} item(s):")
            for item in recipient.items:
                state = "overdue since" if item.overdue else "review by"
                self.stdout.write(
                    f"  {item.label} ({item.model._meta.label}, {item.language}): "
                    f"{state} {item.review_by.isoformat()}"
                )
        if dry_run:
            count = sum(len(recipient.items) for recipient in summary.recipients)
            self.stdout.write(
                f"Dry run: {len(summary.recipients)} reminder(s) for {count} item(s) "
                "would be sent; nothing sent."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Sent {summary.sent} reminder(s) for {summary.items} item(s).")
            )
        if summary.already_reminded:
            self.stdout.write(f"{summary.already_reminded} item(s) were already mailed today.")
        if summary.without_recipient:
            self.stdout.write(
                f"{summary.without_recipient} item(s) have nobody to mail: set "
                "REVIEW_REMINDER_FALLBACK_EMAIL in WAGTAIL_INTEGRATION."
            )
        if summary.failed:
            raise CommandError("Could not send to: " + ", ".join(summary.failed))
