"""The import's columns: German and English header names, one validator per column."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail_integration.models import Organisation
from wagtail_integration.organisations_io.columns import column_of, validate_column
from wagtail_integration.organisations_io.importing import plan_import

from .files import csv_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("PLZ", "postcode"),
        (" plz ", "postcode"),
        ("Postleitzahl", "postcode"),
        ("Strasse", "street"),
        ("E-Mail", "email"),
        ("Email", "email"),
        ("Telefon", "phone"),
        ("postcode", "postcode"),
        ("\ufeffName", "name"),
        ("Fax", None),
    ],
)
def test_header_names(header, column):
    assert column_of(header) == column


def test_german_and_english_name_of_one_column_is_a_doubled_column(locale_de):
    with translation.override("en"):
        plan = plan_import(csv_bytes([["Name", "name"], ["A", "A"]]), "x.csv", locale_de)
    assert [(e.column, e.message) for e in plan.errors] == [("name", "The column appears twice.")]


def test_unknown_column_lists_german_and_english_names(locale_de):
    plan = plan_import(csv_bytes([["Name", "Fax"], ["Verein", "1"]]), "x.csv", locale_de)
    (error,) = plan.errors
    assert error.column == "Fax"
    assert "PLZ (postcode)" in error.message and "Straße (street)" in error.message


def test_unknown_kind_lists_the_labels(locale_de):
    with translation.override("de"):
        plan = plan_import(csv_bytes([["Name", "Art"], ["Verein", "Klub"]]), "x.csv", locale_de)
    (error,) = plan.errors
    assert error.column == "kind"
    assert "Verein oder Verband (association)" in error.message


def test_column_validators_one_by_one():
    assert validate_column("kind", "") == Organisation.Kind.OTHER
    assert validate_column("kind", "Öffentliche Stelle") == Organisation.Kind.PUBLIC_BODY
    assert validate_column("kind", "PUBLIC BODY") == Organisation.Kind.PUBLIC_BODY
    assert validate_column("topics", "Sprache | sprache; Arbeit") == ["Sprache", "Arbeit"]
    assert validate_column("website", "example.org") == "https://example.org"
    for column, value in [
        ("website", "javascript:alert(1)"),
        ("email", "keine adresse"),
        ("postcode", "1" * 500),
        ("description", "x" * 10_001),
        ("topics", "x" * 500),
    ]:
        with pytest.raises(ValidationError):
            validate_column(column, value)
