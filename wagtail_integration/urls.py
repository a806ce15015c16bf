"""URLs the package serves outside page routes; include before Wagtail's catch-all."""

from django.urls import path

from . import press_preview, views
from .api.http import wrap_urls
from .api.v2 import router as api_v2_router
from .api.v3 import get_api
from .conf import integration_settings

urlpatterns = [
    path(
        "events/<int:pk>/calendar.ics",
        views.event_calendar,
        name="wagtail_integration_event_calendar",
    ),
    path(
        "calendar/page/<int:page_id>.ics",
        views.page_calendar,
        name="wagtail_integration_page_calendar",
    ),
    path(
        "people/<int:pk>/contact.vcf",
        views.person_vcard_view,
        name="wagtail_integration_person_vcard",
    ),
    path(
        "press-preview/<str:token>/",
        press_preview.press_preview,
        name="wagtail_integration_press_preview",
    ),
]

if integration_settings.API_V2_ENABLED:
    # Every API view bounded and cacheable (ETag, 304, Cache-Control): ``api/http.py``.
    urlpatterns.append(path("api/v2/", wrap_urls(api_v2_router.urls)))

_api_v3 = get_api() if integration_settings.API_V3_ENABLED else None
if _api_v3 is not None:
    urlpatterns.append(path("api/v3/", wrap_urls(_api_v3.urls)))
