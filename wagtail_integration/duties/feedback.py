"""The accessibility statement's feedback form: validation, spam guard, storing and mailing.

Spam is held back without a third-party service: a honeypot field that people never see
(bots fill it) and a signed token with the time the form was shown (a submission faster than
``MIN_FILL_SECONDS`` or with a missing, forged or day-old token is refused with a form error,
so a person can simply send again).
"""

from __future__ import annotations

import logging
import time

from django import forms
from django.core import signing
from django.core.mail import EmailMessage
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

MIN_FILL_SECONDS = 3
MAX_TOKEN_AGE = 24 * 60 * 60
TOKEN_SALT = "wagtail_integration.accessibility_feedback"  # noqa: S105 (a salt, not a secret)
CONTROL_CHARACTERS = {chr(code) for code in range(32)} - {"\n", "\r", "\t"} | {"\x7f"}


def new_token() -> str:
    return signing.dumps(time.time(), salt=TOKEN_SALT)


def no_control_characters(value: str) -> None:
    if any(char in CONTROL_CHARACTERS for char in value):
        raise forms.ValidationError(
            _("The text contains control characters; remove them and send again."),
            code="control_character",
        )


def single_line(value: str) -> None:
    if "\r" in value or "\n" in value:
        raise forms.ValidationError(_("Enter one line only."), code="line_break")


class FeedbackForm(forms.Form):
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=200,
        required=False,
        validators=[no_control_characters, single_line],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional, for a reply)"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    content_url = forms.URLField(
        label=_("Address (URL) of the page concerned (optional)"),
        max_length=500,
        required=False,
        assume_scheme="https",
        validators=[no_control_characters],
    )
    message = forms.CharField(
        label=_("Your message"),
        min_length=10,
        max_length=5000,
        help_text=_("Which content is hard to use for you, and how? At most 5,000 characters."),
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    # Honeypot: hidden from people and assistive technology, left empty by them.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    # The signed time token is rendered by the template (``feedback_token``), fresh on every
    # rendering, so a refused form can be sent again.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_spam = False

    def full_clean(self):
        super().full_clean()
        # A field with an error points to it (and to its help text) for screen readers.
        for name, field in self.fields.items():
            if name in self.errors:
                ids = [f"id_{name}_error"] + ([f"id_{name}_helptext"] if field.help_text else [])
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def clean_content_url(self):
        value = self.cleaned_data["content_url"]
        if value and not value.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Enter a web address starting with https://."))
        return value

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("homepage"):
            self.is_spam = True
            return cleaned_data
        try:
            shown_at = signing.loads(
                self.data.get("token", ""), salt=TOKEN_SALT, max_age=MAX_TOKEN_AGE
            )
        except (signing.BadSignature, TypeError, ValueError):
            shown_at = None
        age = time.time() - shown_at if isinstance(shown_at, int | float) else -1
        if not MIN_FILL_SECONDS <= age <= MAX_TOKEN_AGE:
            raise forms.ValidationError(
                _(
                    "The form could not be checked: it was sent too quickly or is too old. "
                    "Please send it again."
                ),
                code="token",
            )
        return cleaned_data


def store_and_mail(page, form: FeedbackForm, request=None):
    """Store the message, then mail it to the configured address (if any)."""
    from ..models import AccessibilityFeedback

    data = form.cleaned_data
    feedback = AccessibilityFeedback.objects.create(
        page=page,
        language=(get_language() or "")[:20],
        name=data["name"].strip(),
        email=data["email"],
        content_url=data["content_url"],
        message=data["message"].strip(),
    )
    recipient = page.feedback_recipient()
    if recipient:
        subject = gettext("Accessibility feedback: %(title)s") % {"title": page.title}
        body = "\n".join(
            [
                gettext("A message was sent with the feedback form of “%(title)s”.")
                % {"title": page.title},
                "",
                f"{gettext('Name')}: {feedback.name or '–'}",
                f"{gettext('E-mail address')}: {feedback.email or '–'}",
                f"{gettext('Page concerned')}: {feedback.content_url or '–'}",
                "",
                feedback.message,
            ]
        )
        try:
            EmailMessage(
                subject, body, to=[recipient], reply_to=[feedback.email] if feedback.email else None
            ).send()
        except Exception:  # stored already: the editors see it in the admin
            logger.exception("could not mail accessibility feedback %s", feedback.pk)
        else:
            type(feedback).objects.filter(pk=feedback.pk).update(mailed=True)
            feedback.mailed = True
    return feedback
