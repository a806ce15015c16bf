"""Profile pages of organisations such as an integration agency."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import BodyBlock, FundingListBlock, OfficeHoursBlock, TextListBlock
from ..content import serializers as api
from ..content.objects import ORGANISATION_PREFETCH, nested
from ..review.models import ReviewDateMixin
from .base import PAGE_API_FIELDS, ContactFields, IntegrationPageMixin
from .common import RICH_TEXT_FEATURES


class AbstractOrganisationProfilePage(IntegrationPageMixin, ContactFields, ReviewDateMixin, Page):
    """An organisation presenting itself: tasks, focus districts, office hours, funding."""

    page_description = _(
        "The profile of one organisation, e.g. an integration agency: services, office "
        "hours, staff and funding."
    )

    organisation = models.ForeignKey(
        "wagtail_integration.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        # The page is about this organisation: deleting it first needs another choice here.
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The organisation this page presents (address, phone, e-mail come from it)."),
    )
    operator = models.ForeignKey(
        "wagtail_integration.Organisation",
        verbose_name=_("operated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    tasks = StreamField(TextListBlock(), verbose_name=_("tasks"), blank=True)
    focus_districts = StreamField(
        TextListBlock(),
        verbose_name=_("focus districts"),
        blank=True,
        help_text=_("Districts or neighbourhoods the work concentrates on."),
    )
    approach = RichTextField(_("how we work"), blank=True, features=RICH_TEXT_FEATURES)
    office_hours = StreamField(OfficeHoursBlock(), verbose_name=_("office hours"), blank=True)
    office_hours_note = models.CharField(
        _("note on office hours"),
        max_length=255,
        blank=True,
        help_text=_("For example “by appointment only”."),
    )
    by_appointment = models.BooleanField(_("by appointment only"), default=False)
    free_and_confidential = models.BooleanField(
        _("counselling is free and confidential"),
        default=False,
        help_text=_("Shows the promise that counselling is free of charge and confidential."),
    )
    funding = StreamField(FundingListBlock(), verbose_name=_("funding"), blank=True)
    funding_note = RichTextField(_("funding note"), blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(BodyBlock(), verbose_name=_("further content"), blank=True)

    override_translatable_fields = [
        SynchronizedField("focus_districts"),
        SynchronizedField("office_hours"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("tagline"),
        index.SearchField("introduction"),
        index.SearchField("approach"),
    ]

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
    api_prefetch_related = [
        *nested("organisation", ORGANISATION_PREFETCH),
        *nested("operator", ORGANISATION_PREFETCH),
        *ContactFields.contact_api_prefetch,
    ]

    class Meta:
        abstract = True


class OrganisationProfilePage(AbstractOrganisationProfilePage):
    class Meta:
        verbose_name = _("organisation profile page")
        verbose_name_plural = _("organisation profile pages")
