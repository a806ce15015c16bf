"""Profile pages of organisations such as an integration agency."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from ..blocks import BodyBlock, FundingListBlock, OfficeHoursBlock, TextListBlock
from ..content import serializers as api
from ..review.models import ReviewDateMixin
from .base import (
    PAGE_API_FIELDS,
    ContactFields,
    IntegrationPageMixin,
    page_search_fields,
    related_prefetch,
)
from .fields import optional_link, prose, stream, synchronised, text_line


class AbstractOrganisationProfilePage(IntegrationPageMixin, ContactFields, ReviewDateMixin, Page):
    """An organisation presenting itself: tasks, focus districts, office hours, funding."""

    page_description = _(
        "The profile of one organisation, e.g. an integration agency: services, office "
        "hours, staff and funding."
    )

    # The page is about this organisation: deleting it first needs another choice here.
    organisation = optional_link(
        "wagtail_integration.Organisation",
        _("organisation"),
        on_delete=models.PROTECT,
        help_text=_("The organisation this page presents (address, phone, e-mail come from it)."),
    )
    operator = optional_link("wagtail_integration.Organisation", _("operated by"))
    tagline = text_line(_("tagline"))
    introduction = prose(_("introduction"))
    tasks = stream(TextListBlock(), _("tasks"))
    focus_districts = stream(
        TextListBlock(),
        _("focus districts"),
        help_text=_("Districts or neighbourhoods the work concentrates on."),
    )
    approach = prose(_("how we work"))
    office_hours = stream(OfficeHoursBlock(), _("office hours"))
    office_hours_note = text_line(
        _("note on office hours"), help_text=_("For example “by appointment only”.")
    )
    by_appointment = models.BooleanField(_("by appointment only"), default=False)
    free_and_confidential = models.BooleanField(
        _("counselling is free and confidential"),
        default=False,
        help_text=_("Shows the promise that counselling is free of charge and confidential."),
    )
    funding = stream(FundingListBlock(), _("funding"))
    funding_note = prose(_("funding note"))
    body = stream(BodyBlock(), _("further content"))

    override_translatable_fields = synchronised("focus_districts", "office_hours")

    search_fields = page_search_fields("tagline", "introduction", "approach")

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("organisation"),
        FieldPanel("introduction"),
        FieldPanel("tasks"),
        FieldPanel("focus_districts"),
        FieldPanel("approach"),
        MultiFieldPanel(
            [
                FieldPanel("office_hours"),
                FieldPanel("office_hours_note"),
                FieldPanel("by_appointment"),
                FieldPanel("free_and_confidential"),
            ],
            heading=_("Office hours"),
        ),
        MultiFieldPanel(
            [FieldPanel("operator"), FieldPanel("funding"), FieldPanel("funding_note")],
            heading=_("Operator and funding"),
        ),
        *ContactFields.contact_panels,
        FieldPanel("body"),
    ]

    api_fields = [
        APIField("tagline"),
        APIField("organisation", serializer=api.OrganisationField()),
        APIField("operator", serializer=api.OrganisationField()),
        APIField("introduction"),
        APIField("tasks"),
        APIField("focus_districts"),
        APIField("approach"),
        APIField("office_hours"),
        APIField("office_hours_note"),
        APIField("by_appointment"),
        APIField("free_and_confidential"),
        APIField("funding"),
        APIField("funding_note"),
        *ContactFields.contact_api_fields,
        APIField("body"),
        *PAGE_API_FIELDS,
    ]
    api_prefetch_related = related_prefetch(api_fields)

    class Meta:
        abstract = True


class OrganisationProfilePage(AbstractOrganisationProfilePage):
    class Meta:
        verbose_name = _("organisation profile page")
        verbose_name_plural = _("organisation profile pages")
