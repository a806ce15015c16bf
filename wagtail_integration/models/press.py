"""Press releases and their index."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..api import fields as api
from ..api.schemas import ORGANISATION_PREFETCH, PERSON_PREFETCH, nested
from ..blocks import BodyBlock, EventListBlock, MediaBlock
from .base import PAGE_API_FIELDS, ChildListingMixin, IntegrationPageMixin
from .networks import RICH_TEXT_FEATURES


class AbstractPressReleaseIndexPage(ChildListingMixin, IntegrationPageMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction"), *PAGE_API_FIELDS]

    listing_context_name = "releases"

    class Meta:
        abstract = True

    def get_listing(self):
        return self.get_releases()

    def get_releases(self):
        return (
            PressReleasePage.objects.child_of(self)
            .live()
            .public()
            .select_related("publisher")
            .order_by("-release_date", "-pk")
        )


class PressReleaseIndexPage(AbstractPressReleaseIndexPage):
    subpage_types = ["wagtail_integration.PressReleasePage"]

    class Meta:
        verbose_name = _("press release index")
        verbose_name_plural = _("press release indexes")


class AbstractPressReleasePage(IntegrationPageMixin, Page):
    """A press release: the page title is its headline."""

    release_date = models.DateField(_("release date"))
    dateline = models.CharField(
        _("dateline"),
        max_length=120,
        blank=True,
        help_text=_("Place the release is issued from, e.g. the district's name."),
    )
    subheadline = models.CharField(_("subheadline"), max_length=500, blank=True)
    lead = models.TextField(_("lead"), blank=True, help_text=_("The opening paragraph."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    media = StreamField(
        MediaBlock(),
        verbose_name=_("media for download"),
        blank=True,
        help_text=_("Images (with caption and credit) and documents offered to the press."),
    )
    events = StreamField(
        EventListBlock(),
        verbose_name=_("related events"),
        blank=True,
        help_text=_("For example the next meeting the release announces."),
    )
    press_contact = models.ForeignKey(
        "wagtail_integration.Person",
        verbose_name=_("press contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publisher = models.ForeignKey(
        "wagtail_integration.Organisation",
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    override_translatable_fields = [SynchronizedField("dateline")]  # a place name

    search_fields = Page.search_fields + [
        index.SearchField("subheadline", boost=2),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("dateline"),
        index.FilterField("release_date"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("release_date"), FieldPanel("dateline")]),
        FieldPanel("subheadline"),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("media"),
        FieldPanel("events"),
        MultiFieldPanel(
            [FieldPanel("publisher"), FieldPanel("press_contact")], heading=_("Publisher")
        ),
    ]

    api_fields = [
        # Writable through API v3 (Wagtail 8); validated by the admin form.
        api.writable("release_date"),
        api.writable("dateline"),
        api.writable("subheadline"),
        api.writable("lead"),
        api.writable("body"),
        APIField("media"),
        APIField("events"),
        APIField("press_contact", serializer=api.PersonField()),
        APIField("publisher", serializer=api.OrganisationField()),
        *PAGE_API_FIELDS,
    ]
    api_prefetch_related = [
        *nested("press_contact", PERSON_PREFETCH),
        *nested("publisher", ORGANISATION_PREFETCH),
    ]

    class Meta:
        abstract = True


class PressReleasePage(AbstractPressReleasePage):
    parent_page_types = ["wagtail_integration.PressReleaseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
