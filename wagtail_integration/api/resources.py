"""The snippet resources both API versions serve, each declared once: model, endpoint
name, typed output, prefetching and order (v2: ``v2_resources.py``, v3: ``v3_resources.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from pydantic import BaseModel

from ..content.objects import (
    EVENT_PREFETCH,
    ORGANISATION_PREFETCH,
    PERSON_PREFETCH,
    EventOut,
    OrganisationOut,
    PersonOut,
    event_out,
    organisation_out,
    person_out,
)
from ..models import Event, Organisation, Person


@dataclass(frozen=True)
class Resource:
    model: type[models.Model]
    name: str  # the URL segment, the v3 tag
    schema: type[BaseModel]
    build: Callable[[Any], BaseModel | None]
    prefetch: tuple[Any, ...]
    ordering: tuple[str, ...]  # ends with "pk": pages never overlap


ORGANISATIONS = Resource(
    Organisation,
    "organisations",
    OrganisationOut,
    organisation_out,
    ORGANISATION_PREFETCH,
    ("sort_key", "pk"),
)
PEOPLE = Resource(
    Person, "people", PersonOut, person_out, PERSON_PREFETCH, ("last_name", "first_name", "pk")
)
EVENTS = Resource(
    Event, "events", EventOut, event_out, EVENT_PREFETCH, ("start_date", "start_time", "pk")
)
