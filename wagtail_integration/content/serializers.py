"""DRF serializer fields for ``APIField(serializer=...)`` that dump the pydantic models of
``content/objects.py``. Models declare their ``api_fields`` with them, so they live in the
content layer: models never import the API package.

API v2 calls them directly. API v3's read-schema generator types an ``APIField`` with a custom
serializer from the serializer's ``to_representation`` return annotation (see
``wagtail.api.v3.schemas.generators.read.SchemaGenerator._custom_serializer_schema``), so each
field class carries its pydantic model as that annotation and the OpenAPI document shows the
nested object instead of ``Any``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import prefetch_related_objects
from rest_framework import serializers
from wagtail.api import APIField

from . import extras
from . import objects as schemas
from .loading import pages_loaded


class SchemaField(serializers.Field):
    """Read-only field: ``build(value)`` gives a pydantic model (or a list of them).

    ``prefetch`` (lookups relative to the value) is applied first, so that a page serialised
    on its own costs the same few queries however many related items it has. Pages loaded by
    ``content.loading.load_pages`` skip it: their type's ``api_prefetch_related`` loaded the
    same rows for all of them (walking the loaded objects again for every page and field
    cost a tenth of a cold listing).
    """

    build: Callable[..., Any]
    prefetch: tuple[str, ...] = ()
    many = False  # the value is a relation: build each of its items

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_request(self):
        return (getattr(self, "context", None) or {}).get("request")

    def to_representation(self, value):
        build = type(self).build
        prefetch = () if pages_loaded() else self.prefetch
        if self.many:
            items = list(value.all())
            prefetch_related_objects(items, *prefetch)
            return [schemas.dump(build(item)) for item in items]
        if value is not None and prefetch:
            prefetch_related_objects([value], *prefetch)
        return schemas.dump(build(value))


def schema_field(
    name: str,
    schema: Any,
    build: Callable[..., Any],
    prefetch: tuple[str, ...],
    *,
    many: bool = False,
) -> type[SchemaField]:
    """A ``SchemaField`` subclass whose ``to_representation`` is annotated ``-> schema``
    (``list[schema]`` when ``many``)."""

    def to_representation(self, value):
        return SchemaField.to_representation(self, value)

    to_representation.__annotations__ = {"value": Any, "return": list[schema] if many else schema}
    attrs = {
        "build": staticmethod(build),
        "prefetch": prefetch,
        "many": many,
        "to_representation": to_representation,
    }
    return type(name, (SchemaField,), attrs)


OrganisationField = schema_field(
    "OrganisationField",
    schemas.OrganisationOut,
    schemas.organisation_out,
    schemas.ORGANISATION_PREFETCH,
)
PersonField = schema_field(
    "PersonField", schemas.PersonOut, schemas.person_out, schemas.PERSON_PREFETCH
)
MembershipsField = schema_field(
    "MembershipsField",
    schemas.MembershipOut,
    schemas.membership_out,
    schemas.MEMBERSHIP_PREFETCH,
    many=True,
)
WorkingGroupsField = schema_field(
    "WorkingGroupsField",
    schemas.WorkingGroupOut,
    schemas.working_group_out,
    schemas.WORKING_GROUP_PREFETCH,
    many=True,
)


class TranslationsField(SchemaField):
    """The page's translations (locale, id, title, url); reads the whole page (``source="*"``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, value) -> list[schemas.TranslationOut]:
        return [schemas.dump(item) for item in schemas.translations_out(value, self.get_request())]


class WholePageField(SchemaField):
    """A field built from the whole page (``source="*"``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)


class LinksField(WholePageField):
    def to_representation(self, value) -> extras.PageLinksOut:
        return schemas.dump(extras.page_links_out(value))


class StructuredDataField(WholePageField):
    def to_representation(self, value) -> list[extras.JsonLdNode]:
        return extras.structured_data_out(value)


class DirectorySelectionField(WholePageField):
    def to_representation(self, value) -> extras.DirectorySelectionOut:
        return schemas.dump(extras.directory_selection_out(value))


def writable(name: str) -> APIField:
    """An ``APIField`` that API v3 accepts on create/update (Wagtail 8's ``writable=True``).

    Wagtail 7's ``APIField`` has no ``writable`` argument (and no write API): plain field.
    """
    try:
        return APIField(name, writable=True)
    except TypeError:  # Wagtail 7
        return APIField(name)
