"""Funded projects and their index."""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from ..blocks import (
    BodyBlock,
    EventListBlock,
    FundingListBlock,
    OrganisationListBlock,
    TextListBlock,
)
from ..content import serializers as api
from ..review.models import ReviewDateMixin
from ..visibility import visible
from .base import (
    PAGE_API_FIELDS,
    ChildListingMixin,
    ContactFields,
    IntegrationPageMixin,
    page_search_fields,
    related_prefetch,
)
from .fields import optional_link, prose, stream, text_line


class AbstractProjectIndexPage(ChildListingMixin, IntegrationPageMixin, ReviewDateMixin, Page):
    page_description = _("An overview of projects; lists its project pages.")
    introduction = prose(_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction"), *PAGE_API_FIELDS]

    listing_context_name = "projects"
    # Extension point: a host's index names its own project page type.
    project_model = "wagtail_integration.ProjectPage"

    class Meta:
        abstract = True

    def get_listing(self):
        return self.get_projects()

    def get_projects(self):
        projects = visible(self.get_project_model().objects.child_of(self).live().public())
        return projects.order_by("-start_date", "title")

    @classmethod
    def get_project_model(cls) -> type[Page]:
        """The page type this index lists: ``project_model``, an "app_label.ModelName"."""
        return apps.get_model(cls.project_model)


class ProjectIndexPage(AbstractProjectIndexPage):
    subpage_types = ["wagtail_integration.ProjectPage"]

    class Meta:
        verbose_name = _("project index")
        verbose_name_plural = _("project indexes")


class AbstractProjectPage(IntegrationPageMixin, ContactFields, ReviewDateMixin, Page):
    """A funded project: region, period, goals, measures, funding, partners, events, contacts."""

    page_description = _("One project: its aims, period, partners, contact and funding.")

    introduction = prose(_("introduction"))
    region = text_line(_("region"), help_text=_("e.g. a LEADER region"))
    municipalities = stream(TextListBlock(), _("municipalities of the region"))
    region_description = prose(_("about the region"))
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    goals = stream(TextListBlock(), _("goals"))
    measures = stream(TextListBlock(), _("measures"))
    target_groups = stream(TextListBlock(), _("target groups"))
    funding = stream(FundingListBlock(), _("funding"))
    funding_note = prose(
        _("funding note"),
        help_text=_("What the funding programme is, in the words the funder requires."),
    )
    partners = stream(OrganisationListBlock(), _("partners"))
    events = stream(EventListBlock(), _("events"))
    press_contact = optional_link("wagtail_integration.Person", _("press contact"))
    body = stream(BodyBlock(), _("further content"))

    override_translatable_fields = [SynchronizedField("municipalities")]

    search_fields = page_search_fields("introduction", "region", filters=("start_date",))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("region"), FieldPanel("municipalities"), FieldPanel("region_description")],
            heading=_("Region"),
        ),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        FieldPanel("goals"),
        FieldPanel("measures"),
        FieldPanel("target_groups"),
        MultiFieldPanel([FieldPanel("funding"), FieldPanel("funding_note")], heading=_("Funding")),
        FieldPanel("partners"),
        FieldPanel("events"),
        *ContactFields.contact_panels,
        FieldPanel("press_contact"),
        FieldPanel("body"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("region"),
        APIField("municipalities"),
        APIField("region_description"),
        api.writable("start_date"),
        api.writable("end_date"),
        APIField("goals"),
        APIField("measures"),
        APIField("target_groups"),
        APIField("funding"),
        APIField("funding_note"),
        APIField("partners"),
        APIField("events"),
        APIField("press_contact", serializer=api.PersonField()),
        *ContactFields.contact_api_fields,
        APIField("body"),
        *PAGE_API_FIELDS,
    ]
    api_prefetch_related = related_prefetch(api_fields)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})


class ProjectPage(AbstractProjectPage):
    parent_page_types = ["wagtail_integration.ProjectIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("project page")
        verbose_name_plural = _("project pages")
