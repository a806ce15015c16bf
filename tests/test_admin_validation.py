"""Bad input in the admin gets a form error (never a server error) and nothing is saved.

Every rejected submission has a valid twin that is accepted, so the error is known to come
from the rule under test and not from incomplete form data.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from wagtail_integration.models import (
    Event,
    NetworkPage,
    Organisation,
    OrganisationProfilePage,
    PartnerListingPage,
    ProjectPage,
    SpeakerTeamPage,
)

from . import factories

pytestmark = pytest.mark.django_db

DUPLICATE = "This entry is listed twice; remove the second one."


def assert_rejected(response, *messages: str) -> None:
    assert response.status_code == 200, response.status_code
    for message in messages:
        assert message in response.content.decode(), message


def page_add_url(model, parent) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


INLINE_RELATIONS = {
    NetworkPage: ["memberships", "working_groups"],
    PartnerListingPage: ["partners"],
}


def page_form_data(model, raw: dict | None = None, **fields) -> dict:
    """Admin form data for a new page: every StreamField and inline panel present but empty.

    ``fields`` go through ``nested_form_data``; ``raw`` is added as it is (for multi-valued
    inputs such as the weekday checkboxes).
    """
    data = {"title": "Testseite", "slug": "testseite", "action-publish": "action-publish"}
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data[field.name] = streamfield([])
    for relation in INLINE_RELATIONS.get(model, []):
        data[relation] = inline_formset([])
    data.update(fields)
    return {**nested_form_data(data), **(raw or {})}


# --- Snippets ------------------------------------------------------------------------------


def event_data(**fields) -> dict:
    data = {
        "title": "Plenum des Integrationsnetzwerks",
        "kind": "meeting",
        "topic": "Sprachförderung",
        "start_date": "2025-06-10",
        "end_date": "2025-06-10",
        "venue": "Kreishaus",
        "street": "Ordeniederung 1",
        "postcode": "49716",
        "city": "Meppen",
        "registration_url": "",
    }
    data.update(fields)
    return data


def test_event_with_end_before_start_is_rejected(admin_en_client):
    url = reverse("wagtailsnippets_wagtail_integration_event:add")
    response = admin_en_client.post(url, event_data(end_date="2025-06-01"))
    assert_rejected(response, "The end date cannot be before the start date.")
    assert not Event.objects.exists()

    response = admin_en_client.post(url, event_data())
    assert response.status_code == 302
    assert Event.objects.count() == 1


def test_event_with_end_time_before_start_time_is_rejected(admin_en_client):
    url = reverse("wagtailsnippets_wagtail_integration_event:add")
    response = admin_en_client.post(url, event_data(start_time="14:00", end_time="10:00"))
    assert_rejected(response, "The end time cannot be before the start time.")
    response = admin_en_client.post(url, event_data(end_time="10:00"))
    assert_rejected(response, "Give a start time when you give an end time.")
    assert not Event.objects.exists()


def organisation_data(**fields) -> dict:
    data = {
        "name": "Caritasverband für den Landkreis Emsland e. V.",
        "short_name": "Caritas Emsland",
        "kind": "welfare_provider",
        "unit": "",
        "street": "Domhof 2",
        "postcode": "49716",
        "city": "Meppen",
        "municipality": "Meppen",
        "website": "https://caritas-emsland.example.org/",
        "email": "info@caritas-emsland.example.org",
        "phone": "05931 9844-0",
        "fax": "",
    }
    data.update(fields)
    return data


def test_organisation_with_invalid_website_and_email_is_rejected(admin_en_client):
    url = reverse("wagtailsnippets_wagtail_integration_organisation:add")
    response = admin_en_client.post(
        url, organisation_data(website="caritas emsland", email="info(at)caritas")
    )
    assert_rejected(response, "Enter a valid URL.", "Enter a valid email address.")
    errors = response.context["form"].errors
    assert set(errors) >= {"website", "email"}
    assert not Organisation.objects.exists()

    response = admin_en_client.post(url, organisation_data())
    assert response.status_code == 302
    assert Organisation.objects.count() == 1


def test_organisation_with_invalid_phone_is_rejected(admin_en_client):
    url = reverse("wagtailsnippets_wagtail_integration_organisation:add")
    response = admin_en_client.post(url, organisation_data(phone="ruf uns an"))
    assert_rejected(response, "Enter a phone number made of digits")
    assert not Organisation.objects.exists()


# --- Pages ---------------------------------------------------------------------------------


def test_project_with_end_before_start_is_rejected(admin_en_client):
    index = factories.ProjectIndexPageFactory()
    url = page_add_url(ProjectPage, index)
    bad = page_form_data(ProjectPage, start_date="2025-06-01", end_date="2025-05-31")
    response = admin_en_client.post(url, bad)
    assert_rejected(response, "The end cannot be before the start.")
    assert "end_date" in response.context["form"].errors
    assert not ProjectPage.objects.exists()

    good = page_form_data(ProjectPage, start_date="2025-06-01", end_date="2026-05-31")
    assert admin_en_client.post(url, good).status_code == 302
    assert ProjectPage.objects.count() == 1


def test_project_with_same_partner_twice_is_rejected(admin_en_client):
    index = factories.ProjectIndexPageFactory()
    first, second = factories.OrganisationFactory.create_batch(2)
    url = page_add_url(ProjectPage, index)
    bad = page_form_data(
        ProjectPage,
        partners=streamfield([("organisation", first.pk), ("organisation", first.pk)]),
    )
    assert_rejected(admin_en_client.post(url, bad), DUPLICATE)
    assert not ProjectPage.objects.exists()

    good = page_form_data(
        ProjectPage,
        partners=streamfield([("organisation", first.pk), ("organisation", second.pk)]),
    )
    assert admin_en_client.post(url, good).status_code == 302
    assert ProjectPage.objects.count() == 1


@pytest.mark.parametrize(
    ("model", "relation"),
    [(PartnerListingPage, "partners"), (NetworkPage, "memberships")],
    ids=["partner-listing", "network"],
)
def test_same_organisation_twice_in_inline_is_rejected(admin_en_client, root_page, model, relation):
    first, second = factories.OrganisationFactory.create_batch(2)
    url = page_add_url(model, root_page)
    bad = page_form_data(
        model,
        **{
            relation: inline_formset(
                [{"organisation": str(first.pk)}, {"organisation": str(first.pk), "note": "x"}]
            )
        },
    )
    response = admin_en_client.post(url, bad)
    assert_rejected(response, DUPLICATE)
    assert not model.objects.exists()

    good = page_form_data(
        model,
        **{
            relation: inline_formset(
                [{"organisation": str(first.pk)}, {"organisation": str(second.pk)}]
            )
        },
    )
    assert admin_en_client.post(url, good).status_code == 302
    assert getattr(model.objects.get(), relation).count() == 2


def test_same_organisation_twice_is_allowed_when_one_is_deleted(admin_en_client, root_page):
    first = factories.OrganisationFactory()
    url = page_add_url(PartnerListingPage, root_page)
    data = page_form_data(
        PartnerListingPage,
        partners=inline_formset(
            [{"organisation": str(first.pk)}, {"organisation": str(first.pk), "DELETE": "1"}]
        ),
    )
    assert admin_en_client.post(url, data).status_code == 302
    assert PartnerListingPage.objects.get().partners.count() == 1


def test_speaker_team_with_same_person_twice_is_rejected(admin_en_client, root_page):
    anna, bernd = factories.PersonFactory.create_batch(2)
    url = page_add_url(SpeakerTeamPage, root_page)

    def members(*people):
        return streamfield(
            [("member", {"person": str(p.pk), "role": "Sprecherin"}) for p in people]
        )

    response = admin_en_client.post(
        url, page_form_data(SpeakerTeamPage, members=members(anna, anna))
    )
    assert_rejected(response, DUPLICATE)
    assert "members" in response.context["form"].errors
    assert not SpeakerTeamPage.objects.exists()

    response = admin_en_client.post(
        url, page_form_data(SpeakerTeamPage, members=members(anna, bernd))
    )
    assert response.status_code == 302
    assert len(SpeakerTeamPage.objects.get().members) == 2


def test_network_speakers_with_same_person_twice_are_rejected(admin_en_client, root_page):
    anna = factories.PersonFactory()
    url = page_add_url(NetworkPage, root_page)
    speakers = streamfield([("member", {"person": str(anna.pk), "role": ""})] * 2)
    response = admin_en_client.post(url, page_form_data(NetworkPage, speakers=speakers))
    assert_rejected(response, DUPLICATE)
    assert not NetworkPage.objects.exists()


def test_team_block_in_body_with_same_person_twice_is_rejected(admin_en_client, root_page):
    anna = factories.PersonFactory()
    url = page_add_url(SpeakerTeamPage, root_page)
    member = {"person": str(anna.pk), "role": "Koordination"}
    body = streamfield(
        [
            (
                "team",
                {
                    "heading": "Team",
                    "members": {
                        "count": "2",
                        "0": {"value": member, "deleted": "", "order": "0"},
                        "1": {"value": member, "deleted": "", "order": "1"},
                    },
                },
            )
        ]
    )
    response = admin_en_client.post(url, page_form_data(SpeakerTeamPage, body=body))
    assert_rejected(response, DUPLICATE)
    assert not SpeakerTeamPage.objects.exists()


def office_hours(opens: str, closes: str) -> dict:
    return {
        "office_hours": streamfield([("hours", {"opens": opens, "closes": closes})]),
        "raw": {"office_hours-0-value-days": ["Tuesday", "Thursday"]},
    }


def test_office_hours_closing_before_opening_are_rejected(admin_en_client, root_page):
    url = page_add_url(OrganisationProfilePage, root_page)
    data = page_form_data(OrganisationProfilePage, **office_hours("17:00", "09:00"))
    response = admin_en_client.post(url, data)
    assert_rejected(response, "Closing time must be after opening time.")
    assert not OrganisationProfilePage.objects.exists()

    data = page_form_data(OrganisationProfilePage, **office_hours("09:00", "17:00"))
    assert admin_en_client.post(url, data).status_code == 302
    hours = OrganisationProfilePage.objects.get().office_hours[0].value
    assert hours["days"] == ["Tuesday", "Thursday"]
    assert (hours["opens"].hour, hours["closes"].hour) == (9, 17)


# --- Admin views load ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "factory",
    [
        factories.OrganisationFactory,
        factories.PersonFactory,
        factories.FundingFactory,
        factories.EventFactory,
        factories.TopicFactory,
    ],
    ids=lambda factory: factory._meta.model._meta.model_name,
)
def test_snippet_admin_views_load(admin_client, factory):
    obj = factory()
    namespace = f"wagtailsnippets_wagtail_integration_{obj._meta.model_name}"
    for url in (
        reverse(f"{namespace}:list"),
        reverse(f"{namespace}:add"),
        reverse(f"{namespace}:edit", args=[obj.pk]),
        reverse(f"{namespace}:delete", args=[obj.pk]),
    ):
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "factory",
    [
        factories.OrganisationFactory,
        factories.PersonFactory,
        factories.FundingFactory,
        factories.EventFactory,
        factories.TopicFactory,
    ],
    ids=lambda factory: factory._meta.model._meta.model_name,
)
def test_snippet_admin_search(admin_client, factory):
    """Searching the snippet listing and the chooser works on every database backend."""
    obj = factory()
    listing = reverse(f"wagtailsnippets_wagtail_integration_{obj._meta.model_name}:list")
    chooser = reverse(f"wagtailsnippetchoosers_wagtail_integration_{obj._meta.model_name}:choose")
    for url in (chooser, chooser + "?q=Netz", listing + "?q=Netz"):
        assert admin_client.get(url).status_code == 200, url
