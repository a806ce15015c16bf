"""Models of the package, split by page family; importable from here."""

from .alerts import Alert, AlertForm
from .base import ContactFields, IntegrationPageMixin, UniqueChildrenPageForm
from .directory import AbstractDirectoryPage, DirectoryPage
from .embargo import PressPreviewAccess, PressPreviewLink
from .legal import (
    AbstractAccessibilityStatementPage,
    AbstractEasyReadPage,
    AbstractImpressumPage,
    AccessibilityFeedback,
    AccessibilityStatementPage,
    EasyReadPage,
    ImpressumPage,
)
from .networks import (
    AbstractNetworkMembership,
    AbstractNetworkPage,
    AbstractPartnerListingPage,
    AbstractPartnership,
    AbstractSpeakerTeamPage,
    AbstractWorkingGroup,
    NetworkMembership,
    NetworkPage,
    PartnerListingPage,
    Partnership,
    SpeakerTeamPage,
    WorkingGroup,
)
from .organisations import AbstractOrganisationProfilePage, OrganisationProfilePage
from .photos import AbstractPhotoArchivePage, PhotoArchivePage
from .press import (
    AbstractPressReleaseIndexPage,
    AbstractPressReleasePage,
    PressReleaseIndexPage,
    PressReleasePage,
)
from .projects import AbstractProjectIndexPage, AbstractProjectPage, ProjectIndexPage, ProjectPage
from .snippets import Event, Funding, Organisation, Person, Topic
from .workflows import FourEyesApprovalTask

__all__ = [
    "Alert",
    "AlertForm",
    "AbstractAccessibilityStatementPage",
    "AbstractImpressumPage",
    "AccessibilityFeedback",
    "AccessibilityStatementPage",
    "AbstractEasyReadPage",
    "EasyReadPage",
    "ImpressumPage",
    "AbstractDirectoryPage",
    "DirectoryPage",
    "AbstractNetworkMembership",
    "AbstractNetworkPage",
    "AbstractPartnership",
    "AbstractWorkingGroup",
    "AbstractOrganisationProfilePage",
    "AbstractPartnerListingPage",
    "AbstractPhotoArchivePage",
    "AbstractPressReleaseIndexPage",
    "AbstractPressReleasePage",
    "AbstractProjectIndexPage",
    "AbstractProjectPage",
    "AbstractSpeakerTeamPage",
    "ContactFields",
    "Event",
    "FourEyesApprovalTask",
    "Funding",
    "IntegrationPageMixin",
    "NetworkMembership",
    "NetworkPage",
    "Organisation",
    "OrganisationProfilePage",
    "PartnerListingPage",
    "Partnership",
    "Person",
    "PhotoArchivePage",
    "PressReleaseIndexPage",
    "PressPreviewAccess",
    "PressPreviewLink",
    "PressReleasePage",
    "ProjectIndexPage",
    "ProjectPage",
    "SpeakerTeamPage",
    "Topic",
    "UniqueChildrenPageForm",
    "WorkingGroup",
]
