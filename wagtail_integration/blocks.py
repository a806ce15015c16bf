"""StreamField blocks shared by every page type of the package.

Chooser blocks fetch all referenced objects of one stream in a single query (``bulk_to_python``)
with their related rows joined, so rendering does not grow with the number of items.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .content import blocks as typed
from .content import objects as schemas
from .content.loading import SharedBulkMixin, prefetched_stream_objects  # noqa: F401

DUPLICATE_MESSAGE = _("This entry is listed twice; remove the second one.")


def duplicate_indexes(values: Iterable[Any], key: Callable[[Any], Any]) -> list[int]:
    """Indexes of items whose key already appeared earlier (None keys are ignored)."""
    seen: set[Any] = set()
    duplicates = []
    for i, value in enumerate(values):
        k = key(value)
        if k is None:
            continue
        if k in seen:
            duplicates.append(i)
        seen.add(k)
    return duplicates


_CachedBulkMixin = SharedBulkMixin


class _RelatedChooserMixin(_CachedBulkMixin):
    """Fetch chosen objects in one query, with ``select_related`` decided by the block.

    ``api_schema`` builds the block's API representation (a nested object, not a bare id).
    """

    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    api_schema: Callable[[Any], Any] | None = None

    def fetch_in_bulk(self, ids: list) -> dict:
        queryset = self.model_class.objects.select_related(*self.select_related)
        return queryset.prefetch_related(*self.prefetch_related).in_bulk(ids)

    def get_api_representation(self, value, context=None):
        return schemas.dump(type(self).api_schema(value))


class OrganisationChooserBlock(_RelatedChooserMixin, SnippetChooserBlock):
    select_related = ("locale", "logo")
    prefetch_related = schemas.ORGANISATION_PREFETCH
    api_schema = schemas.organisation_out

    def __init__(self, **kwargs):
        super().__init__("wagtail_integration.Organisation", **kwargs)


class PersonChooserBlock(_RelatedChooserMixin, SnippetChooserBlock):
    select_related = ("locale", "organisation", "photo")
    prefetch_related = schemas.PERSON_PREFETCH
    api_schema = schemas.person_out

    def __init__(self, **kwargs):
        super().__init__("wagtail_integration.Person", **kwargs)


class FundingChooserBlock(_RelatedChooserMixin, SnippetChooserBlock):
    select_related = ("logo",)
    prefetch_related = schemas.FUNDING_PREFETCH
    api_schema = schemas.funding_out

    def __init__(self, **kwargs):
        super().__init__("wagtail_integration.Funding", **kwargs)


class EventChooserBlock(_RelatedChooserMixin, SnippetChooserBlock):
    select_related = ("locale", "lecturer", "lecturer__organisation", "organiser")
    prefetch_related = schemas.EVENT_PREFETCH
    api_schema = schemas.event_out

    def __init__(self, **kwargs):
        super().__init__("wagtail_integration.Event", **kwargs)


class RenditionImageChooserBlock(_CachedBulkMixin, ImageChooserBlock):
    """Image chooser that loads the images of a stream with their renditions in two queries."""

    def fetch_in_bulk(self, ids: list) -> dict:
        return self.model_class.objects.prefetch_renditions().in_bulk(ids)

    def get_api_representation(self, value, context=None):
        return schemas.dump(schemas.image_out(value))


class BulkDocumentChooserBlock(_CachedBulkMixin, DocumentChooserBlock):
    """Document chooser served from ``prefetched_stream_objects``; migrations see Wagtail's."""

    canonical_module_path = "wagtail.documents.blocks.DocumentChooserBlock"

    def fetch_in_bulk(self, ids: list) -> dict:
        return self.model_class.objects.in_bulk(ids)

    def get_api_representation(self, value, context=None):
        return schemas.dump(schemas.document_out(value))


class TypedStructMixin:
    """``get_api_representation`` from the block's builder in ``content/blocks.py``."""

    content_builder: Callable[..., Any]

    def get_api_representation(self, value, context=None):
        return schemas.dump(type(self).content_builder(value, context))


class TypedStreamMixin:
    """A stream whose API representation is its typed content (``content.blocks.Stream``)."""

    content_stream: typed.Stream

    def get_api_representation(self, value, context=None):
        return self.content_stream.dump(value, context)


class SynchronisedCharBlock(blocks.CharBlock):
    """A ``CharBlock`` holding data, not prose (a photographer's name, a licence).

    wagtail-localize sends every ``CharBlock`` value to translators; this one it skips
    (``get_translatable_segments`` returns nothing), so translations keep the source value,
    which is copied over when the stream is synchronised. Migrations see a plain ``CharBlock``.
    """

    canonical_module_path = "wagtail.blocks.CharBlock"

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class TeamMemberBlock(TypedStructMixin, blocks.StructBlock):
    content_builder = staticmethod(typed.team_member_out)
    person = PersonChooserBlock(label=_("person"))
    role = blocks.CharBlock(
        label=_("role in this team"),
        required=False,
        max_length=255,
        help_text=_("For example “Speaker” or “Head of the municipal integration centre”."),
    )

    class Meta:
        icon = "user"
        label = _("team member")
        template = "wagtail_integration/blocks/team_member.html"


class ImageWithCreditBlock(TypedStructMixin, blocks.StructBlock):
    image = RenditionImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=255,
        help_text=_(
            "Describe the image for people who cannot see it. Empty: the image's own description."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    credit = SynchronisedCharBlock(
        label=_("credit"), required=False, max_length=255, help_text=_("Photographer or source.")
    )
    licence = SynchronisedCharBlock(label=_("licence"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("image with credit")
        template = "wagtail_integration/blocks/image_with_credit.html"

    content_builder = staticmethod(typed.image_with_credit_out)


class DocumentItemBlock(TypedStructMixin, blocks.StructBlock):
    document = BulkDocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        max_length=255,
        help_text=_("Empty: the document's title."),
    )
    description = blocks.CharBlock(label=_("description"), required=False, max_length=500)
    # Not "Bildnachweis" (the images' credit): a document's author or source. A context
    # keeps the English label, and so the migration state, unchanged.
    credit = SynchronisedCharBlock(
        label=pgettext_lazy("document", "credit"),
        required=False,
        max_length=255,
        help_text=_("Author or source."),
    )
    licence = SynchronisedCharBlock(label=_("licence"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("document")
        template = "wagtail_integration/blocks/document_item.html"

    content_builder = staticmethod(typed.document_item_out)


class ChooserListBlock(blocks.StreamBlock):
    """An ordered list of chosen snippets in which no snippet appears twice."""

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        dups = duplicate_indexes(value, key=lambda child: getattr(child.value, "pk", None))
        if dups:
            raise StreamBlockValidationError(
                block_errors={i: ValidationError(DUPLICATE_MESSAGE) for i in dups}
            )
        return value


class OrganisationListBlock(TypedStreamMixin, ChooserListBlock):
    content_stream = typed.ORGANISATION_LIST
    organisation = OrganisationChooserBlock(label=_("organisation"))


class FundingListBlock(TypedStreamMixin, ChooserListBlock):
    content_stream = typed.FUNDING_LIST
    funding = FundingChooserBlock(label=_("funding"))


class EventListBlock(TypedStreamMixin, ChooserListBlock):
    content_stream = typed.EVENT_LIST
    event = EventChooserBlock(label=_("event"))


class TeamMembersBlock(TypedStreamMixin, blocks.StreamBlock):
    """Members of a team, each a person with a role; nobody listed twice."""

    content_stream = typed.TEAM_MEMBERS

    member = TeamMemberBlock()

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        dups = duplicate_indexes(
            value, key=lambda child: getattr(child.value["person"], "pk", None)
        )
        if dups:
            raise StreamBlockValidationError(
                block_errors={
                    i: StructBlockValidationError(
                        block_errors={"person": ValidationError(DUPLICATE_MESSAGE)}
                    )
                    for i in dups
                }
            )
        return value


class TextListBlock(TypedStreamMixin, blocks.StreamBlock):
    """A plain ordered list of short texts: goals, tasks, measures, target groups, places."""

    content_stream = typed.TEXT_LIST

    item = blocks.CharBlock(label=_("entry"), max_length=500)


class MediaBlock(TypedStreamMixin, blocks.StreamBlock):
    """Downloadable media of a press release."""

    content_stream = typed.MEDIA

    image = ImageWithCreditBlock()
    document = DocumentItemBlock()


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


# Blocks for the free-form body of every page.


class TextListSectionBlock(TypedStructMixin, blocks.StructBlock):
    content_builder = staticmethod(typed.text_list_section_out)
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=255)
    items = blocks.ListBlock(blocks.CharBlock(max_length=500), label=_("entries"))

    class Meta:
        icon = "list-ul"
        label = _("list (e.g. goals)")
        template = "wagtail_integration/blocks/text_list.html"


class ContactCardBlock(TypedStructMixin, blocks.StructBlock):
    content_builder = staticmethod(typed.contact_card_out)
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=255)
    person = PersonChooserBlock(label=_("person"))

    class Meta:
        icon = "mail"
        label = _("contact card")
        template = "wagtail_integration/blocks/contact_card.html"


class TeamBlock(TypedStructMixin, blocks.StructBlock):
    content_builder = staticmethod(typed.team_out)
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=255)
    members = blocks.ListBlock(TeamMemberBlock(), label=_("members"))

    class Meta:
        icon = "group"
        label = _("team")
        template = "wagtail_integration/blocks/team.html"

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        dups = duplicate_indexes(value["members"], key=lambda m: getattr(m["person"], "pk", None))
        if dups:
            raise StructBlockValidationError(
                block_errors={
                    "members": ListBlockValidationError(
                        block_errors={
                            i: StructBlockValidationError(
                                block_errors={"person": ValidationError(DUPLICATE_MESSAGE)}
                            )
                            for i in dups
                        }
                    )
                }
            )
        return value


class FundingLogosBlock(TypedStructMixin, blocks.StructBlock):
    content_builder = staticmethod(typed.funding_logos_out)
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=255)
    items = blocks.ListBlock(FundingChooserBlock(), label=_("funding"))

    class Meta:
        icon = "pick"
        label = _("funding logos")
        template = "wagtail_integration/blocks/funding_logos.html"


class DownloadsBlock(TypedStructMixin, blocks.StructBlock):
    content_builder = staticmethod(typed.downloads_out)
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=255)
    documents = blocks.ListBlock(DocumentItemBlock(), label=_("documents"))

    class Meta:
        icon = "download"
        label = _("downloads")
        template = "wagtail_integration/blocks/downloads.html"


class BodyBlock(TypedStreamMixin, blocks.StreamBlock):
    content_stream = typed.BODY
    heading = blocks.CharBlock(
        label=_("section heading"),
        max_length=255,
        template="wagtail_integration/blocks/heading.html",
        icon="title",
    )
    paragraph = blocks.RichTextBlock(
        label=_("text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
    )
    list = TextListSectionBlock()
    image = ImageWithCreditBlock()
    contact = ContactCardBlock()
    team = TeamBlock()
    funding = FundingLogosBlock()
    downloads = DownloadsBlock()
