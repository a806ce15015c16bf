"""Opening and office hours."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..content import blocks as typed
from .base import TypedStreamMixin, TypedStructMixin


class OpeningHoursBlock(TypedStructMixin, blocks.StructBlock):
    content_builder = staticmethod(typed.opening_hours_out)
    WEEKDAYS = [
        ("Monday", _("Monday")),
        ("Tuesday", _("Tuesday")),
        ("Wednesday", _("Wednesday")),
        ("Thursday", _("Thursday")),
        ("Friday", _("Friday")),
        ("Saturday", _("Saturday")),
        ("Sunday", _("Sunday")),
    ]
    # Checkboxes: a <select multiple> needs Ctrl-click, which editors rarely know.
    days = blocks.MultipleChoiceBlock(
        label=_("days"), choices=WEEKDAYS, widget=forms.CheckboxSelectMultiple
    )
    opens = blocks.TimeBlock(label=_("opens"))
    closes = blocks.TimeBlock(label=_("closes"))

    class Meta:
        icon = "time"
        label = _("opening hours")

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        if value["opens"] and value["closes"] and value["closes"] <= value["opens"]:
            raise StructBlockValidationError(
                block_errors={
                    "closes": ValidationError(_("Closing time must be after opening time."))
                }
            )
        return value


class OfficeHoursBlock(TypedStreamMixin, blocks.StreamBlock):
    content_stream = typed.OFFICE_HOURS
    hours = OpeningHoursBlock()
