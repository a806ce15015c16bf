"""API v2 router: Wagtail's pages, images and documents endpoints.

A host with its own ``WagtailAPIRouter`` registers these endpoints on it instead of
including ``wagtail_integration.urls`` (see docs/install.md).
"""

from __future__ import annotations

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

ENDPOINTS = {
    "pages": PagesAPIViewSet,
    "images": ImagesAPIViewSet,
    "documents": DocumentsAPIViewSet,
}


def register_endpoints(router: WagtailAPIRouter) -> WagtailAPIRouter:
    for name, viewset in ENDPOINTS.items():
        router.register_endpoint(name, viewset)
    return router


router = register_endpoints(WagtailAPIRouter("wagtail_integration_api_v2"))
