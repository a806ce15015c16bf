"""Tags that render the typed content (``content/pages.py``):
``{% load wagtail_integration_content %}``."""

from __future__ import annotations

from collections import OrderedDict

from django import template
from django.apps import apps
from django.forms.utils import flatatt
from django.utils.html import format_html

from ..content.objects import ImageOut
from ..content.pages import office

register = template.Library()

# The template of each typed stream item, by its ``type``.
ITEM_TEMPLATES = {
    "heading": "wagtail_integration/blocks/heading.html",
    "list": "wagtail_integration/blocks/text_list.html",
    "image": "wagtail_integration/blocks/image_with_credit.html",
    "document": "wagtail_integration/blocks/document_item.html",
    "contact": "wagtail_integration/blocks/contact_card.html",
    "team": "wagtail_integration/blocks/team.html",
    "member": "wagtail_integration/blocks/team_member.html",
    "funding": "wagtail_integration/blocks/funding_logos.html",
    "downloads": "wagtail_integration/blocks/downloads.html",
}


@register.filter
def item_template(item) -> str:
    """The block template of a typed stream item: ``{% include item|item_template %}``."""
    return ITEM_TEMPLATES[item.type]


@register.filter
def rendition(image: ImageOut | None, spec: str):
    """The rendition ``spec`` (one of ``content.pages.HTML_RENDITIONS``) of a typed image."""
    return None if image is None else shown_rendition(image, spec)


def shown_rendition(image: ImageOut, spec: str):
    """An HTML image makes the rendition on first use; an API image has its own sizes."""
    rendition = getattr(image, "rendition", None)
    return rendition(spec) if rendition is not None else image.renditions[spec]


@register.simple_tag
def img(image, spec: str, **attributes):
    """The ``<img>`` that ``{% image image spec ... %}`` writes (src, width, height, alt, then
    Wagtail's default attributes and ``attributes``), from the typed image's rendition.

    A Wagtail image (the directory lists Organisation rows) renders through Wagtail itself.
    """
    if image is None:
        return ""
    if not isinstance(image, ImageOut):
        return image.get_rendition(spec).img_tag(attributes)
    shown = shown_rendition(image, spec)
    attrs = OrderedDict(
        [("src", shown.url), ("width", shown.width), ("height", shown.height), ("alt", image.alt)]
    )
    attrs.update(apps.get_app_config("wagtailimages").default_attrs)
    attrs.update(attributes)
    return format_html("<img{}>", flatatt(attrs))  # flatatt escapes every value


@register.filter
def person_office(person) -> str:
    """A typed person's building and room, as ``Person.office``."""
    return office(person.building, person.room)
