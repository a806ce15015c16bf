"""Typed API output of the accessibility statement's structured parts (API v2 and v3).

The serializer fields carry their pydantic model as the return annotation, which API v3's
schema generator reads (see ``api/fields.py``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict
from rest_framework import serializers


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NonAccessibleItemOut(Out):
    content: str
    reason: str
    reason_label: str
    explanation: str
    alternative: str
    planned_fix: str


class EnforcementOut(Out):
    body: str
    name: str
    address: str
    email: str
    phone: str
    url: str


def dump(model: BaseModel | None) -> Any:
    return None if model is None else model.model_dump(mode="json")


def non_accessible_item_out(value) -> NonAccessibleItemOut:
    reasons = dict(value.block.child_blocks["reason"].field.choices)
    return NonAccessibleItemOut(
        content=value.get("content") or "",
        reason=value.get("reason") or "",
        reason_label=str(reasons.get(value.get("reason"), "")),
        explanation=value.get("explanation") or "",
        alternative=value.get("alternative") or "",
        planned_fix=value.get("planned_fix") or "",
    )


def enforcement_out(page) -> EnforcementOut:
    from .enforcement import body_for

    body = body_for(page)
    return EnforcementOut(
        body=page.enforcement_body,
        name=body.name,
        address=body.address,
        email=body.email,
        phone=body.phone,
        url=body.url,
    )


class NonAccessibleContentField(serializers.Field):
    """The statement's list of content that is not accessible, each with reason and
    alternative."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> list[NonAccessibleItemOut]:
        return [dump(non_accessible_item_out(block.value)) for block in value]


class EnforcementField(serializers.Field):
    """The conciliation body of the enforcement procedure, with its contact."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, value) -> EnforcementOut:
        return dump(enforcement_out(value))
