"""API v3 (Wagtail 8): Wagtail's django-ninja API, or None where it is not available."""

from __future__ import annotations

from django.apps import apps


def get_api():
    if not apps.is_installed("wagtail.api.v3"):
        return None
    try:
        from wagtail.api.v3.urls import api
    except ImportError:  # Wagtail 7 has no API v3
        return None
    return api
