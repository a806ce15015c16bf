"""StreamField blocks shared by every page type of the package, one module per purpose.

- ``base``: typed API output, sections with a heading, the no-duplicates rule;
- ``choosers``: snippet, image and document choosers that load a stream's objects at once;
- ``text``, ``media``, ``people`` (contacts, teams), ``hours``: the blocks themselves;
- ``body``: the free-form body of every page.

Every public name stays importable from ``wagtail_integration.blocks``. Submodules import
each other, never this package, so the re-export makes no import cycle.
"""

from .base import (
    DUPLICATE_MESSAGE,
    SectionBlock,
    TypedStreamMixin,
    TypedStructMixin,
    UniqueStreamBlock,
    duplicate_error,
    duplicate_errors,
    duplicate_indexes,
    section_heading,
)
from .body import BodyBlock
from .choosers import (
    BulkDocumentChooserBlock,
    ChooserListBlock,
    EventChooserBlock,
    EventListBlock,
    FundingChooserBlock,
    FundingListBlock,
    OrganisationChooserBlock,
    OrganisationListBlock,
    PersonChooserBlock,
    RenditionImageChooserBlock,
)
from .hours import OfficeHoursBlock, OpeningHoursBlock
from .media import (
    DocumentItemBlock,
    DownloadsBlock,
    FundingLogosBlock,
    ImageWithCreditBlock,
    MediaBlock,
)
from .people import ContactCardBlock, TeamBlock, TeamMemberBlock, TeamMembersBlock
from .text import SynchronisedCharBlock, TextListBlock, TextListSectionBlock

__all__ = [
    "DUPLICATE_MESSAGE",
    "BodyBlock",
    "BulkDocumentChooserBlock",
    "ChooserListBlock",
    "ContactCardBlock",
    "DocumentItemBlock",
    "DownloadsBlock",
    "EventChooserBlock",
    "EventListBlock",
    "FundingChooserBlock",
    "FundingListBlock",
    "FundingLogosBlock",
    "ImageWithCreditBlock",
    "MediaBlock",
    "OfficeHoursBlock",
    "OpeningHoursBlock",
    "OrganisationChooserBlock",
    "OrganisationListBlock",
    "PersonChooserBlock",
    "RenditionImageChooserBlock",
    "SectionBlock",
    "SynchronisedCharBlock",
    "TeamBlock",
    "TeamMemberBlock",
    "TeamMembersBlock",
    "TextListBlock",
    "TextListSectionBlock",
    "TypedStreamMixin",
    "TypedStructMixin",
    "UniqueStreamBlock",
    "duplicate_error",
    "duplicate_errors",
    "duplicate_indexes",
    "section_heading",
]
