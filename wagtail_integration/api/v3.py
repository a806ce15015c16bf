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


def install_typed_streams() -> None:
    """Type the package's StreamFields in API v3 by their block schemas (``content/blocks.py``).

    Wagtail types every StreamField ``list[Any]``; a stream block with a ``content_stream``
    gets the stream's discriminated union instead, resolved from the same builders as API v2.
    Must run before ``wagtail.api.v3.urls`` is imported: the page schemas are built then.
    Other StreamFields keep Wagtail's own schema.
    """
    from wagtail.api.v3.schemas.generators.read import read_generator, streamfield_schema
    from wagtail.fields import StreamField

    def typed_streamfield_schema(generator, field):
        stream = getattr(field.stream_block, "content_stream", None)
        if stream is None:
            return streamfield_schema(generator, field)
        name = field.name

        def resolve(obj, context: dict):
            return stream.build(getattr(obj, name), context)

        return stream.annotation, [], staticmethod(resolve)

    read_generator.register_field_schema(StreamField, typed_streamfield_schema)


def install_routers() -> None:
    global _installed
    if _installed or not apps.is_installed("wagtail.api.v3"):
        return
    try:
        install_typed_streams()
    except ImportError:  # Wagtail 7 has no API v3
        return
    api = get_api()
    if api is None:
        return
    from .v3_resources import events_router, organisations_router, people_router

    api.add_router("/organisations/", organisations_router)
    api.add_router("/people/", people_router)
    api.add_router("/events/", events_router)
    _install_parameter_error_handlers(api)
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
