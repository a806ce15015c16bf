"""Networks, partner listings and speaker teams."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, TranslatableMixin

from ..blocks import BodyBlock, EventListBlock, TeamMembersBlock, TextListBlock
from ..content import serializers as api
from ..review.models import ReviewDateMixin
from .base import (
    PAGE_API_FIELDS,
    ContactFields,
    IntegrationPageMixin,
    page_search_fields,
    related_prefetch,
)
from .fields import optional_link, prose, stream, text_line

year_validators = [MinValueValidator(1800), MaxValueValidator(2200)]


class AbstractNetworkPage(IntegrationPageMixin, ContactFields, ReviewDateMixin, Page):
    """A network of organisations: goals, way of working, members, working groups, speakers."""

    page_description = _(
        "A network of organisations: its goals, members, contact persons and events."
    )

    introduction = prose(_("introduction"))
    region = text_line(_("region"), help_text=_("Where the network is active."))
    founded_year = models.PositiveSmallIntegerField(
        _("founded in"), null=True, blank=True, validators=year_validators
    )
    declared_member_count = models.PositiveIntegerField(
        _("number of member organisations"),
        null=True,
        blank=True,
        help_text=_("As the network states it; may be more than the members listed below."),
    )
    goals = stream(TextListBlock(), _("goals"))
    way_of_working = prose(_("way of working"))
    meetings_per_year = models.PositiveSmallIntegerField(
        _("meetings per year"), null=True, blank=True, validators=[MaxValueValidator(366)]
    )
    meeting_rhythm = text_line(
        _("meeting rhythm"), help_text=_("In words, e.g. “three plenary meetings a year”.")
    )
    speakers = stream(TeamMembersBlock(), _("speaker team"))
    more_info_url = models.URLField(_("more information (link)"), blank=True)
    body = stream(BodyBlock(), _("further content"))

    search_fields = page_search_fields("introduction", "way_of_working", "region")

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("region"), FieldPanel("founded_year")]),
        FieldPanel("goals"),
        FieldPanel("way_of_working"),
        FieldRowPanel([FieldPanel("meetings_per_year"), FieldPanel("meeting_rhythm")]),
        MultiFieldPanel(
            [FieldPanel("declared_member_count"), InlinePanel("memberships", label=_("member"))],
            heading=_("Member organisations"),
        ),
        InlinePanel("working_groups", label=_("working group"), heading=_("Working groups")),
        FieldPanel("speakers"),
        *ContactFields.contact_panels,
        FieldPanel("more_info_url"),
        FieldPanel("body"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("region"),
        APIField("founded_year"),
        APIField("declared_member_count"),
        APIField("goals"),
        APIField("way_of_working"),
        APIField("meetings_per_year"),
        APIField("meeting_rhythm"),
        APIField("speakers"),
        APIField("memberships", serializer=api.MembershipsField()),
        APIField("working_groups", serializer=api.WorkingGroupsField()),
        *ContactFields.contact_api_fields,
        APIField("more_info_url"),
        APIField("body"),
        *PAGE_API_FIELDS,
    ]
    api_prefetch_related = related_prefetch(api_fields)

    unique_child_fields = {"memberships": "organisation"}

    class Meta:
        abstract = True

    @property
    def member_count(self) -> int:
        listed = len(self.memberships.all())
        return max(listed, self.declared_member_count or 0)

    def get_related_context(self) -> dict[str, Any]:
        # Loaded by ``load_for_html`` with what ``api_prefetch_related`` declares.
        return {
            "memberships": list(self.memberships.all()),
            "working_groups": list(self.working_groups.all()),
        }


class NetworkPage(AbstractNetworkPage):
    class Meta:
        verbose_name = _("network page")
        verbose_name_plural = _("network pages")


def listed_organisation(related_name: str = "%(app_label)s_%(class)s_set") -> models.ForeignKey:
    """The organisation of a list entry: it cannot be deleted while it is listed."""
    return models.ForeignKey(
        "wagtail_integration.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name=related_name,
    )


class AbstractOrganisationEntry(TranslatableMixin, Orderable):
    """An organisation listed on a page, with a note; the host's concrete class adds the
    ``page`` ParentalKey."""

    organisation = listed_organisation()

    panels = [FieldPanel("organisation"), FieldPanel("note")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]


class AbstractNetworkMembership(AbstractOrganisationEntry):
    """A member organisation of a network; the host's concrete class adds the ``page``
    ParentalKey (``related_name="memberships"``) to its own network page type."""

    note = text_line(_("note"), max_length=500)

    class Meta(AbstractOrganisationEntry.Meta):
        abstract = True
        verbose_name = _("network member")
        verbose_name_plural = _("network members")


class NetworkMembership(AbstractNetworkMembership):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="memberships")
    organisation = listed_organisation("network_memberships")

    class Meta(AbstractNetworkMembership.Meta):
        abstract = False


class AbstractWorkingGroup(TranslatableMixin, Orderable):
    """A working group of a network; the host's concrete class adds the ``page`` ParentalKey
    (``related_name="working_groups"``)."""

    name = text_line(_("name"), required=True)
    description = models.TextField(_("description"), blank=True)
    contact = optional_link("wagtail_integration.Person", _("contact"))

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("contact")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.name


class WorkingGroup(AbstractWorkingGroup):
    page = ParentalKey(NetworkPage, on_delete=models.CASCADE, related_name="working_groups")

    class Meta(AbstractWorkingGroup.Meta):
        abstract = False


class AbstractPartnerListingPage(IntegrationPageMixin, ContactFields, ReviewDateMixin, Page):
    """A curated list of partner organisations of an initiative, with what partners commit to."""

    page_description = _(
        "A list of partner organisations of a programme or network, with logos and links."
    )

    introduction = prose(_("introduction"))
    founded_year = models.PositiveSmallIntegerField(
        _("launched in"), null=True, blank=True, validators=year_validators
    )
    aims = prose(_("aims"))
    measures = stream(TextListBlock(), _("measures partners commit to"))
    network_work = prose(_("working together"))
    patron = optional_link("wagtail_integration.Person", _("patron"))
    events = stream(EventListBlock(), _("events"))
    body = stream(BodyBlock(), _("further content"))

    search_fields = page_search_fields("introduction", "aims")

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("founded_year"),
        FieldPanel("aims"),
        FieldPanel("measures"),
        FieldPanel("network_work"),
        FieldPanel("patron"),
        InlinePanel("partners", label=_("partner"), heading=_("Partners")),
        FieldPanel("events"),
        *ContactFields.contact_panels,
        FieldPanel("body"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("founded_year"),
        APIField("aims"),
        APIField("measures"),
        APIField("network_work"),
        APIField("patron", serializer=api.PersonField()),
        APIField("partners", serializer=api.MembershipsField()),
        APIField("events"),
        *ContactFields.contact_api_fields,
        APIField("body"),
        *PAGE_API_FIELDS,
    ]
    api_prefetch_related = related_prefetch(api_fields)

    unique_child_fields = {"partners": "organisation"}

    class Meta:
        abstract = True

    def get_related_context(self) -> dict[str, Any]:
        return {"partners": list(self.partners.all())}


class PartnerListingPage(AbstractPartnerListingPage):
    class Meta:
        verbose_name = _("partner listing page")
        verbose_name_plural = _("partner listing pages")


class AbstractPartnership(AbstractOrganisationEntry):
    """A partner of a partner listing; the host's concrete class adds the ``page``
    ParentalKey (``related_name="partners"``) to its own listing page type."""

    note = text_line(
        _("partnership note"),
        max_length=1000,
        help_text=_("What this partner agreed to do, in a sentence."),
    )

    class Meta(AbstractOrganisationEntry.Meta):
        abstract = True
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class Partnership(AbstractPartnership):
    page = ParentalKey(PartnerListingPage, on_delete=models.CASCADE, related_name="partners")
    organisation = listed_organisation("partnerships")

    class Meta(AbstractPartnership.Meta):
        abstract = False


class AbstractSpeakerTeamPage(IntegrationPageMixin, ContactFields, ReviewDateMixin, Page):
    """A team of people, each with a role (a network's speakers, a project team …)."""

    page_description = _(
        "The speaker team of a network: its members with roles and contact details."
    )

    introduction = prose(_("introduction"))
    members = stream(TeamMembersBlock(), _("members"))
    body = stream(BodyBlock(), _("further content"))

    search_fields = page_search_fields("introduction")

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("members"),
        *ContactFields.contact_panels,
        FieldPanel("body"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("members"),
        *ContactFields.contact_api_fields,
        APIField("body"),
        *PAGE_API_FIELDS,
    ]
    api_prefetch_related = related_prefetch(api_fields)

    class Meta:
        abstract = True


class SpeakerTeamPage(AbstractSpeakerTeamPage):
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("speaker team page")
        verbose_name_plural = _("speaker team pages")
