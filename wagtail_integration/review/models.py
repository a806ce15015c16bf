"""The ``review_by`` field, the mixin that adds it, and the log of reminders sent."""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PAST_DATE_MESSAGE = _(
    "Choose a date after today, or leave the field empty to get the usual interval."
)


class ReviewDateFormField(forms.DateField):
    """Refuses a date today or earlier that the editor entered.

    An overdue date that is already stored stays valid, so a draft of an overdue page can
    still be saved; publishing then moves it on (``rules``).
    """

    _initial = None

    def get_bound_field(self, form, field_name):
        # Each form has its own copy of the field: the initial value belongs to this form.
        bound_field = super().get_bound_field(form, field_name)
        self._initial = bound_field.initial
        return bound_field

    def clean(self, value):
        value = super().clean(value)
        if value is None or value > timezone.localdate():
            return value
        try:
            initial = self.to_python(self._initial)
        except forms.ValidationError:
            initial = None
        if value != initial:
            raise forms.ValidationError(PAST_DATE_MESSAGE, code="past_review_date")
        return value


class ReviewDateField(models.DateField):
    """A date field whose admin form refuses new dates in the past."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ReviewDateFormField, **kwargs})


class ReviewDateMixin(models.Model):
    """Gives a page type or snippet a ``review_by`` date (Prüftermin).

    Not in the API: the date is editorial metadata. wagtail-localize synchronises it (a
    date field), so translations follow their source. Page types get the field in their
    settings tab, also when they declare ``settings_panels`` of their own.
    """

    review_by = ReviewDateField(
        _("review by"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "When this content should next be checked (Prüftermin). Left empty, it is set "
            "from the usual interval for this type. Publishing a page, or saving an "
            "organisation or person, once this date has come counts as its review and "
            "moves the date on."
        ),
    )

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Imported first: it sets Page's default panels.
        from wagtail.admin.panels import FieldPanel
        from wagtail.models import Page

        if issubclass(cls, Page) and not _has_review_panel(cls.settings_panels):
            cls.settings_panels = [*cls.settings_panels, FieldPanel("review_by")]


def _has_review_panel(panels) -> bool:
    for panel in panels:
        if getattr(panel, "field_name", None) == "review_by":
            return True
        if _has_review_panel(getattr(panel, "children", ())):
            return True
    return False


class ReviewReminder(models.Model):
    """When a review reminder for one object was last mailed: at most one mail a day."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    review_by = models.DateField(_("review by"))
    sent_on = models.DateField(_("sent on"))
    recipient = models.EmailField(_("recipient"))

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="wi_review_reminder_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.sent_on}"
