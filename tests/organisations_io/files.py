"""Files the organisation import tests read: German Excel CSV, CSV and XLSX built in memory."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

HEADER = (
    "name;short_name;kind;street;postcode;city;municipality;website;email;phone;topics;description"
)

GERMAN_EXCEL_CSV = (
    HEADER
    + "\r\n"
    + "Türkischer Elternverein Rheine e. V.;TEV;Migrantenorganisation;Münsterstraße 5;48431;"
    "Rheine;Rheine;www.elternverein.example;info@elternverein.example;05971 12345;"
    "Sprachkurse | Frühkindliche Bildung;Beratung für Familien\r\n"
    + "Straßenfußball Greven;;association;Marktstraße 1;48268;Greven;Greven;"
    "https://strassenfussball.example/;;+49 2571 1234;Sport und Freizeit;\r\n"
    + "Öffentliche Bücherei Ibbenbüren;;Öffentliche Stelle;;;Ibbenbüren;Ibbenbüren;;;;;\r\n"
).encode("cp1252")


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def run_import(path, *args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "wagtail_integration_import_organisations", str(path), *args, stdout=out, stderr=err
    )
    return out.getvalue() + err.getvalue()


def run_import_failing(path, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command(
            "wagtail_integration_import_organisations", str(path), *args, stdout=out, stderr=err
        )
    return str(excinfo.value), err.getvalue()


def csv_bytes(rows: list[list[str]], delimiter=",", encoding="utf-8") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
