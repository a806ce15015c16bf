"""Wagtail's pages served without i18n_patterns (as ``wagtail start`` writes them)."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("", include("wagtail_integration.urls")),
    path("", include(wagtail_urls)),
]
