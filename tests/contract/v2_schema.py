"""A minimal OpenAPI description of the package's API v2 resources (organisations, people,
events: listing and detail), for schemathesis. API v2 has no OpenAPI document of its own.

Built from what the endpoints use, so it cannot drift from what they serve: the response
items are the endpoints' own pydantic schemas (``build``'s return type), the query
parameters their ``filter_fields`` (``test_schemathesis_v2.py`` checks that each endpoint
accepts exactly these), the bounds those of ``api/http.py`` and ``WAGTAILAPI_LIMIT_MAX``.
"""

from __future__ import annotations

import typing

from django.conf import settings
from pydantic.json_schema import models_json_schema
from wagtail.models import Locale

from wagtail_integration.api.http import MAX_INTEGER
from wagtail_integration.api.openapi import _local_times
from wagtail_integration.api.v2 import EventsAPIViewSet, OrganisationsAPIViewSet, PeopleAPIViewSet
from wagtail_integration.models import Event, Organisation

ENDPOINTS = {
    "organisations": OrganisationsAPIViewSet,
    "people": PeopleAPIViewSet,
    "events": EventsAPIViewSet,
}
# Query text never holds NUL (400: PostgreSQL refuses it in text).
TEXT = {"type": "string", "pattern": "^[^\\x00]*$"}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER}
# Filters by id accept 0 (nothing has it: an empty listing, or 404 for ``directory``).
FILTER_ID = {"type": "integer", "minimum": 0, "maximum": MAX_INTEGER}
MESSAGE = {
    "type": "object",
    "properties": {"message": {"type": "string"}},
    "required": ["message"],
}


def filter_schemas() -> dict[str, dict[str, dict]]:
    """The type of each filter of each endpoint."""
    return {
        "organisations": {
            "kind": {"type": "string", "enum": list(Organisation.Kind.values)},
            "municipality": TEXT,
            "topic": FILTER_ID,
            "directory": FILTER_ID,
        },
        "people": {"organisation": FILTER_ID},
        "events": {
            "kind": {"type": "string", "enum": list(Event.Kind.values)},
            "topic": TEXT,
            "municipality": TEXT,
        },
    }


def item_schema(viewset) -> type:
    return typing.get_type_hints(viewset.build)["return"].__args__[0]  # "X | None" -> X


def _query(name: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema}


def _errors(*statuses: int, html_404: bool = False) -> dict:
    errors = {
        str(status): {
            "description": "Error",
            "content": {"application/json": {"schema": MESSAGE}},
        }
        for status in statuses
    }
    if html_404:  # a path whose id is not a number matches no API route: the site's 404 page
        errors["404"]["content"]["text/html"] = {"schema": {"type": "string"}}
    return errors


def v2_schema() -> dict:
    models = [(item_schema(viewset), "serialization") for viewset in ENDPOINTS.values()]
    refs, definitions = models_json_schema(models, ref_template="#/components/schemas/{model}")
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    paging = [
        # Wagtail's v2 pagination answers limit=0 with an empty page of items.
        _query("limit", {"type": "integer", "minimum": 0, "maximum": limit_max}),
        _query("offset", {"type": "integer", "minimum": 0, "maximum": MAX_INTEGER}),
        _query("search", TEXT),
        _query(
            "locale",
            {
                "type": "string",
                "enum": sorted(Locale.objects.values_list("language_code", flat=True)),
            },
        ),
    ]
    paths = {}
    for name, viewset in ENDPOINTS.items():
        item = refs[(item_schema(viewset), "serialization")]
        filters = [_query(key, value) for key, value in filter_schemas()[name].items()]
        paths[f"/api/v2/{name}/"] = {
            "get": {
                "operationId": f"v2_{name}_list",
                "parameters": paging + filters,
                "responses": {
                    "200": {
                        "description": "A page of the listing",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "meta": {
                                            "type": "object",
                                            "properties": {"total_count": {"type": "integer"}},
                                            "required": ["total_count"],
                                        },
                                        "items": {"type": "array", "items": item},
                                    },
                                    "required": ["meta", "items"],
                                }
                            }
                        },
                    },
                    **_errors(400, 404),
                },
            }
        }
        paths[f"/api/v2/{name}/{{id}}/"] = {
            "get": {
                "operationId": f"v2_{name}_detail",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": ID}],
                "responses": {
                    "200": {
                        "description": "One item",
                        "content": {"application/json": {"schema": item}},
                    },
                    **_errors(400, 404, html_404=True),
                },
            }
        }
    components = definitions.get("$defs", {})
    _local_times(components)  # as the v3 document declares times of day
    return {
        "openapi": "3.1.0",
        "info": {"title": "wagtail_integration API v2 (the package's resources)", "version": "2"},
        "paths": paths,
        "components": {"schemas": components},
    }
