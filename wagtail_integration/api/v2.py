"""API v2 router: pages (prefetched per page type), images, documents, and the package's own
resources (organisations, people, events).

A host with its own ``WagtailAPIRouter`` registers these endpoints on it instead of
including ``wagtail_integration.urls`` (see docs/install.md).
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from rest_framework import serializers
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Site
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from ..alerts import api as alerts_api
from ..content.loading import load_pages
from ..models import Alert, Event, Organisation, Person, Topic
from ..search import prefix_search
from ..text import search_terms
from ..visibility import visible
from . import schemas
from .cache import PageItemCache
from .http import MAX_INTEGER


def is_id(value: str) -> bool:
    """ASCII digits only (``str.isdigit`` also accepts "²", which ``int()`` refuses), and
    within a 64-bit database integer."""
    return value.isascii() and value.isdigit() and int(value) <= MAX_INTEGER


class _CleanedQuery:
    """A request whose ``GET`` has the search term cleaned; everything else delegated."""

    def __init__(self, request, query):
        self._wrapped = request
        self.GET = query

    def __getattr__(self, name):
        return getattr(self._wrapped, name)


class CleanSearchFilter(SearchFilter):
    """Wagtail's ``?search=`` filter, the term cleaned as the HTML search forms clean it."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            query = request.GET.copy()
            query["search"] = search_terms(query["search"])
            request = _CleanedQuery(request, query)
        return super().filter_queryset(request, queryset, view)


class RejectNulMixin:
    """400 for a NUL character in any query parameter: PostgreSQL refuses it in text (a 500
    from whichever filter passes it on: locale, site, municipality …)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if any("\x00" in key or "\x00" in value for key, value in _query_items(request.GET)):
            raise BadRequestError("query parameters cannot contain NUL characters")


def _query_items(query):
    return ((key, value) for key, values in query.lists() for value in values)


def _with_clean_search(backends) -> list:
    return [CleanSearchFilter if backend is SearchFilter else backend for backend in backends]


class CompactJSONMixin:
    """Compact JSON instead of Wagtail's ``indent=4``.

    Indenting makes ``json`` fall back to its pure-Python encoder: for a 50-page listing that
    is about a third of the response time. Clients wanting indentation send
    ``Accept: application/json; indent=4`` (DRF honours it).
    """

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context


def served_page(request, site, html_path: str):
    """The page ``site`` serves at ``html_path``, routed as the site routes it.

    The path is resolved by the URLconf in the language of its prefix (``i18n_patterns``:
    ``/en/press/…`` is the English translation), so every path a page answers 200 at finds
    it, translations included; a path that is not a Wagtail page URL finds nothing.
    """
    from urllib.parse import unquote

    from django.conf import settings
    from django.urls import Resolver404, resolve
    from django.utils import translation

    path = "/" + unquote(html_path).lstrip("/")
    if "\x00" in path or site is None:
        return None
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path if path.endswith("/") else path + "/")
        except Resolver404:
            return None
        if match.url_name != "wagtail_serve":
            return None
        served = match.kwargs.get("path", match.args[0] if match.args else "")
        try:
            page, _, _ = site.root_page.localized.specific.route(
                request, [component for component in served.split("/") if component]
            )
        except Http404:
            return None
    return page


class RichTextFormatMixin:
    """Rich text as display HTML unless ``?rich_text_format=`` (or the host's
    ``WAGTAILAPI_RICH_TEXT_FORMAT``) asks for another of Wagtail's formats."""

    def resolve_rich_text_format(self):
        from wagtail.api.rich_text import RichTextFormatError

        from ..content.blocks import rich_text_format

        try:
            return rich_text_format(self.request)
        except RichTextFormatError as exc:
            raise BadRequestError(str(exc)) from exc


class IntegrationPagesAPIViewSet(
    RejectNulMixin, RichTextFormatMixin, CompactJSONMixin, PagesAPIViewSet
):
    """Wagtail's pages endpoint with the package's prefetching for listings and details."""

    filter_backends = _with_clean_search(PagesAPIViewSet.filter_backends)

    def find_object(self, queryset, request):
        # Wagtail passes ``?id=`` to the database as it is: "abc" would be a 500.
        if "id" in request.GET and not is_id(request.GET["id"]):
            raise BadRequestError("id must be a page id (a positive whole number)")
        html_path = request.GET.get("html_path")
        if html_path:
            page = served_page(request, Site.find_for_request(request), html_path)
            if page is not None and queryset.filter(id=page.id).exists():
                return page
            return None
        return super().find_object(queryset, request)

    def get_base_queryset(self):
        # Wagtail 7 looks ``?site=`` up with ``Site.objects.get``: an unknown host or a port
        # that is not a number would be a 500 there.
        site = self.request.GET.get("site")
        if site is not None:
            hostname, _, port = site.partition(":")
            sites = Site.objects.filter(hostname=hostname)
            if port:
                if not is_id(port):
                    raise BadRequestError("the port in site must be a number")
                sites = sites.filter(port=int(port))
            if not sites.exists():
                raise BadRequestError(f"site {site!r} does not exist")
        return visible(super().get_base_queryset())

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        return self.get_paginated_response(self.serialise(list(self.paginate_queryset(queryset))))

    def detail_view(self, request, pk):
        return Response(self.serialise([self.get_object()])[0])

    def serialise(self, pages: list) -> list:
        """Serialised ``pages``, in order: cached items reused, the rest prefetched together."""
        item_cache = PageItemCache(self.request, variant=self.action)
        cached = item_cache.get_many(pages)
        missing = [page for page in pages if page.pk not in cached]
        if missing:
            with load_pages(missing) as prefetched:
                data = self.get_serializer(prefetched, many=True).data
            fresh = dict(zip(missing, data, strict=True))
            item_cache.set_many(fresh)
            cached.update((page.pk, item) for page, item in fresh.items())
        return [cached[page.pk] for page in pages]


class SchemaSerializer(serializers.BaseSerializer):
    """Serialises a snippet with its pydantic builder (``build`` set by the endpoint)."""

    def to_representation(self, instance):
        return schemas.dump(self.context["view"].build(instance))


class ResourceAPIViewSet(RejectNulMixin, CompactJSONMixin, BaseAPIViewSet):
    """List and detail endpoint of one snippet type; every row is published (no drafts).

    Filters are validated: an unknown value answers 400, never an empty 200 or a 500.
    """

    build = None  # the pydantic builder, e.g. schemas.organisation_out
    prefetch: tuple[str, ...] = ()
    filter_fields: tuple[str, ...] = ()
    known_query_parameters = frozenset(["limit", "offset", "search", "locale", "format", "_"])
    ordering: tuple[str, ...] = ("pk",)
    search_ordering: tuple[str, ...] = ()  # indexed FilterFields; empty: by relevance

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
            from django.http import Http404

            raise Http404 from None


def choice_filter(name, choices, params) -> str | None:
    value = params.get(name)
    if value is not None and value not in choices:
        raise BadRequestError(f"{name} must be one of: {', '.join(choices)}")
    return value


class OrganisationsAPIViewSet(ResourceAPIViewSet):
    model = Organisation
    name = "organisations"
    build = staticmethod(schemas.organisation_out)
    prefetch = schemas.ORGANISATION_PREFETCH
    filter_fields = ("kind", "municipality", "topic")
    ordering = ("sort_key", "pk")
    search_ordering = ("sort_key",)

    def apply_filters(self, queryset, params):
        queryset = super().apply_filters(queryset, params)
        kind = choice_filter("kind", Organisation.Kind.values, params)
        if kind:
            queryset = queryset.filter(kind=kind)
        if params.get("municipality"):
            queryset = queryset.filter(municipality=params["municipality"])
        topic = params.get("topic")
        if topic is not None:
            if not is_id(topic):
                raise BadRequestError("topic must be a topic id")
            keys = Topic.objects.filter(pk=int(topic)).values("translation_key")
            queryset = queryset.filter(
                pk__in=Organisation.topics.through.objects.filter(
                    Q(topic__translation_key__in=keys)
                ).values("organisation_id")
            )
        return queryset


class PeopleAPIViewSet(ResourceAPIViewSet):
    model = Person
    name = "people"
    build = staticmethod(schemas.person_out)
    prefetch = schemas.PERSON_PREFETCH
    filter_fields = ("organisation",)
    ordering = ("last_name", "first_name", "pk")

    def apply_filters(self, queryset, params):
        queryset = super().apply_filters(queryset, params)
        organisation = params.get("organisation")
        if organisation is not None:
            if not is_id(organisation):
                raise BadRequestError("organisation must be an organisation id")
            queryset = queryset.filter(organisation_id=int(organisation))
        return queryset


class EventsAPIViewSet(ResourceAPIViewSet):
    model = Event
    name = "events"
    build = staticmethod(schemas.event_out)
    prefetch = schemas.EVENT_PREFETCH
    filter_fields = ("kind", "topic", "municipality")
    ordering = ("start_date", "start_time", "pk")

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


class _UnsavedPageRouter:
    """The API router, with ``detail_url`` null for a page that is not saved yet."""

    def __init__(self, router):
        self._router = router

    def __getattr__(self, name):
        return getattr(self._router, name)

    def get_object_detail_urlpath(self, model, pk, *args, **kwargs):
        if pk is None:
            return None
        return self._router.get_object_detail_urlpath(model, pk, *args, **kwargs)


class PagePreviewAPIViewSet(RejectNulMixin, RichTextFormatMixin, PagesAPIViewSet):
    """The previewed page of a headless preview token (``wagtail_integration/preview.py``).

    ``GET page_preview/?content_type=app_label.model&token=...`` answers the same JSON as the
    page detail, for the unsaved content the editor previews; a missing parameter answers
    400, an invalid or expired token 404.
    """

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["content_type", "token"])

    def listing_view(self, request):
        self.action = "detail_view"  # serialise with all detail fields
        page = self.get_object()
        return Response(self.get_serializer(page).data)

    def detail_view(self, request, pk):
        raise Http404

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["router"] = _UnsavedPageRouter(context["router"])
        return context

    def get_object(self):
        if not hasattr(self, "_preview_page"):
            from ..preview import load_preview

            params = self.request.GET
            self.check_query_parameters(self.get_queryset())
            if not params.get("content_type") or not params.get("token"):
                raise BadRequestError("content_type and token are required")
            page = load_preview(params["content_type"], params["token"])
            if page is None:
                raise Http404("preview not found or expired")
            self._preview_page = page
        return self._preview_page


class IntegrationImagesAPIViewSet(RejectNulMixin, ImagesAPIViewSet):
    filter_backends = _with_clean_search(ImagesAPIViewSet.filter_backends)


class IntegrationDocumentsAPIViewSet(RejectNulMixin, DocumentsAPIViewSet):
    filter_backends = _with_clean_search(DocumentsAPIViewSet.filter_backends)


ENDPOINTS = {
    "pages": IntegrationPagesAPIViewSet,  # first: the detail URLs of pages point here
    "page_preview": PagePreviewAPIViewSet,
    "images": IntegrationImagesAPIViewSet,
    "documents": IntegrationDocumentsAPIViewSet,
    "organisations": OrganisationsAPIViewSet,
    "people": PeopleAPIViewSet,
    "events": EventsAPIViewSet,
}


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


ENDPOINTS["alerts"] = AlertsAPIViewSet


def register_endpoints(router: WagtailAPIRouter) -> WagtailAPIRouter:
    for name, viewset in ENDPOINTS.items():
        router.register_endpoint(name, viewset)
    return router


router = register_endpoints(WagtailAPIRouter("wagtail_integration_api_v2"))
