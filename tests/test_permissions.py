"""Editors act only where their permissions reach: pages by subtree, snippets by model, API
writes by the token's user. Every refusal has a permitted twin that succeeds, so a refusal is
known to come from the permission and not from incomplete data."""

from __future__ import annotations

import io
import json

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from wagtail_integration.models import Organisation, PressReleasePage

from . import factories as f
from .form_helpers import page_edit_data

pytestmark = pytest.mark.django_db

HAS_V3 = apps.is_installed("wagtail.api.v3")
needs_v3 = pytest.mark.skipif(not HAS_V3, reason="API v3 needs Wagtail 8 or newer")


def grant_pages(group: Group, page: Page, *codenames: str) -> None:
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )


@pytest.fixture
def site(root_page):
    """The agency's subtree (profile page and its press releases) and a page elsewhere."""
    agency = f.OrganisationProfilePageFactory(title="Integrationsagentur")
    agency_press = f.PressReleaseIndexPageFactory(parent=agency, title="Presse der Agentur")
    network = f.NetworkPageFactory(title="Netzwerk des Landkreises")
    county_press = f.PressReleaseIndexPageFactory(title="Presse des Landkreises")
    release = f.PressReleasePageFactory(parent=county_press, title="Mitteilung des Landkreises")
    return {
        "agency": agency,
        "agency_press": agency_press,
        "network": network,
        "county_press": county_press,
        "county_release": release,
    }


@pytest.fixture
def editor(django_user_model, site):
    """An editor of the agency's subtree: add, change and publish there, nothing elsewhere."""
    user = django_user_model.objects.create_user(username="agentur", password=None)
    group = Group.objects.create(name="Redaktion Integrationsagentur")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    grant_pages(group, site["agency"], "add_page", "change_page", "publish_page")
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(editor):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    return client


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def refused(response) -> bool:
    """Wagtail's permission denied: a redirect to the dashboard, or 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].rstrip("/").endswith("/admin")
    )


# --- Pages in the admin --------------------------------------------------------------------


def test_editor_edits_and_publishes_in_own_subtree_only(editor_client, site, superuser):
    admin = Client()
    admin.force_login(superuser)
    network = site["network"]
    data = page_edit_data(admin, network)  # what a full edit form would send
    data["title"] = "Übernommen"
    data["action-publish"] = "action-publish"

    assert refused(editor_client.get(edit_url(network)))
    assert refused(editor_client.post(edit_url(network), data))
    network.refresh_from_db()
    assert network.title == "Netzwerk des Landkreises"
    assert network.get_latest_revision() is None or (
        network.get_latest_revision().as_object().title != "Übernommen"
    )
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[network.pk])
    assert refused(editor_client.post(unpublish))
    assert Page.objects.get(pk=network.pk).live
    delete = reverse("wagtailadmin_pages:delete", args=[network.pk])
    assert refused(editor_client.post(delete))
    assert Page.objects.filter(pk=network.pk).exists()

    agency = site["agency"]
    assert editor_client.get(edit_url(agency)).status_code == 200
    data = page_edit_data(editor_client, agency)
    data["title"] = "Integrationsagentur Nordhorn"
    data["action-publish"] = "action-publish"
    response = editor_client.post(edit_url(agency), data)
    assert response.status_code == 302, response.content[:300]
    agency.refresh_from_db()
    assert agency.title == "Integrationsagentur Nordhorn" and agency.live


def test_editor_cannot_add_pages_outside_the_subtree(editor_client, site):
    def add_url(parent):
        return reverse(
            "wagtailadmin_pages:add",
            args=["wagtail_integration", "pressreleasepage", parent.pk],
        )

    assert refused(editor_client.get(add_url(site["county_press"])))
    assert editor_client.get(add_url(site["agency_press"])).status_code == 200


def test_editor_without_publish_permission_submits_a_draft(django_user_model, site):
    user = django_user_model.objects.create_user(username="entwurf", password=None)
    group = Group.objects.create(name="Entwürfe")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    grant_pages(group, site["agency"], "add_page", "change_page")
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    agency = site["agency"]
    data = page_edit_data(client, agency)
    data["title"] = "Veröffentlicht ohne Recht"
    data["action-publish"] = "action-publish"
    client.post(edit_url(agency), data)
    agency.refresh_from_db()
    assert agency.title != "Veröffentlicht ohne Recht"  # the live page is unchanged


# --- Snippets ------------------------------------------------------------------------------


@pytest.fixture
def viewer_client(django_user_model):
    """A user who may view organisations (and add them, see below) but not change them."""
    user = django_user_model.objects.create_user(username="lesend", password=None)
    group = Group.objects.create(name="Lesen")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_organisation"),
    )
    user.groups.add(group)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    client.group = group
    return client


def organisation_url(view, *args) -> str:
    return reverse(f"wagtailsnippets_wagtail_integration_organisation:{view}", args=args)


def test_snippet_change_needs_change_permission(viewer_client, superuser):
    organisation = f.OrganisationFactory(name="Stadt Lingen")
    data = {
        "name": "Übernommen",
        "kind": organisation.kind,
        "website": "",
        "email": "",
        "phone": "",
        "fax": "",
    }
    assert refused(viewer_client.get(organisation_url("edit", organisation.pk)))
    assert refused(viewer_client.post(organisation_url("edit", organisation.pk), data))
    assert refused(viewer_client.post(organisation_url("delete", organisation.pk)))
    organisation.refresh_from_db()
    assert organisation.name == "Stadt Lingen"

    viewer_client.group.permissions.add(Permission.objects.get(codename="change_organisation"))
    response = viewer_client.get(organisation_url("edit", organisation.pk))
    assert response.status_code == 200


IMPORT_URL = "/admin/integration/organisations/import/"


def upload(rows) -> io.BytesIO:
    text = "\n".join(";".join(row) for row in rows)
    file = io.BytesIO(text.encode())
    file.name = "organisationen.csv"
    return file


def confirm_data(response) -> dict:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content, "html.parser")
    button = soup.select_one("button[name=confirm]")
    assert button is not None, soup.get_text()[:500]
    form = button.find_parent("form")
    data = {field["name"]: field.get("value", "") for field in form.select("input")}
    data["confirm"] = "1"
    return data


def test_import_needs_add_permission(viewer_client, locale_de):
    response = viewer_client.post(
        IMPORT_URL, {"file": upload([["name"], ["Neuer Verein"]]), "locale": locale_de.pk}
    )
    assert refused(response)
    assert not Organisation.objects.exists()


def test_import_without_change_permission_cannot_update(viewer_client, locale_de):
    """Add permission creates organisations; changing existing ones needs change permission."""
    existing = f.OrganisationFactory(name="Stadt Lingen", unit="", city="Lingen")
    viewer_client.group.permissions.add(Permission.objects.get(codename="add_organisation"))
    rows = [["name", "city"], ["Stadt Lingen", "Meppen"], ["Neuer Verein", "Rheine"]]
    response = viewer_client.post(IMPORT_URL, {"file": upload(rows), "locale": locale_de.pk})
    assert response.status_code == 200
    assert b'name="confirm"' not in response.content
    assert "Stadt Lingen" in response.content.decode()
    existing.refresh_from_db()
    assert existing.city == "Lingen"
    assert Organisation.objects.count() == 1

    rows = [["name", "city"], ["Neuer Verein", "Rheine"]]  # the permitted twin
    response = viewer_client.post(IMPORT_URL, {"file": upload(rows), "locale": locale_de.pk})
    assert viewer_client.post(IMPORT_URL, confirm_data(response)).status_code == 302
    assert Organisation.objects.filter(name="Neuer Verein").exists()

    # A confirmation posted without a preview (forged data) is checked again.
    from wagtail_integration.organisations_io.admin_views import pack

    forged = {
        "data": pack(b"name;city\nStadt Lingen;Meppen\n"),
        "filename": "x.csv",
        "locale": locale_de.pk,
        "confirm": "1",
    }
    assert viewer_client.post(IMPORT_URL, forged).status_code == 200
    existing.refresh_from_db()
    assert existing.city == "Lingen"

    viewer_client.group.permissions.add(Permission.objects.get(codename="change_organisation"))
    rows = [["name", "city"], ["Stadt Lingen", "Meppen"]]
    response = viewer_client.post(IMPORT_URL, {"file": upload(rows), "locale": locale_de.pk})
    assert viewer_client.post(IMPORT_URL, confirm_data(response)).status_code == 302
    existing.refresh_from_db()
    assert existing.city == "Meppen"


# --- API v3 writes -------------------------------------------------------------------------


def token_client_for(user) -> Client:
    from wagtail.models import APIToken

    _, plaintext = APIToken.create_token(user=user, name="redaktionssystem")
    client = Client(raise_request_exception=False)
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
    return client


def release(parent, slug="sprachcafe") -> str:
    return json.dumps(
        {
            "meta": {"parent_id": parent.pk, "type": "wagtail_integration.PressReleasePage"},
            "title": "Sprachcafé eröffnet",
            "slug": slug,
            "release_date": "2025-06-01",
        }
    )


def post(client, body):
    return client.post("/api/v3/pages/", body, content_type="application/json")


def patch(client, page, data):
    return client.patch(
        f"/api/v3/pages/{page.pk}/", json.dumps(data), content_type="application/json"
    )


@needs_v3
def test_api_write_needs_a_valid_token(site):
    client = Client(raise_request_exception=False)
    assert post(client, release(site["agency_press"])).status_code == 401
    for header in ("Bearer nonsense", "Bearer ", "Token abc", "Basic YWRtaW46YWRtaW4="):
        client.defaults["HTTP_AUTHORIZATION"] = header
        assert post(client, release(site["agency_press"])).status_code == 401, header
    assert not PressReleasePage.objects.filter(slug="sprachcafe").exists()


@needs_v3
def test_api_write_respects_the_tokens_page_permissions(editor, site):
    client = token_client_for(editor)
    response = post(client, release(site["county_press"]))
    assert response.status_code == 403, response.content[:300]
    assert not PressReleasePage.objects.filter(slug="sprachcafe").exists()

    county_release = site["county_release"]
    response = patch(client, county_release, {"title": "Übernommen"})
    assert response.status_code == 403, response.content[:300]
    response = patch(client, county_release, {"meta": {"action": "publish"}})
    assert response.status_code == 403
    county_release.refresh_from_db()
    assert county_release.title == "Mitteilung des Landkreises"

    response = post(client, release(site["agency_press"]))  # the permitted twin
    assert response.status_code == 201, response.content[:300]


@needs_v3
def test_api_publish_needs_publish_permission(django_user_model, site):
    user = django_user_model.objects.create_user(username="ohnefreigabe", password=None)
    group = Group.objects.create(name="Ohne Freigabe")
    grant_pages(group, site["agency"], "add_page", "change_page")
    user.groups.add(group)
    client = token_client_for(user)
    response = post(client, release(site["agency_press"]))
    assert response.status_code == 201, response.content[:300]
    page = PressReleasePage.objects.get(slug="sprachcafe")
    response = patch(client, page, {"meta": {"action": "publish"}})
    assert response.status_code == 403, response.content[:300]
    response = client.post(f"/api/v3/pages/{page.pk}/actions/publish/")
    assert response.status_code in (403, 404), response.content[:300]
    page.refresh_from_db()
    assert not page.live


@needs_v3
def test_api_token_of_a_user_without_permissions_is_refused(django_user_model, site):
    nobody = django_user_model.objects.create_user(username="niemand", password=None)
    client = token_client_for(nobody)
    assert post(client, release(site["agency_press"])).status_code == 403
    assert patch(client, site["county_release"], {"title": "x"}).status_code in (403, 404)
