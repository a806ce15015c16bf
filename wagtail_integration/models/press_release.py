"""A press release: release and go-live dates, dateline, publisher, press contact, media,
related events and topics."""

from __future__ import annotations

import datetime

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import BodyBlock, EventListBlock, MediaBlock
from ..content import serializers as api
from ..review.models import ReviewDateMixin
from .base import PAGE_API_FIELDS, IntegrationPageMixin, UniqueChildrenPageForm, related_prefetch
from .common import localised_topics
from .fields import optional_link, stream, text_line
from .press_filters import topic_slug
from .snippets import Topic

RELEASE_DATE_HELP = _(
    "The date printed on the release; it orders the list and the archive. It does not hold "
    "the release back: to publish later, set the go-live date (tab “Settings”) to the same day."
)


class PressReleasePageForm(UniqueChildrenPageForm):
    """Keeps the release date and Wagtail's go-live date from contradicting each other."""

    def clean(self):
        cleaned_data = super().clean()
        release_date = cleaned_data.get("release_date")
        go_live_at = cleaned_data.get("go_live_at")
        if release_date is None:
            return cleaned_data
        if go_live_at is not None:
            go_live_day = timezone.localtime(go_live_at).date()
            if release_date > go_live_day:
                self.add_error(
                    "release_date",
                    _(
                        "The page goes live on %(day)s, before its release date. Set the "
                        "release date to that day or the go-live date to the release date."
                    )
                    % {"day": date_format(go_live_day, "SHORT_DATE_FORMAT")},
                )
        elif "action-publish" in self.data and release_date > timezone.localdate():
            self.add_error(
                "release_date",
                _(
                    "A release date in the future does not hold the release back: publishing "
                    "now shows it at once. Set the go-live date (tab “Settings”) to the "
                    "release date, or save a draft."
                ),
            )
        return cleaned_data


class AbstractPressReleasePage(IntegrationPageMixin, ReviewDateMixin, Page):
    """A press release: the page title is its headline."""

    page_description = _("One press release with release date, contacts and media for download.")

    base_form_class = PressReleasePageForm

    release_date = models.DateField(_("release date"))
    dateline = text_line(
        _("dateline"),
        max_length=120,
        help_text=_("Place the release is issued from, e.g. the district's name."),
    )
    subheadline = text_line(_("subheadline"), max_length=500)
    lead = models.TextField(_("lead"), blank=True, help_text=_("The opening paragraph."))
    body = stream(BodyBlock(), _("body"))
    media = stream(
        MediaBlock(),
        _("media for download"),
        help_text=_("Images (with caption and credit) and documents offered to the press."),
    )
    events = stream(
        EventListBlock(),
        _("related events"),
        help_text=_("For example the next meeting the release announces."),
    )
    press_contact = optional_link("wagtail_integration.Person", _("press contact"))
    # Who issued a release stays on record (press law): deleting it is refused.
    publisher = optional_link(
        "wagtail_integration.Organisation",
        _("publisher"),
        on_delete=models.PROTECT,
    )
    topics = ParentalManyToManyField(
        "wagtail_integration.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
        help_text=_("Visitors can filter the press releases by topic; feeds list them too."),
    )
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "Sperrfrist: until this time the published release appears nowhere on the site, "
            "in the API, feeds or searches; then it goes public by itself. Journalists can "
            "read it before through preview links."
        ),
    )
    show_embargo_note = models.BooleanField(
        _("show the embargo note"),
        default=True,
        help_text=_("Show “Sperrfrist: …” with the embargo time above the release."),
    )

    override_translatable_fields = [
        SynchronizedField("dateline"),  # a place name
        # One embargo for every language: a translation must not break it.
        SynchronizedField("embargo_until"),
        SynchronizedField("show_embargo_note"),
        # wagtail-localize ignores many-to-many fields unless declared: translations share
        # the source's topics and show them in their own language (``localised_topics``).
        SynchronizedField("topics"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("subheadline", boost=2),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("dateline"),
        # Visitors' searches match word beginnings in these (wagtail_integration.search).
        index.AutocompleteField("subheadline"),
        index.AutocompleteField("lead"),
        index.AutocompleteField("body"),
        index.FilterField("release_date"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel(
            [FieldPanel("release_date", help_text=RELEASE_DATE_HELP), FieldPanel("dateline")]
        ),
        FieldPanel("subheadline"),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("media"),
        FieldPanel("events"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("publisher"), FieldPanel("press_contact")], heading=_("Publisher")
        ),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [FieldPanel("embargo_until"), FieldPanel("show_embargo_note")],
            heading=_("Embargo (Sperrfrist)"),
        )
    ]

    api_fields = [
        # Writable through API v3 (Wagtail 8); validated by the admin form.
        api.writable("release_date"),
        api.writable("dateline"),
        api.writable("subheadline"),
        api.writable("lead"),
        api.writable("body"),
        APIField("embargo_until"),
        APIField("media"),
        APIField("events"),
        APIField("press_contact", serializer=api.PersonField()),
        APIField("publisher", serializer=api.OrganisationField()),
        *PAGE_API_FIELDS,
    ]
    api_prefetch_related = related_prefetch(api_fields)

    class Meta:
        abstract = True

    def get_index(self):
        """The parent index as its own type, without a query for the specific row."""
        parent = self.get_parent()
        return parent.specific_deferred if parent is not None else None

    def get_topics(self) -> list[Topic]:
        return localised_topics(self.topics.all(), self.locale_id)

    @property
    def embargo_note(self) -> datetime.datetime | None:
        """The embargo time to show as “Sperrfrist: …”, when there is one and it is wanted."""
        return self.embargo_until if self.show_embargo_note else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index = self.get_index()
        index_url = index.get_url(request) if index is not None else None
        feed_urls = {}
        if index_url and hasattr(index, "get_feed_urls"):
            feed_urls = index.get_feed_urls(request)
        context.update(
            {
                "press_index": index,
                "index_url": index_url,
                "feed_urls": feed_urls,
                "topics": [(topic, topic_slug(topic)) for topic in self.get_topics()],
            }
        )
        return context


class PressReleasePage(AbstractPressReleasePage):
    parent_page_types = ["wagtail_integration.PressReleaseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
