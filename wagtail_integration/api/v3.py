"""API v3 (Wagtail 8): Wagtail's django-ninja API plus the package's resources.

``get_api()`` returns Wagtail's ``api`` object (None where API v3 is not available, e.g. on
Wagtail 7). ``install_routers()`` adds ``/organisations/``, ``/people/`` and ``/events/`` to it;
the app config calls it from ``ready()``, before any URLconf reads ``api.urls``, so a host that
mounts Wagtail's ``api`` itself gets them too. It first types the package's StreamFields by
their block schemas (``install_typed_streams``) and routes the page detail through the shared
loading policy and item cache (``install_detail_loading``), answers the page listing with
listing cards through the same loading and cache (``v3_listing.py``), lets ``pages/find/``
find pages at every path they are served at (``install_find_by_served_path``), shows the
package's rich text as display HTML by default, and adds ``/page_preview/``
(``v3_preview.py``).
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
    install_rich_text_default(read_generator)


def install_rich_text_default(read_generator) -> None:
    """The package's RichTextFields as display HTML unless ``?rich_text_format=`` asks
    otherwise (``content.blocks.rich_text_format``); other apps' fields keep Wagtail's
    default. The schema (``str | None`` with its features) stays Wagtail's."""
    from wagtail.api.v3.schemas.generators.read import rich_text_schema
    from wagtail.fields import RichTextField

    from ..content.blocks import rich_text_format

    def package_rich_text_schema(generator, field):
        annotation, default, resolve = rich_text_schema(generator, field)
        if field.model._meta.app_label != "wagtail_integration":
            return annotation, default, resolve
        name, features = field.name, field.features

        def resolve_html(obj, context: dict):
            from wagtail.api.rich_text import APIRichText

            value = getattr(obj, name)
            if value is None:
                return None
            fmt = rich_text_format(context.get("request"))
            return APIRichText.serialize(value, format=fmt, features=features)

        return annotation, default, staticmethod(resolve_html)

    read_generator.register_field_schema(RichTextField, package_rich_text_schema)


def pages_operation(operation_id: str):
    """The operation of Wagtail's pages router with this id (every mount clones it)."""
    from wagtail.api.v3.routers.pages import router

    return next(
        op
        for view in router.path_operations.values()
        for op in view.operations
        if op.operation_id == operation_id
    )


def install_detail_loading() -> None:
    """Serve Wagtail's page detail (``pages_detail``) through the package's loading policy
    (``content.loading.load_pages``) and the API item cache (``api/cache.py``), as API v2 does.

    Wraps the view function of the router's template operation, which every mount of the
    router clones; the answer is what Wagtail's schema makes of the page, cached per page and
    request parameters for anonymous requests of the live version.
    """
    from ninja.operation import ResponseObject

    from ..content.loading import load_pages
    from .cache import PageItemCache

    operation = pages_operation("pages_detail")
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


def install_find_by_served_path() -> None:
    """``pages/find/?html_path=`` finds a page at every path the site serves it at,
    translations included (``api.v2.served_page``); Wagtail's own routing only knows the
    default language's tree. Then Wagtail's view redirects by id, with its checks."""
    from wagtail.api.v3.querysets import get_pages_queryset
    from wagtail.api.validators import SiteFilterValidator

    from .v2 import served_page

    operation = pages_operation("pages_find")
    if getattr(operation.view_func, "_integration_find", False):
        return
    find_page = operation.view_func

    @functools.wraps(find_page)
    def find(request, id=None, html_path=None, site=None, version="live"):
        if html_path:
            site_obj = SiteFilterValidator(site=site, request=request).site_obj
            page = served_page(request, site_obj, html_path)
            if page is not None and get_pages_queryset(request).filter(id=page.id).exists():
                id = page.pk
        return find_page(request, id=id, html_path=None, site=site, version=version)

    find._integration_find = True
    operation.view_func = find


def install_routers() -> None:
    global _installed
    if _installed or not apps.is_installed("wagtail.api.v3"):
        return
    try:
        install_typed_streams()
        install_detail_loading()
        from .v3_listing import install_listing_cards

        install_listing_cards(pages_operation("pages_list"), get_api)
        install_find_by_served_path()
    except ImportError:  # Wagtail 7 has no API v3
        return
    api = get_api()
    if api is None:
        return
    from .v3_resources import events_router, organisations_router, people_router

    api.add_router("/organisations/", organisations_router)
    api.add_router("/people/", people_router)
    api.add_router("/events/", events_router)
    from .v3_preview import preview_router

    api.add_router("/page_preview/", preview_router)

    from ..alerts.api_v3 import v3_router

    api.add_router("/alerts/", v3_router())
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
