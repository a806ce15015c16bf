"""API v3 headless preview (Wagtail 8 only): the unsaved page behind a preview token.

``GET /api/v3/page_preview/?content_type=app_label.model&token=…`` answers the page as the v3
page detail shows it (``PageDetailSchema``), for the content the editor previews
(``wagtail_integration.preview.store_preview``). Without a token: 401; an invalid, expired or
evicted token, or one of another page type: 404; a page never saved (no id, which every v3
page has): 404 naming the v2 preview. Never the live page in its place.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Router
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.routers.pages import PageDetailSchema

from ..preview import load_preview

preview_router = Router(tags=["pages"])


@preview_router.get(
    "/",
    response=PageDetailSchema,
    url_name="page_preview",
    summary="Headless preview of a page",
    operation_id="pages_preview",
    auth=[BearerTokenAuth(), AllowAnonymous()],
)
def page_preview(request: HttpRequest, content_type: str, token: str | None = None):
    if not token:
        return problem_response(status=401, detail="A preview token is required.")
    page = load_preview(content_type, token)
    if page is None:
        raise Http404("Preview not found or expired.")
    if page.pk is None:  # the v3 page schema requires an id
        raise Http404("This page was never saved: preview it with /api/v2/page_preview/.")
    return page
