"""What a page type's API representation loads follows from its API fields."""

from __future__ import annotations

from wagtail.api import APIField

from wagtail_integration.content import serializers as api
from wagtail_integration.content.objects import MEMBERSHIP_PREFETCH, PERSON_PREFETCH
from wagtail_integration.models import NetworkPage
from wagtail_integration.models.base import PAGE_API_FIELDS, ContactFields, related_prefetch


def test_a_related_field_loads_its_serializers_lookups_below_the_field():
    fields = [APIField("title"), APIField("press_contact", serializer=api.PersonField())]
    below = [f"press_contact__{lookup}" for lookup in PERSON_PREFETCH]
    assert related_prefetch(fields) == ["press_contact", *below]


def test_plain_and_whole_page_fields_load_nothing():
    assert related_prefetch([APIField("title"), APIField("body"), *PAGE_API_FIELDS]) == []


def test_a_page_type_loads_each_related_field_of_its_own():
    lookups = NetworkPage.api_prefetch_related
    assert lookups[: 1 + len(MEMBERSHIP_PREFETCH)] == [
        "memberships",
        *(f"memberships__{lookup}" for lookup in MEMBERSHIP_PREFETCH),
    ]
    assert "working_groups" in lookups
    assert set(ContactFields.contact_api_prefetch) <= set(lookups)
    assert "contact_person" in ContactFields.contact_api_prefetch
