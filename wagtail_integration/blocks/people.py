"""Contact and team blocks: people with their role; nobody listed twice."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from ..content import blocks as typed
from .base import (
    SectionBlock,
    TypedStreamMixin,
    TypedStructMixin,
    UniqueStreamBlock,
    duplicate_errors,
    optional_text,
)
from .choosers import PersonChooserBlock


class TeamMemberBlock(TypedStructMixin, blocks.StructBlock):
    content_builder = staticmethod(typed.team_member_out)
    person = PersonChooserBlock(label=_("person"))
    role = optional_text(
        _("role in this team"),
        help_text=_("For example “Speaker” or “Head of the municipal integration centre”."),
    )

    class Meta:
        icon = "user"
        label = _("team member")
        template = "wagtail_integration/blocks/team_member.html"


class TeamMembersBlock(TypedStreamMixin, UniqueStreamBlock):
    """Members of a team, each a person with a role; nobody listed twice."""

    content_stream = typed.TEAM_MEMBERS
    duplicate_field = "person"

    member = TeamMemberBlock()


class ContactCardBlock(SectionBlock):
    content_builder = staticmethod(typed.contact_card_out)
    person = PersonChooserBlock(label=_("person"))

    class Meta:
        icon = "mail"
        label = _("contact card")
        template = "wagtail_integration/blocks/contact_card.html"


class TeamBlock(SectionBlock):
    content_builder = staticmethod(typed.team_out)
    members = blocks.ListBlock(TeamMemberBlock(), label=_("members"))

    class Meta:
        icon = "group"
        label = _("team")
        template = "wagtail_integration/blocks/team.html"

    def clean(self, value, *args, **kwargs):
        value = super().clean(value, *args, **kwargs)
        errors = duplicate_errors(
            value["members"], key=lambda m: getattr(m["person"], "pk", None), field="person"
        )
        if errors:
            raise StructBlockValidationError(
                block_errors={"members": ListBlockValidationError(block_errors=errors)}
            )
        return value
