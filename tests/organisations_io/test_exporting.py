"""Exporting organisations as CSV and XLSX: what the import reads back unchanged."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from wagtail_integration.models import Organisation
from wagtail_integration.organisations_io.columns import COLUMNS

from .. import factories as f
from .files import run_import

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_export_then_import_round_trips(tmp_path, locale_de, extension):
    sprache = f.TopicFactory(name="Sprachkurse")
    f.OrganisationFactory(name="Stadt Borken", unit="", topics=[sprache])
    f.OrganisationFactory(name="Stadt Borken", unit="Pressestelle")
    f.OrganisationFactory(
        name='=HYPERLINK("https://evil.example";"x")',
        phone="+49 2861 123",
        description="<p>Erste Zeile</p><p>- zweiter Absatz &amp; mehr</p>",
    )
    path = tmp_path / f"export.{extension}"
    call_command("wagtail_integration_export_organisations", str(path), stdout=io.StringIO())
    data = path.read_bytes()
    if extension == "csv":
        text = data.decode("utf-8-sig")
        assert text.splitlines()[0] == ";".join(COLUMNS)
        assert "'=HYPERLINK" in text  # neutralised for spreadsheet programs
        assert "'+49" not in text  # phone numbers stay readable
    else:
        sheet = load_workbook(io.BytesIO(data)).active
        values = [cell.value for row in sheet.iter_rows() for cell in row]
        assert '\'=HYPERLINK("https://evil.example";"x")' in values
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    before = {o.pk: (o.name, o.unit, o.phone, o.description) for o in Organisation.objects.all()}
    output = run_import(path)
    assert "0 created, 0 updated, 3 unchanged" in output
    after = {o.pk: (o.name, o.unit, o.phone, o.description) for o in Organisation.objects.all()}
    assert after == before


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_german_export_round_trips(tmp_path, locale_de, extension):
    f.OrganisationFactory(name="Stadt Borken", kind=Organisation.Kind.PUBLIC_BODY)
    path = tmp_path / f"export.{extension}"
    call_command(
        "wagtail_integration_export_organisations",
        str(path),
        "--german-headers",
        stdout=io.StringIO(),
    )
    data = path.read_bytes()
    if extension == "csv":
        header, row = data.decode("utf-8-sig").splitlines()[:2]
        assert header.split(";")[:8] == [
            "Name",
            "Einheit",
            "Kurzname",
            "Art",
            "Straße",
            "PLZ",
            "Ort",
            "Gemeinde",
        ]
        assert "Öffentliche Stelle" in row
    output = run_import(path)
    assert "0 created, 0 updated, 1 unchanged" in output
