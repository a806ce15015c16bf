"""Importing organisations: formats, validation, all-or-nothing, re-imports, German headers.

Export: ``test_exporting.py``; the admin views: ``test_admin_views.py``; the columns:
``test_columns.py``."""

from __future__ import annotations

import pytest

from wagtail_integration.models import Organisation, Topic
from wagtail_integration.organisations_io.exporting import export_organisations
from wagtail_integration.organisations_io.importing import apply_import, plan_import
from wagtail_integration.organisations_io.reading import ImportFileError

from .files import (
    GERMAN_EXCEL_CSV,
    csv_bytes,
    run_import,
    run_import_failing,
    write,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db


def test_german_excel_csv_cp1252_semicolons(tmp_path, locale_de):
    path = write(tmp_path, "partner.csv", GERMAN_EXCEL_CSV)
    output = run_import(path)
    assert "3 created" in output
    tev = Organisation.objects.get(name="Türkischer Elternverein Rheine e. V.")
    assert (tev.short_name, tev.kind, tev.street, tev.postcode) == (
        "TEV",
        "migrant_organisation",
        "Münsterstraße 5",
        "48431",
    )
    assert tev.website == "https://www.elternverein.example"
    assert sorted(t.name for t in tev.topics.all()) == ["Frühkindliche Bildung", "Sprachkurse"]
    assert tev.description == "<p>Beratung für Familien</p>"
    assert tev.sort_key == "turkischer elternverein rheine e. v."
    assert tev.locale == locale_de
    assert Organisation.objects.get(name="Öffentliche Bücherei Ibbenbüren").kind == "public_body"
    assert Organisation.objects.get(name="Straßenfußball Greven").phone == "+49 2571 1234"


def test_utf8_with_bom_and_commas(tmp_path, locale_de):
    data = "\ufeff".encode() + csv_bytes(
        [
            ["name", "kind", "municipality"],
            ["Ukrainischer Verein Emsdetten", "Migrant organisation", "Emsdetten"],
        ]
    )
    run_import(write(tmp_path, "bom.csv", data))
    organisation = Organisation.objects.get(name="Ukrainischer Verein Emsdetten")
    assert organisation.kind == "migrant_organisation"  # English label accepted


def test_bad_rows_name_each_line_and_write_nothing(tmp_path, locale_de):
    rows = [
        ["name", "kind", "website", "email", "phone"],
        ["Guter Verein", "association", "https://gut.example", "a@gut.example", "0591 1"],  # 2
        ["", "association", "", "", ""],  # 3: name missing
        ["Verein B", "Raumschiff", "", "", ""],  # 4: unknown kind
        ["Verein C", "", "javascript:alert(1)", "", ""],  # 5: not http(s)
        ["Verein D", "", "ftp://files.example", "", ""],  # 6: not http(s)
        ["Verein E", "", "", "keine-adresse", ""],  # 7: bad e-mail
        ["Guter Verein", "", "", "", ""],  # 8: duplicate of line 2
        ["Verein F", "", "", "", "ruf mich an"],  # 9: bad phone
        ['=HYPERLINK("https://evil.example","klick")', "", "", "", ""],  # 10: formula
        ["Verein\x00G", "", "", "", ""],  # 11: NUL byte
        ["V" * 10_000, "", "", "", ""],  # 12: far too long
    ]
    path = write(tmp_path, "bad.csv", csv_bytes(rows))
    message, errors = run_import_failing(path)
    assert "nothing was imported" in message
    expected = {
        3: "name",
        4: "kind",
        5: "website",
        6: "website",
        7: "email",
        8: "name",
        9: "phone",
        10: "name",
        11: "name",
        12: "name",
    }
    for line, column in expected.items():
        assert f"Line {line}, column “{column}”" in errors or (
            f"Zeile {line}, Spalte „{column}“" in errors
        ), (line, errors)
    assert "Line 2," not in errors and "Zeile 2," not in errors
    assert "10000" in errors or "10.000" in errors or "10,000" in errors
    assert Organisation.objects.count() == 0
    assert Topic.objects.count() == 0


def test_unknown_column_is_an_error(tmp_path, locale_de):
    data = csv_bytes([["name", "fax_number"], ["Verein", "123"]])
    _message, errors = run_import_failing(write(tmp_path, "x.csv", data))
    assert "1" in errors and "fax_number" in errors
    assert Organisation.objects.count() == 0


def test_good_file_imported_twice_creates_no_duplicates(tmp_path, locale_de):
    path = write(tmp_path, "partner.csv", GERMAN_EXCEL_CSV)
    run_import(path)
    before = sorted(Organisation.objects.values_list("pk", "name"))
    output = run_import(path)
    assert "0 created, 0 updated, 3 unchanged" in output
    assert sorted(Organisation.objects.values_list("pk", "name")) == before
    assert Topic.objects.count() == 3


def test_reimport_updates_changed_rows(tmp_path, locale_de):
    run_import(write(tmp_path, "a.csv", csv_bytes([["name", "city"], ["Verein A", "Rheine"]])))
    output = run_import(
        write(tmp_path, "b.csv", csv_bytes([["name", "city"], ["verein a", "Greven"]]))
    )
    assert "1 updated" in output
    (organisation,) = Organisation.objects.all()
    # matched regardless of case and spacing; the file's spelling is then taken over
    assert (organisation.name, organisation.city) == ("verein a", "Greven")


def test_xlsx(tmp_path, locale_de):
    data = xlsx_bytes(
        [
            ["name", "postcode", "kind", "topics"],
            [
                "Kurdischer Kulturverein Lengerich",
                49525,
                "migrant_organisation",
                "Kultur; Sprachkurse",
            ],
            [None, None, None, None],
            ["Bildungswerk Ochtrup", "48607", "Bildungs- oder Forschungseinrichtung", None],
        ]
    )
    output = run_import(write(tmp_path, "orgs.xlsx", data))
    assert "2 created" in output
    verein = Organisation.objects.get(name="Kurdischer Kulturverein Lengerich")
    assert verein.postcode == "49525"
    assert sorted(t.name for t in verein.topics.all()) == ["Kultur", "Sprachkurse"]
    assert Organisation.objects.get(name="Bildungswerk Ochtrup").kind == "education"


def test_dry_run_writes_nothing(tmp_path, locale_de):
    output = run_import(write(tmp_path, "p.csv", GERMAN_EXCEL_CSV), "--dry-run")
    assert "3 to create" in output
    assert Organisation.objects.count() == 0 and Topic.objects.count() == 0


def test_locale_option(tmp_path, locale_en):
    data = csv_bytes([["name"], ["Integration Council"]])
    run_import(write(tmp_path, "en.csv", data), "--locale", "en")
    assert Organisation.objects.get().locale == locale_en
    message, _errors = run_import_failing(write(tmp_path, "x.csv", data), "--locale", "xx")
    assert "xx" in message


def test_unreadable_files_are_clear_errors(locale_de):
    with pytest.raises(ImportFileError, match="UTF-16"):
        plan_import("name\nA".encode("utf-16"), "x.csv", locale_de)
    with pytest.raises(ImportFileError, match="xlsx"):
        plan_import(b"PK\x03\x04garbage", "x.xlsx", locale_de)
    with pytest.raises(ImportFileError):
        plan_import(b"", "x.csv", locale_de)


def test_plan_and_apply_api(locale_de):
    plan = plan_import(
        csv_bytes([["name", "email"], ["Verein", "info@verein.example"]]), "a.csv", locale_de
    )
    assert plan.ok and plan.count("create") == 1
    result = apply_import(plan)
    assert result.created == 1
    assert export_organisations(locale_de, "x.csv").startswith("\ufeff".encode())


# --- German column headers and kind labels --------------------------------------------------

GERMAN_HEADER_CSV = (
    "Name;Art;Straße;PLZ;Ort;Telefon;E-Mail;Website;Themen\r\n"
    "Stadtteilverein Dorenkamp;Verein oder Verband;Dorenkampstraße 3;48431;Rheine;"
    "05971 4711;kontakt@dorenkamp.example;www.dorenkamp.example;Nachbarschaft\r\n"
).encode("cp1252")


def test_german_column_headers_and_kind_labels(tmp_path, locale_de):
    output = run_import(write(tmp_path, "vereine.csv", GERMAN_HEADER_CSV))
    assert "1 created" in output
    organisation = Organisation.objects.get()
    assert organisation.kind == Organisation.Kind.ASSOCIATION
    assert (organisation.street, organisation.postcode, organisation.city) == (
        "Dorenkampstraße 3",
        "48431",
        "Rheine",
    )
    assert organisation.phone == "05971 4711"
    assert organisation.email == "kontakt@dorenkamp.example"
    assert organisation.website == "https://www.dorenkamp.example"
    assert [t.name for t in organisation.topics.all()] == ["Nachbarschaft"]
