"""Host variants of the package's abstract pages, as an installer would write them.

Each page type adds a field of its own (``host_note``) and an orderable of its own
(``host_links``) with its own ParentalKey; the abstract orderables get the host's
ParentalKey; the index pages name the host's child types through their extension points.
The templates are the package's.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin

from wagtail_integration.models import (
    AbstractDirectoryPage,
    AbstractNetworkMembership,
    AbstractNetworkPage,
    AbstractOrganisationProfilePage,
    AbstractPartnerListingPage,
    AbstractPartnership,
    AbstractPhotoArchivePage,
    AbstractPressReleaseIndexPage,
    AbstractPressReleasePage,
    AbstractProjectIndexPage,
    AbstractProjectPage,
    AbstractSpeakerTeamPage,
    AbstractWorkingGroup,
)


class HostPage(models.Model):
    """What every host variant adds: a field of its own, shown in the admin and both APIs."""

    host_note = models.CharField("host note", max_length=200, blank=True)

    class Meta:
        abstract = True


def host_panels(base):
    return [*base.content_panels, FieldPanel("host_note"), InlinePanel("host_links")]


def host_api_fields(base):
    return [*base.api_fields, APIField("host_note")]


class AbstractHostLink(TranslatableMixin, Orderable):
    label = models.CharField(max_length=100)
    url = models.URLField(blank=True)

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]


class HostNetworkPage(HostPage, AbstractNetworkPage):
    template = "wagtail_integration/network_page.html"
    content_panels = host_panels(AbstractNetworkPage)
    api_fields = host_api_fields(AbstractNetworkPage)


class HostNetworkMembership(AbstractNetworkMembership):
    page = ParentalKey(HostNetworkPage, on_delete=models.CASCADE, related_name="memberships")


class HostWorkingGroup(AbstractWorkingGroup):
    page = ParentalKey(HostNetworkPage, on_delete=models.CASCADE, related_name="working_groups")


class HostNetworkLink(AbstractHostLink):
    page = ParentalKey(HostNetworkPage, on_delete=models.CASCADE, related_name="host_links")


class HostPartnerListingPage(HostPage, AbstractPartnerListingPage):
    template = "wagtail_integration/partner_listing_page.html"
    content_panels = host_panels(AbstractPartnerListingPage)
    api_fields = host_api_fields(AbstractPartnerListingPage)


class HostPartnership(AbstractPartnership):
    page = ParentalKey(HostPartnerListingPage, on_delete=models.CASCADE, related_name="partners")


class HostPartnerLink(AbstractHostLink):
    page = ParentalKey(HostPartnerListingPage, on_delete=models.CASCADE, related_name="host_links")


class HostSpeakerTeamPage(HostPage, AbstractSpeakerTeamPage):
    template = "wagtail_integration/speaker_team_page.html"
    content_panels = host_panels(AbstractSpeakerTeamPage)
    api_fields = host_api_fields(AbstractSpeakerTeamPage)


class HostSpeakerTeamLink(AbstractHostLink):
    page = ParentalKey(HostSpeakerTeamPage, on_delete=models.CASCADE, related_name="host_links")


class HostPressReleaseIndexPage(HostPage, AbstractPressReleaseIndexPage):
    template = "wagtail_integration/press_release_index_page.html"
    subpage_types = ["testapp.HostPressReleasePage"]
    release_model = "testapp.HostPressReleasePage"
    content_panels = host_panels(AbstractPressReleaseIndexPage)
    api_fields = host_api_fields(AbstractPressReleaseIndexPage)


class HostPressReleaseIndexLink(AbstractHostLink):
    page = ParentalKey(
        HostPressReleaseIndexPage, on_delete=models.CASCADE, related_name="host_links"
    )


class HostPressReleasePage(HostPage, AbstractPressReleasePage):
    template = "wagtail_integration/press_release_page.html"
    parent_page_types = ["testapp.HostPressReleaseIndexPage"]
    subpage_types: list[str] = []
    content_panels = host_panels(AbstractPressReleasePage)
    api_fields = host_api_fields(AbstractPressReleasePage)


class HostPressReleaseLink(AbstractHostLink):
    page = ParentalKey(HostPressReleasePage, on_delete=models.CASCADE, related_name="host_links")


class HostPhotoArchivePage(HostPage, AbstractPhotoArchivePage):
    template = "wagtail_integration/photo_archive_page.html"
    release_model = "testapp.HostPressReleasePage"
    content_panels = host_panels(AbstractPhotoArchivePage)
    api_fields = host_api_fields(AbstractPhotoArchivePage)


class HostPhotoArchiveLink(AbstractHostLink):
    page = ParentalKey(HostPhotoArchivePage, on_delete=models.CASCADE, related_name="host_links")


class HostProjectIndexPage(HostPage, AbstractProjectIndexPage):
    template = "wagtail_integration/project_index_page.html"
    subpage_types = ["testapp.HostProjectPage"]
    project_model = "testapp.HostProjectPage"
    content_panels = host_panels(AbstractProjectIndexPage)
    api_fields = host_api_fields(AbstractProjectIndexPage)


class HostProjectIndexLink(AbstractHostLink):
    page = ParentalKey(HostProjectIndexPage, on_delete=models.CASCADE, related_name="host_links")


class HostProjectPage(HostPage, AbstractProjectPage):
    template = "wagtail_integration/project_page.html"
    parent_page_types = ["testapp.HostProjectIndexPage"]
    content_panels = host_panels(AbstractProjectPage)
    api_fields = host_api_fields(AbstractProjectPage)


class HostProjectLink(AbstractHostLink):
    page = ParentalKey(HostProjectPage, on_delete=models.CASCADE, related_name="host_links")


class HostOrganisationProfilePage(HostPage, AbstractOrganisationProfilePage):
    template = "wagtail_integration/organisation_profile_page.html"
    content_panels = host_panels(AbstractOrganisationProfilePage)
    api_fields = host_api_fields(AbstractOrganisationProfilePage)


class HostOrganisationProfileLink(AbstractHostLink):
    page = ParentalKey(
        HostOrganisationProfilePage, on_delete=models.CASCADE, related_name="host_links"
    )


class HostDirectoryPage(HostPage, AbstractDirectoryPage):
    template = "wagtail_integration/directory_page.html"
    content_panels = host_panels(AbstractDirectoryPage)
    api_fields = host_api_fields(AbstractDirectoryPage)


class HostDirectoryLink(AbstractHostLink):
    page = ParentalKey(HostDirectoryPage, on_delete=models.CASCADE, related_name="host_links")


HOST_PAGE_TYPES = [
    HostNetworkPage,
    HostPartnerListingPage,
    HostSpeakerTeamPage,
    HostPressReleaseIndexPage,
    HostPressReleasePage,
    HostPhotoArchivePage,
    HostProjectIndexPage,
    HostProjectPage,
    HostOrganisationProfilePage,
    HostDirectoryPage,
]
