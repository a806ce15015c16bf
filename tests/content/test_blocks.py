"""Typed content: every StreamField is a list of block items discriminated by ``type``.

API v3's OpenAPI document types every property of the page detail, resource and block schemas
(no bare ``array`` or ``object``); API v2 and v3 answer the same stream JSON, built by the
same builders (``wagtail_integration/content/blocks.py``), and it validates against the typed
schema of its stream.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from pydantic import TypeAdapter
from wagtail.fields import StreamField

from wagtail_integration.content import blocks as typed

from .. import factories as f

pytestmark = pytest.mark.django_db

requires_api_v3 = pytest.mark.skipif(
    not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
)

# Operations whose answers the typing gate covers: the page detail and the package's resources.
TYPED_OPERATIONS = {
    "pages_detail",
    "organisations_list",
    "organisations_detail",
    "people_list",
    "people_detail",
    "events_list",
    "events_detail",
}


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _refs(node, found: set[str]) -> None:
    if isinstance(node, dict):
        if "$ref" in node:
            found.add(_ref_name(node["$ref"]))
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def untyped(prop: dict) -> bool:
    """An array without typed items, or an object without properties: ``any`` for a client."""
    for key in ("anyOf", "oneOf", "allOf"):
        if key in prop:
            alternatives = [alt for alt in prop[key] if alt.get("type") != "null"]
            return not alternatives or any(untyped(alt) for alt in alternatives)
    if "$ref" in prop or "const" in prop or "enum" in prop:
        return False
    kind = prop.get("type")
    if kind is None:
        return True
    if kind == "array":
        return not prop.get("items") or untyped(prop["items"])
    if kind == "object":
        extra = prop.get("additionalProperties")
        return not prop.get("properties") and not (isinstance(extra, dict) and not untyped(extra))
    return False


def reachable_schemas(document: dict) -> set[str]:
    """Component schemas reached from the responses of ``TYPED_OPERATIONS``."""
    components = document["components"]["schemas"]
    todo: set[str] = set()
    for path in document["paths"].values():
        for operation in path.values():
            if operation.get("operationId") in TYPED_OPERATIONS:
                _refs(operation.get("responses", {}).get("200", {}), todo)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        found: set[str] = set()
        _refs(components[name], found)
        todo |= found - seen
    return seen


def untyped_properties(document: dict) -> list[str]:
    components = document["components"]["schemas"]
    return sorted(
        f"{name}.{prop}"
        for name in reachable_schemas(document)
        for prop, schema in components[name].get("properties", {}).items()
        if untyped(schema)
    )


@requires_api_v3
def test_v3_openapi_has_no_untyped_property(client):
    document = client.get("/api/v3/openapi.json").json()
    reached = reachable_schemas(document)
    # The walk reaches page details, resources and blocks (a walk that reaches nothing passes).
    assert {"PressReleasePageSchema", "NetworkPageSchema", "EventOut", "TeamItem"} <= reached
    assert {"DocumentOut", "FundingOut", "ImageWithCreditOut", "OpeningHoursOut"} <= reached
    assert untyped_properties(document) == []


def test_gate_sees_an_untyped_stream():
    document = {
        "paths": {
            "/p/": {
                "get": {
                    "operationId": "pages_detail",
                    "responses": {
                        "200": {
                            "content": {"application/json": {"schema": {"$ref": "#/c/PageSchema"}}}
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "PageSchema": {
                    "type": "object",
                    "properties": {
                        "body": {"type": "array", "items": {}},
                        "title": {"type": "string"},
                        "meta": {"anyOf": [{"type": "object"}, {"type": "null"}]},
                    },
                }
            }
        },
    }
    assert untyped_properties(document) == ["PageSchema.body", "PageSchema.meta"]


@requires_api_v3
def test_v3_streams_are_discriminated_unions_of_block_items(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    body = schemas["PressReleasePageSchema"]["properties"]["body"]["items"]
    assert body["discriminator"]["propertyName"] == "type"
    assert set(body["discriminator"]["mapping"]) == set(typed.BODY.items)
    assert body["discriminator"]["mapping"]["team"].endswith("/TeamItem")
    media = schemas["PressReleasePageSchema"]["properties"]["media"]["items"]
    assert set(media["discriminator"]["mapping"]) == {"image", "document"}
    team = schemas["TeamOut"]["properties"]["members"]["items"]
    assert team["$ref"].endswith("/TeamMemberOut")
    assert schemas["HeadingItem"]["properties"]["type"]["const"] == "heading"


def _stream_fields(model) -> list[StreamField]:
    """Streams served as their stream's typed content. A stream with a typed serializer of
    its own (the statement's list of non-accessible content) answers that serializer's
    schema, which the OpenAPI walk above checks."""
    api_names = {field.name for field in model.api_fields if field.serializer is None}
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and field.name in api_names
    ]


@pytest.mark.parametrize(
    "model",
    [model for model in f.FULL_PAGE_BUILDERS if _stream_fields(model)],
    ids=lambda model: model.__name__,
)
def test_streams_answer_the_typed_schema_in_v2_and_v3(client, model):
    page = f.FULL_PAGE_BUILDERS[model]()
    fields = _stream_fields(model)
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()
    v3 = (
        client.get(f"/api/v3/pages/{page.pk}/").json()
        if apps.is_installed("wagtail.api.v3")
        else None
    )
    for field in fields:
        stream = field.stream_block.content_stream
        items = v2[field.name]
        # Extra or missing keys, a wrong type name or value: a validation error here.
        TypeAdapter(stream.annotation).validate_python(items)
        if v3 is not None:
            assert v3[field.name] == items, field.name
    assert any(v2[field.name] for field in fields), "the full page fills its streams"
