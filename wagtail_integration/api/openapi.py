"""API v3's OpenAPI document, completed so that validators and generated clients can trust it.

django-ninja documents only the 2xx answer of each operation and Wagtail's ``AllowAnonymous``
as an ``http`` scheme without ``scheme`` (invalid OpenAPI 3.1, and it reads as "needs auth").
``install_openapi_fixes(api)`` post-processes the generated document:

- anonymous access is the empty security requirement ``{}`` (auth optional);
- every operation lists its errors as ``application/problem+json`` (``ProblemDetail``):
  400, 401, 404, 422 (403 on writes), ``find``'s 302 with its ``Location``, and a GET's 304;
- ``limit`` declares ``WAGTAILAPI_LIMIT_MAX`` as its maximum, integer ids and offsets the
  64-bit maximum ``api/http.py`` enforces;
- a GET's 200 declares the caching headers ``api/http.py`` sets;
- times of day are local times, declared by a pattern (JSON Schema's ``time`` needs an offset).
"""

from __future__ import annotations

import copy

from django.conf import settings

from .http import INTEGER_PARAMETERS, MAX_INTEGER

ANONYMOUS = "AllowAnonymous"
PROBLEM_REF = {"$ref": "#/components/schemas/ProblemDetail"}
PROBLEM_SCHEMA = {
    "title": "ProblemDetail",
    "description": "An RFC 9457 problem: what went wrong, for people and programs.",
    "type": "object",
    "properties": {
        "type": {"type": "string", "title": "Type"},
        "title": {"type": "string", "title": "Title"},
        "status": {"type": "integer", "title": "Status"},
        "detail": {"type": "string", "title": "Detail"},
        "errors": {
            "type": "array",
            "title": "Errors",
            "items": {"type": "object", "additionalProperties": True},
        },
    },
    "required": ["type", "title", "status"],
}
ERRORS = {
    "400": "The query cannot be answered: a parameter is malformed, unknown or out of range.",
    "401": "Authentication required: this needs a valid bearer token.",
    "404": "Nothing matches the given path or id.",
    "422": "Validation failed: see `errors` for each offending parameter or field.",
}
WRITE_ERRORS = {"403": "The token's user lacks the permission this needs."}
CACHE_HEADERS = {
    "ETag": "A hash of the body: send it back in If-None-Match to get a 304.",
    "Last-Modified": "When this answer last changed: send it back in If-Modified-Since.",
    "Cache-Control": "How long a browser or edge cache may reuse the answer.",
    "Vary": "Request headers the answer depends on.",
}


def _problem(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": PROBLEM_REF}},
    }


def _fix_security(operation: dict) -> None:
    security = operation.get("security")
    if security:
        operation["security"] = [{} if ANONYMOUS in item else item for item in security]


def _content_languages() -> list[str]:
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    return [code for code, _name in languages]


def _text_parameter(parameter: dict) -> None:
    """Text in a query never holds NUL (400/422: PostgreSQL refuses it); a ``locale`` is one
    of the content languages."""
    schema = parameter.get("schema", {})
    alternatives = schema.get("anyOf", [schema])
    for alternative in alternatives:
        if alternative.get("type") != "string" or "enum" in alternative:
            continue
        if parameter["name"] == "locale":
            alternative["enum"] = _content_languages()
        elif parameter["name"] != "search":  # a search term is cleaned of NUL, not refused
            alternative.setdefault("pattern", "^[^\\u0000]*$")


def _bound_parameters(operation: dict, limit_max: int | None) -> None:
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "query":
            _text_parameter(parameter)
        schema = parameter.get("schema", {})
        if schema.get("type") != "integer" or "maximum" in schema:
            continue
        if parameter["name"] == "limit":
            if limit_max is not None:
                schema["maximum"] = limit_max
        elif parameter["in"] == "path" or parameter["name"] in INTEGER_PARAMETERS:
            schema["maximum"] = MAX_INTEGER


def _add_responses(path: str, method: str, operation: dict) -> None:
    # django-ninja keys responses by int; JSON has strings: one key per status.
    responses = {str(status): value for status, value in operation.get("responses", {}).items()}
    operation["responses"] = responses
    errors = dict(ERRORS)
    if method != "get":
        errors.update(WRITE_ERRORS)
    for status, description in errors.items():
        responses.setdefault(status, _problem(description))
    if method != "get":
        return
    ok = responses.get("200")
    if ok is not None:
        headers = ok.setdefault("headers", {})
        for name, description in CACHE_HEADERS.items():
            headers.setdefault(name, {"description": description, "schema": {"type": "string"}})
    responses.setdefault(
        "304", {"description": "Not modified: the ETag or Last-Modified sent still holds."}
    )
    if path.endswith("/find/"):
        # ``find`` redirects to the page's detail URL; its 200 is what following it gives.
        responses["302"] = {
            "description": "Found: the page's detail URL, with the other query parameters.",
            "headers": {
                "Location": {
                    "description": "The detail URL.",
                    "schema": {"type": "string", "format": "uri-reference"},
                }
            },
        }


TIME_PATTERN = r"^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"


def _local_times(node) -> None:
    """Times of day are local wall-clock times ("09:30:00"); JSON Schema's ``time`` format
    demands a UTC offset, so validators would reject every event: declare a pattern."""
    if isinstance(node, dict):
        if node.get("format") == "time":
            del node["format"]
            node["pattern"] = TIME_PATTERN
            node.setdefault("description", "Local time of day (the site's time zone).")
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


def complete_schema(schema: dict) -> dict:
    components = schema.setdefault("components", {})
    components.get("securitySchemes", {}).pop(ANONYMOUS, None)
    components.setdefault("schemas", {}).setdefault("ProblemDetail", PROBLEM_SCHEMA)
    _local_times(components)
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            _fix_security(operation)
            _bound_parameters(operation, limit_max)
            _add_responses(path, method, operation)
    return schema


def install_openapi_fixes(api) -> None:
    """Complete the generated document, and keep it per process.

    Building it walks every pydantic schema and takes seconds; it changes only with the code
    and with ``WAGTAILAPI_LIMIT_MAX``, which is part of the key. Callers get a copy.
    """
    generate = api.get_openapi_schema
    documents: dict[str, dict] = {}

    def get_openapi_schema(*args, **kwargs):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        key = repr((args, sorted(kwargs.items()), limit_max))
        if key not in documents:
            documents[key] = complete_schema(generate(*args, **kwargs))
        return copy.deepcopy(documents[key])

    get_openapi_schema.documents = documents
    api.get_openapi_schema = get_openapi_schema
