"""Listing cards of API v3's page listing: what a front end needs to show a page in a list.

A card is Wagtail's listing item (``id``, ``title``, ``meta``) plus ``type``, ``type_label``,
``url``, ``locale``, ``date`` (with ``date_field`` naming where it comes from), ``lead`` (plain
text) and ``image`` (the ``ImageOut`` of the detail). Which date a page type shows is declared
once, in ``CARD_DATES``, by abstract base, so a host's variants inherit it; every other page
type shows the date it was first published. The card schemas form a union discriminated by
``type``: one schema per page type (``PressReleasePageCard``, ``NetworkPageCard`` …), so a
client that narrows by ``type`` gets that type's card (a press release's ``date`` is never
null).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, Union

from django.db.models import DateField, F
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.text import capfirst
from ninja import Schema
from pydantic import Field, create_model

from ..content.cards import card_images, specific_pages
from ..content.objects import ImageOut, image_out
from ..text import plain_text

#: Characters of a card's lead; longer text is cut at a word with "…".
LEAD_LENGTH = 300
# The fields a card's lead comes from, first non-empty wins: (name, is rich text).
LEAD_FIELDS = (("lead", False), ("introduction", True), ("tagline", False))
PUBLISHED = "first_published_at"


@dataclass(frozen=True)
class CardDate:
    """The date a page type's cards show: ``field`` of pages built on ``base``."""

    base: str  # dotted path of the abstract page model
    field: str
    required: bool  # the field always has a value: no fall-back to the publication date


CARD_DATES = (
    CardDate("models.press_release.AbstractPressReleasePage", "release_date", True),
    CardDate("models.projects.AbstractProjectPage", "start_date", False),
)
# Order terms that mean "the card date" on a listing of several page types.
CARD_DATE_TERMS = frozenset(["date", *(spec.field for spec in CARD_DATES)])


def _base(spec: CardDate):
    from django.utils.module_loading import import_string

    return import_string(f"wagtail_integration.{spec.base}")


def card_date_of(model) -> CardDate | None:
    for spec in CARD_DATES:
        if issubclass(model, _base(spec)):
            return spec
    return None


# --- Schemas --------------------------------------------------------------------------------


class _CardFields(Schema):
    type_label: str = Field(description="The page type's name, in the request's language.")
    url: str | None = Field(description="The page's URL (relative on the page's own site).")
    locale: str
    lead: str = Field(description=f"Plain text, at most {LEAD_LENGTH} characters.")
    image: ImageOut | None


@cache
def card_schemas() -> tuple[type, ...]:
    """One card schema per page type (``PressReleasePageCard`` …), its ``type`` the page
    type's label and its ``date`` typed by the type's ``CARD_DATES`` entry."""
    from wagtail.api.v3.schemas import BasePageSchema
    from wagtail.models import get_page_models

    schemas = []
    names = [model.__name__ for model in get_page_models()]
    for model in get_page_models():
        name = f"{model.__name__}Card"
        if names.count(model.__name__) > 1:  # two apps' types of one name: the app's too
            name = f"{model._meta.app_label.title().replace('_', '')}{name}"
        spec = card_date_of(model)
        if spec is None:
            date, fields = datetime.date | None, (PUBLISHED,)
        elif spec.required:
            date, fields = datetime.date, (spec.field,)
        else:
            date, fields = datetime.date | None, (spec.field, PUBLISHED)
        schemas.append(
            create_model(
                name,
                __base__=(BasePageSchema, _CardFields),
                __doc__=f"A listing card of a {model._meta.label} page.",
                type=(Literal[model._meta.label], ...),
                date=(date, Field(description="The date a listing shows for the page.")),
                date_field=(Literal[fields], Field(description="Where `date` comes from.")),
            )
        )
    return tuple(schemas)


@cache
def card_list_schema() -> type:
    """The listing's answer: ``items`` (cards, discriminated by ``type``) and ``count``."""
    card = Annotated[Union[card_schemas()], Field(discriminator="type")]  # noqa: UP007
    return create_model("PageCardList", __base__=Schema, items=(list[card], ...), count=(int, ...))


# --- Building -------------------------------------------------------------------------------


def _lead(page) -> str:
    for name, rich in LEAD_FIELDS:
        text = plain_text(getattr(page, name, None), LEAD_LENGTH, rich=rich)
        if text:
            return text
    return plain_text(page.search_description, LEAD_LENGTH, rich=False)


def _date(page) -> tuple[datetime.date | None, str]:
    spec = card_date_of(type(page))
    if spec is not None and getattr(page, spec.field, None) is not None:
        return getattr(page, spec.field), spec.field
    published = page.first_published_at
    return (timezone.localdate(published) if published else None), PUBLISHED


def card_out(page, request, image: tuple[Any, dict] | None) -> dict:
    """The card of ``page`` (specific) as JSON data; ``image`` from ``card_images``."""
    from wagtail.api.v3.schemas import BasePageSchema

    data = BasePageSchema.from_orm(page, context={"request": request}).model_dump(mode="json")
    date, date_field = _date(page)
    picture = None
    if image is not None:
        chosen, value = image
        picture = image_out(chosen, credit=value.get("credit", ""), alt=value.get("alt_text", ""))
    data.update(
        type=page._meta.label,
        type_label=str(capfirst(page._meta.verbose_name)),
        url=page.get_url(request),
        locale=page.locale.language_code,
        date=date.isoformat() if date else None,
        date_field=date_field,
        lead=_lead(page),
        image=picture.model_dump(mode="json") if picture else None,
    )
    return data


def build_cards(pages, request) -> dict[int, dict]:
    """Cards of ``pages`` by page id, loaded together (``content.loading``)."""
    pages = specific_pages(pages)
    images = card_images(pages)
    return {page.pk: card_out(page, request, images.get(page.pk)) for page in pages}


# --- Ordering -------------------------------------------------------------------------------


def _path(model, base) -> str:
    """The lookup from ``base`` to its multi-table subclass ``model`` (``pressreleasepage``)."""
    parts = []
    while model is not base:
        parent, link = next(
            (parent, link)
            for parent, link in model._meta.parents.items()
            if issubclass(parent, base)
        )
        parts.append(link.related_query_name())
        model = parent
    return "__".join(reversed(parts))


def card_date_expression(model):
    """The card date of the pages of a ``model`` queryset, for ``order_by``: the declared date
    field where the page type has one (and it is set), else the day of first publication."""
    from wagtail.models import get_page_models

    published = TruncDate(PUBLISHED, output_field=DateField())
    spec = card_date_of(model)
    if spec is not None:
        return F(spec.field) if spec.required else Coalesce(F(spec.field), published)
    dates = [
        F(f"{_path(page_model, model)}__{spec.field}")
        for page_model in get_page_models()
        if issubclass(page_model, model)
        and page_model is not model
        and (spec := card_date_of(page_model)) is not None
    ]
    return Coalesce(*dates, published, output_field=DateField()) if dates else published
