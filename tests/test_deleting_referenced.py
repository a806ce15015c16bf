"""Deleting referenced snippets: the confirmation names each page and field, protected
references refuse the deletion naming the page, and no output keeps an entry whose person
or organisation is gone."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from wagtail_integration.models import Organisation, Person

from . import factories as f

pytestmark = pytest.mark.django_db

HAS_V3 = apps.is_installed("wagtail.api.v3")


def snippet_url(action: str, obj) -> str:
    return reverse(
        f"wagtailsnippets_wagtail_integration_{obj._meta.model_name}:{action}", args=[obj.pk]
    )


def null_entries(data, path="") -> list[str]:
    """Paths of list entries that are null and of ``person`` keys that are null."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "person" and value is None:
                found.append(f"{path}.{key}")
            found += null_entries(value, f"{path}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            if value is None:
                found.append(f"{path}[{i}]")
            found += null_entries(value, f"{path}[{i}]")
    return found


@pytest.fixture
def team_page(root_page):
    """A speaker team whose first member also is the contact, the body's contact card and
    the body team's only member."""
    gone = f.PersonFactory(first_name="Aylin", last_name="Demirtaş")
    kept = f.PersonFactory(first_name="Jonas", last_name="Brinkmann")
    page = f.SpeakerTeamPageFactory(
        title="Sprecherteam Integration",
        members=f.team_members([gone, kept], roles=["Sprecherin", "Stellvertretung"]),
        contact_person=gone,
        body=f.body_stream(person=gone),
    )
    page.save_revision().publish()
    return page, gone, kept


def test_confirmation_lists_each_page_field_that_is_emptied(admin_en_client, team_page):
    page, gone, _ = team_page
    response = admin_en_client.get(snippet_url("delete", gone))
    assert response.status_code == 200
    referrers = {r.title: r for r in response.context["referrers"]}
    assert set(referrers) == {"Sprecherteam Integration"}
    fields = {label for label, _, _ in referrers["Sprecherteam Integration"].fields}
    # The package's own labels, StreamField blocks down to the chooser.
    assert fields == {
        "Contact person",
        "Members → Team member → Person",
        "Further content → Contact card → Person",
        "Further content → Team → Members → Person",
    }
    html = response.content.decode()
    assert "Deleting it empties these fields:" in html
    assert "Further content → Team → Members → Person" in html
    assert "Will unset the reference" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "Yes, delete" in html


@pytest.mark.parametrize("reference", ["publisher", "profile organisation"])
def test_protected_reference_refuses_deletion_naming_the_page(admin_en_client, reference):
    organisation = f.OrganisationFactory(name="Kreis Steinfurt")
    if reference == "publisher":
        page = f.PressReleasePageFactory(title="Fachtag im Kreishaus", publisher=organisation)
        label = "Publisher"
    else:
        page = f.OrganisationProfilePageFactory(
            title="Integrationsagentur Rheine", organisation=organisation
        )
        label = "Organisation"
    page.save_revision().publish()

    response = admin_en_client.get(snippet_url("delete", organisation))
    html = response.content.decode()
    assert "Deleting it is refused while these references remain:" in html
    assert page.title in html and "Prevents deletion" in html
    assert "Yes, delete" not in html  # Wagtail hides the button of protected objects

    response = admin_en_client.post(snippet_url("delete", organisation))
    assert response.status_code == 302
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert f"“{page.title}” ({label})" in message, message


def test_outputs_leave_out_entries_of_a_deleted_person(admin_en_client, team_page):
    page, gone, kept = team_page
    response = admin_en_client.post(snippet_url("delete", gone))
    assert response.status_code == 302
    assert not Person.objects.filter(pk=gone.pk).exists()

    client = Client()
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert null_entries(v2) == []
    assert [m["value"]["person"]["id"] for m in v2["members"]] == [kept.pk]
    assert [m["value"]["role"] for m in v2["members"]] == ["Stellvertretung"]
    body = {item["type"]: item["value"] for item in v2["body"]}
    assert "contact" not in body  # the card's only content was the person
    assert body["team"]["members"] == []  # no orphaned role "Koordination"
    listing = client.get(
        "/api/v2/pages/", {"type": "wagtail_integration.SpeakerTeamPage", "fields": "*"}
    ).json()
    assert null_entries(listing) == []
    if HAS_V3:
        v3 = client.get(f"/api/v3/pages/{page.pk}/").json()
        assert null_entries(v3) == [], null_entries(v3)
        assert "Demirtaş" not in str(v3) and "Koordination" not in str(v3)

    html = client.get(page.url).content.decode()  # includes the page's JSON-LD
    assert "Demirtaş" not in html
    assert "Sprecherin" not in html and "Koordination" not in html
    assert "Brinkmann" in html and "Stellvertretung" in html
    assert "Ansprechperson" not in html  # the contact card's heading left with its person
