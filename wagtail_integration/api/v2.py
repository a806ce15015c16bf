"""API v2 router: pages (prefetched per page type), the headless preview, images, documents,
and the package's own resources (``v2_resources.py``: organisations, people, events, alerts).

A host with its own ``WagtailAPIRouter`` registers these endpoints on it instead of
including ``wagtail_integration.urls`` (see docs/install.md).
"""

from __future__ import annotations

from django.http import Http404
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site

from ..content.loading import load_pages
from ..models.base import DETAIL_ONLY_API_FIELDS
from ..visibility import visible
from .cache import PageItemCache
from .v2_common import (
    CompactJSONMixin,
    RejectNulMixin,
    RichTextFormatMixin,
    _with_clean_search,
    is_id,
)
from .v2_resources import (
    AlertsAPIViewSet,
    EventsAPIViewSet,
    OrganisationsAPIViewSet,
    PeopleAPIViewSet,
    ResourceAPIViewSet,
)

__all__ = [
    "ENDPOINTS",
    "AlertsAPIViewSet",
    "EventsAPIViewSet",
    "IntegrationDocumentsAPIViewSet",
    "IntegrationImagesAPIViewSet",
    "IntegrationPagesAPIViewSet",
    "OrganisationsAPIViewSet",
    "PagePreviewAPIViewSet",
    "PeopleAPIViewSet",
    "ResourceAPIViewSet",
    "is_id",
    "register_endpoints",
    "router",
    "served_page",
]


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


class IntegrationPagesAPIViewSet(
    RejectNulMixin, RichTextFormatMixin, CompactJSONMixin, PagesAPIViewSet
):
    """Wagtail's pages endpoint with the package's prefetching for listings and details."""

    filter_backends = _with_clean_search(PagesAPIViewSet.filter_backends)
    # Fields that cost queries per page: in the detail only, never in listings.
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, *DETAIL_ONLY_API_FIELDS]

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
            # A listing shows data only; the detail's structured data asks images for more.
            listing = self.action == "listing_view"
            with load_pages(missing, data_only=listing) as prefetched:
                data = self.get_serializer(prefetched, many=True).data
            fresh = dict(zip(missing, data, strict=True))
            item_cache.set_many(fresh)
            cached.update((page.pk, item) for page, item in fresh.items())
        return [cached[page.pk] for page in pages]


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
    "alerts": AlertsAPIViewSet,
}


def register_endpoints(router: WagtailAPIRouter) -> WagtailAPIRouter:
    for name, viewset in ENDPOINTS.items():
        router.register_endpoint(name, viewset)
    return router


router = register_endpoints(WagtailAPIRouter("wagtail_integration_api_v2"))
