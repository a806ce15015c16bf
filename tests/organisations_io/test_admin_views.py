"""The admin's import and export views: upload, preview, confirm, permissions, downloads."""

from __future__ import annotations

import base64
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from openpyxl import load_workbook
from wagtail.models import Locale

from wagtail_integration.models import Organisation
from wagtail_integration.organisations_io.admin_views import pack
from wagtail_integration.organisations_io.columns import COLUMNS

from .. import factories as f
from .files import GERMAN_EXCEL_CSV, csv_bytes

pytestmark = pytest.mark.django_db

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


def test_admin_export_with_german_headers(admin_en_client, locale_de):
    f.OrganisationFactory(name="Stadt Borken")
    response = admin_en_client.get("/admin/integration/organisations/export/?headers=de")
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").startswith("Name;Einheit;Kurzname;Art;")
