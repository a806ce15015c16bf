"""API v3 (Wagtail 8) router of the alert banners: ``api/v3/alerts/`` (``alerts/api.py``).

No ``from __future__ import annotations`` here: django-ninja reads the parameter types.
"""

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

from ..api.http import MAX_INTEGER
from ..api.v3_resources import LocaleParams
from .api import AlertListOut, AlertOut, ScopeError, detail, listing


class AlertParams(LocaleParams):
    page: int | None = Field(
        None, ge=1, le=MAX_INTEGER, description="The alerts shown on this page."
    )


def v3_router() -> Router:
    router = Router(tags=["alerts"])
    auth = [BearerTokenAuth(), AllowAnonymous()]

    @router.get(
        "/",
        response=AlertListOut,
        url_name="list_alerts",
        summary="Current alerts",
        operation_id="alerts_list",
        auth=auth,
    )
    def list_alerts(
        request: HttpRequest,
        response: HttpResponse,
        params: AlertParams = Query(...),  # noqa: B008
    ):
        try:
            body, cache_control = listing(params.page, params.locale)
        except ScopeError as e:
            raise HttpError(400, str(e)) from e
        response["Cache-Control"] = cache_control
        return body

    @router.get(
        "/{alert_id}/",
        response=AlertOut,
        url_name="detail_alert",
        summary="Alert detail",
        operation_id="alerts_detail",
        auth=auth,
    )
    def detail_alert(request: HttpRequest, response: HttpResponse, alert_id: int):
        body, cache_control = detail(alert_id)
        response["Cache-Control"] = cache_control
        return body

    return router
