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


# --- all referrers counted, the first listed; drafts; the bulk action ------------------------


def bulk_delete_url(obj) -> str:
    url = reverse(
        "wagtail_bulk_action", args=["wagtail_integration", obj._meta.model_name, "delete"]
    )
    return f"{url}?id={obj.pk}"


@pytest.fixture
def sixty_referrers(root_page):
    """An organisation that 59 pages name as contact office and, last, one release as its
    publisher (a protecting reference beyond the first 50 by creation order)."""
    organisation = f.OrganisationFactory(name="Bürgerbüro Rheine")
    pages = [
        f.SpeakerTeamPageFactory(title=f"Sprecherteam {i:02}", contact_organisation=organisation)
        for i in range(59)
    ]
    release = f.PressReleasePageFactory(title="Bürgerbüro zieht um", publisher=organisation)
    return organisation, pages, release


@pytest.mark.parametrize("view", ["single", "bulk"])
def test_sixty_referrers_are_counted_and_the_rest_linked(
    admin_en_client, sixty_referrers, view, django_assert_max_num_queries
):
    organisation, pages, release = sixty_referrers
    url = snippet_url("delete", organisation) if view == "single" else bulk_delete_url(organisation)
    admin_en_client.get(url)  # warm the content type and permission caches
    with django_assert_max_num_queries(20):
        response = admin_en_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    usage = response.context["usage"] if view == "single" else response.context["items"][0]["usage"]
    assert usage.count == 60 and len(usage.referrers) == 50 and usage.more == 10
    # The protecting release comes first although 59 pages were created before it.
    assert usage.referrers[0].title == "Bürgerbüro zieht um" and usage.referrers[0].protected
    assert "This organisation is referenced 60 times." in html
    assert "… and 10 more objects that refer to it (60 in all)." in html
    usage_url = reverse(
        "wagtailsnippets_wagtail_integration_organisation:usage", args=[organisation.pk]
    )
    assert f'<a href="{usage_url}?describe_on_delete=1">… and 10 more' in html
    assert "Deleting it is refused while these references remain:" in html
    assert "Yes, delete" not in html
    listed = sum(f"Sprecherteam {i:02}" in html for i in range(59))
    assert listed == 49


def test_query_count_does_not_grow_with_the_referrers(
    admin_en_client, sixty_referrers, django_assert_max_num_queries
):
    """The same bound for 60 referrers as for 61, with a draft on top."""
    organisation, pages, _ = sixty_referrers
    f.SpeakerTeamPageFactory(title="Sprecherteam 60", contact_organisation=organisation)
    draft = pages[0]
    draft.title = "Sprecherteam 00 (Entwurf)"
    draft.save_revision()
    url = snippet_url("delete", organisation)
    admin_en_client.get(url)
    with django_assert_max_num_queries(20):
        response = admin_en_client.get(url)
    assert response.context["usage"].count == 61


@pytest.fixture
def draft_only(root_page):
    """A published speaker team without the person; its unpublished draft names her as the
    contact person and as a team member in a block."""
    person = f.PersonFactory(first_name="Mira", last_name="Kowalczyk")
    page = f.SpeakerTeamPageFactory(title="Sprecherteam Ehrenamt")
    page.save_revision().publish()
    page.refresh_from_db()
    page = page.specific
    page.contact_person = person
    page.body = [("team", {"heading": "Team", "members": [{"person": person, "role": "Leitung"}]})]
    page.save_revision()
    return page, person


@pytest.mark.parametrize("view", ["single", "bulk"])
def test_reference_held_only_by_a_draft_is_listed(admin_en_client, draft_only, view):
    page, person = draft_only
    url = snippet_url("delete", person) if view == "single" else bulk_delete_url(person)
    response = admin_en_client.get(url)
    html = response.content.decode()
    usage = response.context["usage"] if view == "single" else response.context["items"][0]["usage"]
    assert usage.count == 0 and usage.referrers == []
    [draft] = usage.drafts
    assert usage.drafts_count == 1 and draft.draft and draft.title == "Sprecherteam Ehrenamt"
    assert {label for label, _, _ in draft.fields} == {
        "Contact person",
        "Further content → Team → Members → Person",
    }
    assert "1 more page or object refers to it only in its unpublished draft:" in html
    assert "(Speaker team page, unpublished draft)" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "Yes, delete" in html  # emptying a draft's fields does not protect


def test_deleting_empties_the_draft_which_still_opens(admin_en_client, draft_only):
    page, person = draft_only
    assert admin_en_client.post(snippet_url("delete", person)).status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    edit = admin_en_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    draft = page.get_latest_revision_as_object()
    assert draft.contact_person is None
    [team] = draft.body
    assert [member["person"] for member in team.value["members"]] == [None]  # emptied


@pytest.fixture
def draft_publisher(root_page):
    """A published release by one office whose unpublished draft names another publisher."""
    first = f.OrganisationFactory(name="Pressestelle Kreis")
    second = f.OrganisationFactory(name="Pressestelle Stadt")
    page = f.PressReleasePageFactory(title="Neue Sprechzeiten im Kreishaus", publisher=first)
    page.save_revision().publish()
    page.refresh_from_db()
    page = page.specific
    page.publisher = second
    page.save_revision()
    return page, second


@pytest.mark.parametrize("view", ["single", "bulk"])
def test_protecting_reference_in_a_draft_refuses_deletion(admin_en_client, draft_publisher, view):
    """Django's collector does not see the draft; without the refusal the draft could not be
    opened any more (its protected publisher would be missing)."""
    page, organisation = draft_publisher
    url = snippet_url("delete", organisation) if view == "single" else bulk_delete_url(organisation)
    html = admin_en_client.get(url).content.decode()
    assert "only in its unpublished draft" in html and "Prevents deletion" in html
    assert "Yes, delete" not in html

    response = admin_en_client.post(url)
    assert response.status_code == 302
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert f"“{page.title}” (Publisher, in an unpublished draft)" in message, message
    edit = admin_en_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
