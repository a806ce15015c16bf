"""API v2 endpoints of the package's snippets: organisations, people, events, alerts.

Every row is published (snippets have no drafts); filters are validated, so an unknown value
answers 400, never an empty 200 or a 500.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from rest_framework import serializers
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from ..alerts import api as alerts_api
from ..models import Alert, Event, Organisation, Topic
from ..search import prefix_search
from ..text import search_terms
from . import schemas
from .directory import UNKNOWN_DIRECTORY, directory_organisations
from .resources import EVENTS, ORGANISATIONS, PEOPLE, Resource
from .v2_common import CompactJSONMixin, RejectNulMixin, is_id


class SchemaSerializer(serializers.BaseSerializer):
    """Serialises a snippet with its pydantic builder (``build`` set by the endpoint)."""

    def to_representation(self, instance):
        return schemas.dump(self.context["view"].build(instance))


class ResourceAPIViewSet(RejectNulMixin, CompactJSONMixin, BaseAPIViewSet):
    """List and detail endpoint of one snippet type; every row is published (no drafts).

    Filters are validated: an unknown value answers 400, never an empty 200 or a 500.
    """

    resource: Resource  # model, name, builder, prefetching and order, shared with v3
    filter_fields: tuple[str, ...] = ()
    known_query_parameters = frozenset(["limit", "offset", "search", "locale", "format", "_"])
    search_ordering: tuple[str, ...] = ()  # indexed FilterFields; empty: by relevance

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Wagtail's viewset machinery reads ``model`` and ``name`` as class attributes.
        resource = getattr(cls, "resource", None)
        if resource is None:
            return
        cls.model, cls.name = resource.model, resource.name
        cls.build = staticmethod(resource.build)
        cls.prefetch, cls.ordering = resource.prefetch, resource.ordering

    def get_serializer_class(self):
        return SchemaSerializer

    def get_serializer_context(self):
        return {"request": self.request, "view": self}

    def get_queryset(self):
        return self.model.objects.all().order_by(*self.ordering)

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET) - self.known_query_parameters - set(self.filter_fields)
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(unknown))
            )

    def apply_filters(self, queryset, params):
        locale = params.get("locale")
        if locale is not None:
            try:
                queryset = queryset.filter(locale=Locale.objects.get(language_code=locale))
            except Locale.DoesNotExist as e:
                raise BadRequestError(f"locale {locale!r} does not exist") from e
        return queryset

    def filter_queryset(self, queryset):
        queryset = self.apply_filters(queryset, self.request.GET)
        query = search_terms(self.request.GET.get("search", ""))
        if query:
            try:
                # Words starting with the query's words, as the site's search forms find them.
                if self.search_ordering:  # indexed order (as the directory page searches)
                    return prefix_search(queryset.order_by(*self.search_ordering), query)
                return prefix_search(queryset.order_by(), query, order_by_relevance=True)
            except (FilterFieldError, OrderByFieldError) as e:
                raise BadRequestError(str(e)) from e
        return queryset

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        objects = list(self.paginate_queryset(queryset))
        from django.db.models import prefetch_related_objects

        prefetch_related_objects(objects, *self.prefetch)
        data = [schemas.dump(type(self).build(obj)) for obj in objects]
        return self.get_paginated_response(data)

    def detail_view(self, request, pk):
        instance = self.get_object()
        return Response(schemas.dump(type(self).build(instance)))

    def get_object(self):
        queryset = self.model.objects.prefetch_related(*self.prefetch)
        try:
            return queryset.get(pk=self.kwargs["pk"])
        except self.model.DoesNotExist:
            raise Http404 from None


def choice_filter(name, choices, params) -> str | None:
    value = params.get(name)
    if value is not None and value not in choices:
        raise BadRequestError(f"{name} must be one of: {', '.join(choices)}")
    return value


def id_filter(name, what, params) -> int | None:
    """The id ``params`` give for ``name``, or None; anything but an id answers 400."""
    value = params.get(name)
    if value is not None and not is_id(value):
        raise BadRequestError(f"{name} must be {what}")
    return None if value is None else int(value)


class OrganisationsAPIViewSet(ResourceAPIViewSet):
    resource = ORGANISATIONS
    filter_fields = ("kind", "municipality", "topic", "directory")
    search_ordering = ("sort_key",)

    def apply_filters(self, queryset, params):
        queryset = super().apply_filters(queryset, params)
        directory = id_filter("directory", "a page id", params)
        if directory is not None:
            listed = directory_organisations(directory)
            if listed is None:
                raise Http404(UNKNOWN_DIRECTORY)
            queryset = queryset.filter(pk__in=listed.values("pk"))
        kind = choice_filter("kind", Organisation.Kind.values, params)
        if kind:
            queryset = queryset.filter(kind=kind)
        if params.get("municipality"):
            queryset = queryset.filter(municipality=params["municipality"])
        topic = id_filter("topic", "a topic id", params)
        if topic is not None:
            keys = Topic.objects.filter(pk=topic).values("translation_key")
            queryset = queryset.filter(
                pk__in=Organisation.topics.through.objects.filter(
                    Q(topic__translation_key__in=keys)
                ).values("organisation_id")
            )
        return queryset


class PeopleAPIViewSet(ResourceAPIViewSet):
    resource = PEOPLE
    filter_fields = ("organisation",)

    def apply_filters(self, queryset, params):
        queryset = super().apply_filters(queryset, params)
        organisation = id_filter("organisation", "an organisation id", params)
        if organisation is not None:
            queryset = queryset.filter(organisation_id=organisation)
        return queryset


class EventsAPIViewSet(ResourceAPIViewSet):
    resource = EVENTS
    filter_fields = ("kind", "topic", "municipality")

    def apply_filters(self, queryset, params):
        queryset = super().apply_filters(queryset, params)
        kind = choice_filter("kind", Event.Kind.values, params)
        if kind:
            queryset = queryset.filter(kind=kind)
        if params.get("topic"):
            queryset = queryset.filter(topic=params["topic"])
        if params.get("municipality"):
            queryset = queryset.filter(city=params["municipality"])
        return queryset


class AlertsAPIViewSet(RejectNulMixin, CompactJSONMixin, BaseAPIViewSet):
    """API v2: ``alerts/`` (``?page=``, ``?locale=``) and ``alerts/<id>/``."""

    model = Alert
    known_query_parameters = frozenset(["page", "locale", "format", "_"])

    def check_query_parameters(self, queryset=None):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(unknown))
            )

    def listing_view(self, request):
        self.check_query_parameters()
        page_id = request.GET.get("page")
        if page_id is not None and not is_id(page_id):
            raise BadRequestError("page must be a positive integer")
        try:
            body, cache_control = alerts_api.listing(
                int(page_id) if page_id is not None else None, request.GET.get("locale")
            )
        except alerts_api.ScopeError as e:
            raise BadRequestError(str(e)) from e
        response = Response(body.model_dump(mode="json"))
        response["Cache-Control"] = cache_control
        return response

    def detail_view(self, request, pk):
        self.check_query_parameters()
        body, cache_control = alerts_api.detail(int(pk))
        response = Response(body.model_dump(mode="json"))
        response["Cache-Control"] = cache_control
        return response
