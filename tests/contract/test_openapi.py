"""API v3's OpenAPI document as served: valid OpenAPI, errors and limits declared."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from openapi_spec_validator import validate

from wagtail_integration.api.http import MAX_INTEGER

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
    ),
]

PUBLIC_READS = [
    "/api/v3/pages/",
    "/api/v3/pages/find/",
    "/api/v3/pages/{page_id}/",
    "/api/v3/organisations/",
    "/api/v3/organisations/{item_id}/",
    "/api/v3/people/",
    "/api/v3/people/{item_id}/",
    "/api/v3/events/",
    "/api/v3/events/{item_id}/",
]


@pytest.fixture
def document(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def operations(document):
    for path, entries in document["paths"].items():
        for method, operation in entries.items():
            yield path, method, operation


def test_live_document_is_valid_openapi(document):
    validate(document)  # raises OpenAPIValidationError with the offending part


def test_public_reads_need_no_authentication(document):
    assert "AllowAnonymous" not in document["components"]["securitySchemes"]
    for path in PUBLIC_READS:
        security = document["paths"][path]["get"]["security"]
        assert {} in security, (path, security)
        assert {"BearerTokenAuth": []} in security, (path, security)


def test_every_operation_lists_its_problem_responses(document):
    assert "ProblemDetail" in document["components"]["schemas"]
    for path, method, operation in operations(document):
        responses = operation["responses"]
        for status in ("400", "401", "404", "422"):
            content = responses[status]["content"]
            assert "application/problem+json" in content, (method, path, status)
        if method == "get":
            assert "304" in responses, (method, path)
            assert "ETag" in responses["200"]["headers"], (method, path)
        else:
            assert "403" in responses, (method, path)


def test_find_declares_its_redirect(document):
    for path in ("/api/v3/pages/find/", "/api/v3/redirects/find/"):
        found = document["paths"][path]["get"]["responses"]["302"]
        assert "Location" in found["headers"]


def test_limits_are_declared(document, settings):
    for path, _method, operation in operations(document):
        for parameter in operation.get("parameters", []):
            if parameter["name"] == "limit":
                assert parameter["schema"]["maximum"] == getattr(
                    settings, "WAGTAILAPI_LIMIT_MAX", 20
                )
            elif parameter["name"] in ("offset", "organisation", "topic") or (
                parameter["in"] == "path" and parameter["schema"].get("type") == "integer"
            ):
                if parameter["schema"].get("type") == "integer":
                    assert parameter["schema"]["maximum"] == MAX_INTEGER, (path, parameter)


def test_limit_maximum_follows_the_setting(client, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 50
    document = json.loads(client.get("/api/v3/openapi.json").content)
    limit = next(
        p for p in document["paths"]["/api/v3/people/"]["get"]["parameters"] if p["name"] == "limit"
    )
    assert limit["schema"]["maximum"] == 50


def test_document_is_built_once_per_process_and_handed_out_as_a_copy(client):
    from wagtail_integration.api.v3 import get_api

    first = json.loads(client.get("/api/v3/openapi.json").content)
    documents = get_api().get_openapi_schema.documents
    built = {key: id(value) for key, value in documents.items()}
    second = json.loads(client.get("/api/v3/openapi.json").content)
    assert {key: id(value) for key, value in documents.items()} == built  # not built again
    assert second == first

    api = get_api()
    api.get_openapi_schema()["paths"].clear()  # a caller changing its copy
    assert api.get_openapi_schema()["paths"]
