"""Alert banners: closures, changed office hours and emergencies.

An alert is a translatable snippet with a severity, a scope (every page, or one section: a
page and its descendants) and a time window. Whether it shows is decided at request time
(``alerts/selection.py``), so no command has to run at its start or end.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .fields import (
    INLINE_RICH_TEXT_FEATURES,
    findable,
    prose,
    reject_line_breaks,
    synchronised,
    text_line,
)

EMERGENCY_PERMISSION = "wagtail_integration.publish_emergency_alert"


class AlertForm(WagtailAdminModelForm):
    """Only editors with the emergency permission may create or change an emergency alert."""

    def clean(self):
        cleaned = super().clean()
        user = getattr(self, "for_user", None)
        emergency = Alert.Severity.EMERGENCY
        touches_emergency = cleaned.get("severity") == emergency or (
            self.instance.pk is not None
            and Alert.objects.filter(pk=self.instance.pk, severity=emergency).exists()
        )
        if touches_emergency and not (user and user.has_perm(EMERGENCY_PERMISSION)):
            self.add_error(
                "severity",
                _("You may not create or change emergency alerts; ask an editor who may."),
            )
        return cleaned


class Alert(TranslatableMixin, index.Indexed, models.Model):
    class Severity(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Warning")
        EMERGENCY = "emergency", _("Emergency")

    # Most severe first; ties by start.
    SEVERITY_ORDER = (Severity.EMERGENCY, Severity.WARNING, Severity.INFO)

    severity = models.CharField(
        _("severity"), max_length=16, choices=Severity.choices, default=Severity.INFO
    )
    title = text_line(_("title"), max_length=120, required=True)
    text = prose(_("text"), max_length=600, features=INLINE_RICH_TEXT_FEATURES)
    link_url = models.URLField(_("link"), blank=True)
    link_text = text_line(
        _("link text"), max_length=80, help_text=_("Default: “More information”.")
    )
    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("section"),
        null=True,
        blank=True,
        # A section's alert must never become a site-wide one.
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Empty: every page. A page: that page and every page below it."),
    )
    starts_at = models.DateTimeField(_("shown from"))
    ends_at = models.DateTimeField(
        _("shown until"), null=True, blank=True, help_text=_("Empty: until you delete it.")
    )

    base_form_class = AlertForm

    search_fields = [
        *findable("title", boost=2),
        index.SearchField("text"),
        index.FilterField("severity"),
        index.FilterField("locale_id"),
    ]

    override_translatable_fields = synchronised(
        "severity", "link_url", "section", "starts_at", "ends_at"
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["starts_at", "pk"]
        permissions = [("publish_emergency_alert", _("Can create and publish emergency alerts"))]

    def __str__(self) -> str:
        return f"{self.get_severity_display()}: {self.title}"

    @property
    def is_emergency(self) -> bool:
        return self.severity == self.Severity.EMERGENCY

    def clean(self) -> None:
        super().clean()
        reject_line_breaks(self, ["title", "link_text"])
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if self.link_text and not self.link_url:
            errors["link_url"] = _("Give the link when you give a link text.")
        if errors:
            raise ValidationError(errors)
