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
    _install_parameter_error_handlers(api)
    from ..visibility import install_v3_rule

    install_v3_rule()
    _installed = True


def _install_parameter_error_handlers(api) -> None:
    """Wagtail's own pages endpoint passes ``?search=``, ``?locale=`` and ``?site=`` to the
    database as they are: an unpaired quote in a search (SQLite FTS5) or a NUL anywhere
    (PostgreSQL) is a database error there. Answer 400 when such a parameter is the cause;
    any other error is raised as before."""
    from django.db import DatabaseError
    from wagtail.api.v3.errors import problem_response

    from .v2 import needs_search_cleaning

    def search_error(request, exc):
        if any("\x00" in key + "".join(values) for key, values in request.GET.lists()):
            detail = "Query parameters cannot contain NUL characters."
        elif needs_search_cleaning(request.GET.get("search", "")):
            detail = "The search term cannot be used: remove quotes and control characters."
        else:
            raise exc
        return problem_response(status=400, detail=detail)

    for error in (DatabaseError, ValueError):
        api.add_exception_handler(error, search_error)
