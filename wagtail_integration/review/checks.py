"""System checks of the review-date settings: a wrong value is named before it is used."""

from __future__ import annotations

from django.core.checks import Error, Tags, register
from django.core.exceptions import ValidationError
from django.core.validators import validate_email


def _is_days(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


@register(Tags.compatibility)
def check_review_settings(app_configs, **kwargs):
    from ..conf import integration_settings

    errors = []
    intervals = integration_settings.REVIEW_INTERVALS
    if not isinstance(intervals, dict) or any(
        not (value is None or (_is_days(value) and value > 0)) for value in intervals.values()
    ):
        errors.append(
            Error(
                "WAGTAIL_INTEGRATION['REVIEW_INTERVALS'] must map model labels to a number "
                "of days (1 or more) or None.",
                hint='For example {"wagtail_integration.Organisation": 183, "default": 365}.',
                id="wagtail_integration.E030",
            )
        )
    if not _is_days(integration_settings.REVIEW_DUE_DAYS):
        errors.append(
            Error(
                "WAGTAIL_INTEGRATION['REVIEW_DUE_DAYS'] must be a whole number of days, 0 or more.",
                id="wagtail_integration.E031",
            )
        )
    fallback = integration_settings.REVIEW_REMINDER_FALLBACK_EMAIL
    if fallback is not None:
        try:
            validate_email(fallback)
        except (ValidationError, TypeError):
            errors.append(
                Error(
                    "WAGTAIL_INTEGRATION['REVIEW_REMINDER_FALLBACK_EMAIL'] is not an e-mail "
                    "address.",
                    hint="Give an address such as redaktion@example.org, or None.",
                    id="wagtail_integration.E032",
                )
            )
    return errors
