"""API v3 (Wagtail 8): Wagtail's django-ninja API plus the package's resources.

``get_api()`` returns Wagtail's ``api`` object (None where API v3 is not available, e.g. on
Wagtail 7). ``install_routers()`` adds ``/organisations/``, ``/people/`` and ``/events/`` to it;
the app config calls it from ``ready()``, before any URLconf reads ``api.urls``, so a host that
mounts Wagtail's ``api`` itself gets them too. It first types the package's StreamFields by
their block schemas (``install_typed_streams``) and routes the page detail through the shared
loading policy and item cache (``install_detail_loading``).
"""

from __future__ import annotations

import functools

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


def install_detail_loading() -> None:
    """Serve Wagtail's page detail (``pages_detail``) through the package's loading policy
    (``content.loading.load_pages``) and the API item cache (``api/cache.py``), as API v2 does.

    Wraps the view function of the router's template operation, which every mount of the
    router clones; the answer is what Wagtail's schema makes of the page, cached per page and
    request parameters for anonymous requests of the live version.
    """
    from ninja.operation import ResponseObject
    from wagtail.api.v3.routers.pages import router

    from ..content.loading import load_pages
    from .cache import PageItemCache

    operation = next(
        op
        for view in router.path_operations.values()
        for op in view.operations
        if op.operation_id == "pages_detail"
    )
    if getattr(operation.view_func, "_integration_loading", False):
        return
    get_page = operation.view_func

    def serialise(request, page) -> dict:
        response_model = operation.response_models[200]
        context = {"request": request, "response_status": 200}
        validated = response_model.model_validate(ResponseObject(page), context=context)
        return validated.model_dump(
            by_alias=operation.by_alias,
            exclude_unset=operation.exclude_unset,
            exclude_defaults=operation.exclude_defaults,
            exclude_none=operation.exclude_none,
            context=context,
        )["response"]

    @functools.wraps(get_page)
    def detail(request, page_id, version="live", rich_text_format=None):
        page = get_page(
            request, page_id=page_id, version=version, rich_text_format=rich_text_format
        )
        cacheable = version == "live" and not request.user.is_authenticated
        item_cache = PageItemCache(request, variant="v3:detail") if cacheable else None
        data = item_cache.get_many([page]).get(page.pk) if item_cache else None
        if data is None:
            with load_pages([page]):
                data = serialise(request, page)
            if item_cache:
                item_cache.set_many({page: data})
        return get_api().create_response(request, data, status=200)

    detail._integration_loading = True
    operation.view_func = detail


def install_routers() -> None:
    global _installed
    if _installed or not apps.is_installed("wagtail.api.v3"):
        return
    try:
        install_typed_streams()
        install_detail_loading()
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
    from .openapi import install_openapi_fixes

    install_openapi_fixes(api)
    from .round_trip import install_round_trip

    install_round_trip()
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

    from ..text import needs_search_cleaning
    from .http import MAX_INTEGER, too_large_parameter

    def search_error(request, exc):
        if any("\x00" in key + "".join(values) for key, values in request.GET.lists()):
            detail = "Query parameters cannot contain NUL characters."
        elif (name := too_large_parameter(request, {})) is not None:
            detail = f"{name} must be at most {MAX_INTEGER}"
        elif needs_search_cleaning(request.GET.get("search", "")):
            detail = "The search term cannot be used: remove quotes and control characters."
        else:
            raise exc
        return problem_response(status=400, detail=detail)

    for error in (DatabaseError, ValueError, OverflowError):
        api.add_exception_handler(error, search_error)
