"""Review reminder mails: one per recipient, listing that person's due and overdue items.

A page's reminder goes to its owner, else to the editor of its latest revision; a snippet's
to whoever last created or edited it in the admin (Wagtail's log); items with neither (or
whose person has no e-mail address or is inactive) go to
``WAGTAIL_INTEGRATION["REVIEW_REMINDER_FALLBACK_EMAIL"]``. Each mail is written in the
recipient's admin language where Wagtail has one, German otherwise. An item is mailed at
most once a day (``ReviewReminder``), so running the command twice a day sends nothing new.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import ngettext

from ..conf import integration_settings
from .items import DueItem, due_items
from .models import ReviewReminder

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "de"


@dataclass
class Recipient:
    email: str
    language: str
    name: str = ""
    items: list[DueItem] = field(default_factory=list)


@dataclass
class ReminderSummary:
    dry_run: bool = False
    recipients: list[Recipient] = field(default_factory=list)
    sent: int = 0
    items: int = 0
    already_reminded: int = 0
    without_recipient: int = 0
    failed: list[str] = field(default_factory=list)


def admin_language(user) -> str:
    """The user's admin language in Wagtail's profile, if set; German otherwise."""
    try:
        language = user.wagtail_userprofile.preferred_language
    except ObjectDoesNotExist:
        language = ""
    return language or DEFAULT_LANGUAGE


def _recipients(items: list[DueItem], summary: ReminderSummary) -> list[Recipient]:
    user_ids = {pk for item in items for pk in (item.owner_id, item.editor_id) if pk}
    users = {
        user.pk: user
        for user in get_user_model()
        ._default_manager.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
    }
    fallback = integration_settings.REVIEW_REMINDER_FALLBACK_EMAIL
    recipients: dict[str, Recipient] = {}
    for item in items:
        user = users.get(item.owner_id) or users.get(item.editor_id)
        if user is not None:
            key = user.email.lower()
            if key not in recipients:
                name = user.get_full_name() if hasattr(user, "get_full_name") else ""
                recipients[key] = Recipient(user.email, admin_language(user), name)
        elif fallback:
            key = fallback.lower()
            recipients.setdefault(key, Recipient(fallback, DEFAULT_LANGUAGE))
        else:
            summary.without_recipient += 1
            continue
        recipients[key].items.append(item)
    return list(recipients.values())


def render_reminder(recipient: Recipient) -> tuple[str, str]:
    """Subject and plain-text body, in the recipient's language."""
    base_url = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    with translation.override(recipient.language):
        count = len(recipient.items)
        subject = ngettext(
            "Review dates: %(count)d item is due",
            "Review dates: %(count)d items are due",
            count,
        ) % {"count": count}
        body = render_to_string(
            "wagtail_integration/review/reminder.txt",
            {"recipient": recipient, "items": recipient.items, "base_url": base_url},
        )
    return subject, body


def send_review_reminders(days: int | None = None, dry_run: bool = False) -> ReminderSummary:
    """Mail the due and overdue items not mailed yet today; returns what was done."""
    today = timezone.localdate()
    summary = ReminderSummary(dry_run=dry_run)
    items = due_items(days=days)
    mailed = set(
        ReviewReminder.objects.filter(sent_on=today).values_list("content_type_id", "object_id")
    )
    fresh = [item for item in items if (item.content_type_id, str(item.pk)) not in mailed]
    summary.already_reminded = len(items) - len(fresh)
    summary.recipients = _recipients(fresh, summary)
    for recipient in summary.recipients:
        if dry_run:
            continue
        subject, body = render_reminder(recipient)
        try:
            EmailMessage(subject, body, to=[recipient.email]).send()
        except Exception as error:  # noqa: BLE001 - one failing address must not stop the rest
            logger.warning("Review reminder to %s failed: %s", recipient.email, error)
            summary.failed.append(recipient.email)
            continue
        ReviewReminder.objects.bulk_create(
            [
                ReviewReminder(
                    content_type_id=item.content_type_id,
                    object_id=str(item.pk),
                    review_by=item.review_by,
                    sent_on=today,
                    recipient=recipient.email,
                )
                for item in recipient.items
            ],
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=["review_by", "sent_on", "recipient"],
        )
        summary.sent += 1
        summary.items += len(recipient.items)
    return summary
