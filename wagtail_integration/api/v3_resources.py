"""API v3 routers of the package's resources: organisations, people, events (Wagtail 8 only).

Snippets have no draft state, so every row is published; the schemas in ``schemas.py`` hold
no private fields. Filters are typed (an unknown ``kind`` answers 422), an unknown locale or a
``limit`` above ``WAGTAILAPI_LIMIT_MAX`` answers 400 like Wagtail's own endpoints.
"""

from typing import Generic, Literal, TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import BaseModel, field_validator
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.schemas.params import SearchSchema
from wagtail.models import Locale

from ..models import Event, Organisation, Topic
from ..search import prefix_search
from ..text import search_terms
from .directory import UNKNOWN_DIRECTORY, directory_organisations
from .http import MAX_INTEGER
from .resources import EVENTS, ORGANISATIONS, PEOPLE, Resource

T = TypeVar("T")

OrganisationKind = Literal[tuple(Organisation.Kind.values)]  # type: ignore[valid-type]
EventKind = Literal[tuple(Event.Kind.values)]  # type: ignore[valid-type]


class CleanSearchSchema(SearchSchema):
    """Wagtail's search parameters, with the term cleaned (an unpaired quote or NUL: no 500)."""

    @field_validator("search")
    @classmethod
    def clean_search(cls, value: str | None) -> str | None:
        return search_terms(value) or None if value is not None else None

    def search_queryset(self, request, queryset):
        """Words starting with the query's words, as the site's search forms find them;
        ``search_operator=or`` keeps Wagtail's whole-word search."""
        if self.search is None or self.search_operator is not None:
            return super().search_queryset(request, queryset)
        return prefix_search(queryset, self.search, order_by_relevance="order" not in request.GET)


class ListOut(BaseModel, Generic[T]):
    count: int
    items: list[T]


class PaginationParams(Schema):
    limit: int = Field(20, ge=1)
    offset: int = Field(0, ge=0, le=MAX_INTEGER)


class LocaleParams(Schema):
    locale: str | None = None

    @field_validator("*")
    @classmethod
    def no_nul(cls, value):
        # PostgreSQL refuses NUL in text: a 422 here instead of a database error.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value

    def apply(self, queryset: QuerySet) -> QuerySet:
        if self.locale is None:
            return queryset
        locale = Locale.objects.filter(language_code=self.locale).first()
        if locale is None:
            if self.locale in dict(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])):
                return queryset.none()  # a content language without content yet
            raise HttpError(400, f"locale {self.locale!r} does not exist")
        return queryset.filter(locale=locale)


class OrganisationFilters(LocaleParams):
    kind: OrganisationKind | None = None
    municipality: str | None = None
    topic: int | None = Field(
        None, ge=1, le=MAX_INTEGER, description="A topic id (any translation of it)."
    )
    directory: int | None = Field(
        None,
        ge=1,
        le=MAX_INTEGER,
        description="A directory page's id: the organisations that page lists.",
    )

    def apply(self, queryset: QuerySet) -> QuerySet:
        if self.directory is not None:
            listed = directory_organisations(self.directory)
            if listed is None:
                raise Http404(UNKNOWN_DIRECTORY)
            queryset = queryset.filter(pk__in=listed.values("pk"))
        queryset = super().apply(queryset)
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.municipality:
            queryset = queryset.filter(municipality=self.municipality)
        if self.topic is not None:
            keys = Topic.objects.filter(pk=self.topic).values("translation_key")
            ids = Organisation.topics.through.objects.filter(
                topic__translation_key__in=keys
            ).values("organisation_id")
            queryset = queryset.filter(pk__in=ids)
        return queryset


class PersonFilters(LocaleParams):
    organisation: int | None = Field(None, ge=1, le=MAX_INTEGER)

    def apply(self, queryset: QuerySet) -> QuerySet:
        queryset = super().apply(queryset)
        if self.organisation is not None:
            queryset = queryset.filter(organisation_id=self.organisation)
        return queryset


class EventFilters(LocaleParams):
    kind: EventKind | None = None
    topic: str | None = None
    municipality: str | None = Field(None, description="The city of the venue.")

    def apply(self, queryset: QuerySet) -> QuerySet:
        queryset = super().apply(queryset)
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.topic:
            queryset = queryset.filter(topic=self.topic)
        if self.municipality:
            queryset = queryset.filter(city=self.municipality)
        return queryset


def _max_limit() -> int | None:
    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)


def paginate(request, queryset, pagination: PaginationParams, build) -> dict:
    limit_max = _max_limit()
    if limit_max is not None and pagination.limit > limit_max:
        raise HttpError(400, f"limit cannot be higher than {limit_max}")
    count = queryset.count()
    items = list(queryset[pagination.offset : pagination.offset + pagination.limit])
    return {"count": count, "items": [build(item) for item in items]}


def resource_router(resource: Resource, filters_class: type[LocaleParams]) -> Router:
    model, tag, schema, build = resource.model, resource.name, resource.schema, resource.build
    prefetch, ordering = resource.prefetch, resource.ordering
    router = Router(tags=[tag])
    auth = [BearerTokenAuth(), AllowAnonymous()]
    name = model._meta.model_name

    @router.get(
        "/",
        response=ListOut[schema],
        url_name=f"list_{tag}",
        summary=f"List {model._meta.verbose_name_plural}",
        operation_id=f"{tag}_list",
        auth=auth,
    )
    def list_view(
        request: HttpRequest,
        filters: filters_class = Query(...),  # noqa: B008
        search: CleanSearchSchema = Query(...),  # noqa: B008
        pagination: PaginationParams = Query(...),  # noqa: B008
    ):
        queryset = model.objects.prefetch_related(*prefetch).order_by(*ordering)
        queryset = filters.apply(queryset)
        queryset = search.search_queryset(request, queryset)
        return paginate(request, queryset, pagination, build)

    @router.get(
        "/{item_id}/",
        response=schema,
        url_name=f"detail_{name}",
        summary=f"{model._meta.verbose_name} detail",
        operation_id=f"{tag}_detail",
        auth=auth,
    )
    def detail_view(request: HttpRequest, item_id: int):
        obj = model.objects.prefetch_related(*prefetch).filter(pk=item_id).first()
        if obj is None:
            raise Http404(f"No {model._meta.object_name} matches the given query.")
        return build(obj)

    return router


organisations_router = resource_router(ORGANISATIONS, OrganisationFilters)
people_router = resource_router(PEOPLE, PersonFilters)
events_router = resource_router(EVENTS, EventFilters)
