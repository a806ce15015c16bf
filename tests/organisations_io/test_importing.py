"""Importing and exporting organisations: formats, validation, all-or-nothing, admin views."""

from __future__ import annotations

import base64
import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook, load_workbook
from wagtail.models import Locale

from wagtail_integration.models import Organisation, Topic
from wagtail_integration.organisations_io.admin_views import pack
from wagtail_integration.organisations_io.columns import COLUMNS, column_of, validate_column
from wagtail_integration.organisations_io.exporting import export_organisations
from wagtail_integration.organisations_io.importing import apply_import, plan_import
from wagtail_integration.organisations_io.reading import ImportFileError

from .. import factories as f

pytestmark = pytest.mark.django_db

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


# --- Admin ------------------------------------------------------------------------------------

IMPORT_URL = "/admin/integration/organisations/import/"


def test_admin_upload_preview_confirm(admin_en_client, locale_de):
    from wagtail import hooks

    (menu_item,) = [fn() for fn in hooks.get_hooks("register_wagtail_integration_menu_item")]
    assert menu_item.url == IMPORT_URL  # in the "Integration" submenu
    upload = io.BytesIO(GERMAN_EXCEL_CSV)
    upload.name = "partner.csv"
    response = admin_en_client.post(IMPORT_URL, {"file": upload, "locale": locale_de.pk})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "3 to create" in soup.get_text()
    assert Organisation.objects.count() == 0  # the preview writes nothing
    confirm = soup.select_one("button[name=confirm]").find_parent("form")
    data = {field["name"]: field.get("value", "") for field in confirm.select("input")}
    data["confirm"] = "1"
    response = admin_en_client.post(IMPORT_URL, data)
    assert response.status_code == 302
    assert Organisation.objects.count() == 3


def test_admin_preview_shows_row_errors(admin_en_client, locale_de):
    upload = io.BytesIO(
        csv_bytes([["name", "email"], ["A", "kaputt"], ["", ""], ["B", ""], ["", "x@y.example"]])
    )
    upload.name = "bad.csv"
    response = admin_en_client.post(IMPORT_URL, {"file": upload, "locale": locale_de.pk})
    text = BeautifulSoup(response.content, "html.parser").get_text()
    assert "Line 2, column “email”" in text
    assert "Line 5, column “name”" in text
    assert b'name="confirm"' not in response.content
    assert Organisation.objects.count() == 0


def test_admin_confirm_with_tampered_data_writes_nothing(admin_en_client, locale_de):
    bad = pack(csv_bytes([["name", "kind"], ["A", "nonsense"]]))
    response = admin_en_client.post(
        IMPORT_URL, {"data": bad, "filename": "x.csv", "locale": locale_de.pk, "confirm": "1"}
    )
    assert response.status_code == 200
    assert Organisation.objects.count() == 0
    damaged = {"data": "bm90IHpsaWI=", "filename": "x.csv", "locale": locale_de.pk, "confirm": "1"}
    assert admin_en_client.post(IMPORT_URL, damaged).status_code == 302
    assert Organisation.objects.count() == 0
    assert base64.b64decode(pack(b"x"))  # base64 of compressed data


def test_admin_import_needs_add_permission(client, django_user_model, locale_de):
    editor = django_user_model.objects.create_user(username="leser", password=None)
    group = Group.objects.create(name="Leser")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_organisation"),
    )
    editor.groups.add(group)
    client.force_login(editor)
    response = client.get(IMPORT_URL)
    assert response.status_code == 302  # Wagtail's permission denied: back to the dashboard
    assert client.get("/admin/integration/organisations/export/?format=csv").status_code == 200
    group.permissions.add(Permission.objects.get(codename="add_organisation"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(IMPORT_URL).status_code == 200


def test_admin_export_downloads(admin_en_client, locale_de):
    f.OrganisationFactory(name="Verein A")
    response = admin_en_client.get("/admin/integration/organisations/export/?format=xlsx")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in next(sheet.iter_rows())] == COLUMNS
    assert Locale.get_default().language_code == "de"


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


def test_admin_export_with_german_headers(admin_en_client, locale_de):
    f.OrganisationFactory(name="Stadt Borken")
    response = admin_en_client.get("/admin/integration/organisations/export/?headers=de")
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").startswith("Name;Einheit;Kurzname;Art;")
