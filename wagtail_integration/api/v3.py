"""API v3 (Wagtail 8): Wagtail's django-ninja API plus the package's resources.

``get_api()`` returns Wagtail's ``api`` object (None where API v3 is not available, e.g. on
Wagtail 7). ``install_routers()`` adds ``/organisations/``, ``/people/`` and ``/events/`` to it;
the app config calls it from ``ready()``, before any URLconf reads ``api.urls``, so a host that
mounts Wagtail's ``api`` itself gets them too.
"""

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


_installed = False


def install_routers() -> None:
    global _installed
    api = get_api()
    if api is None or _installed:
        return
    from .v3_resources import events_router, organisations_router, people_router

    api.add_router("/organisations/", organisations_router)
    api.add_router("/people/", people_router)
    api.add_router("/events/", events_router)
    _installed = True
