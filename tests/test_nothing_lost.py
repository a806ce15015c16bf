"""Nothing is lost without a warning: snippet usage before deletion, pages that keep working
after it, and translators' work that survives a sync from the source language.

Imports are all or nothing: see ``test_importing.py`` (``test_bad_rows_name_each_line_and_write_
nothing`` and ``test_admin_confirm_with_tampered_data_writes_nothing``).
"""

from __future__ import annotations

import json

import pytest
import wagtail
from django.apps import apps
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, ReferenceIndex

from wagtail_integration.models import (
    Event,
    Funding,
    NetworkPage,
    Organisation,
    OrganisationProfilePage,
    PartnerListingPage,
    Person,
    ProjectPage,
    SpeakerTeamPage,
)

from . import factories as f

pytestmark = pytest.mark.django_db

HAS_V3 = apps.is_installed("wagtail.api.v3")
SNIPPETS = [Organisation, Person, Event, Funding]

# Page types whose full builders use every kind of reference: FKs, inline rows, chooser
# blocks in StreamFields (press pages are left out while their model changes elsewhere).
FULL_PAGES = {
    NetworkPage: f.full_network_page,
    PartnerListingPage: f.full_partner_listing_page,
    SpeakerTeamPage: f.full_speaker_team_page,
    ProjectPage: f.full_project_page,
    OrganisationProfilePage: f.full_organisation_profile_page,
}


def usage_url(obj) -> str:
    return reverse(
        f"wagtailsnippets_wagtail_integration_{obj._meta.model_name}:usage", args=[obj.pk]
    )


def delete_url(obj) -> str:
    return reverse(
        f"wagtailsnippets_wagtail_integration_{obj._meta.model_name}:delete", args=[obj.pk]
    )


def referenced_pages(obj) -> set[str]:
    from django.contrib.contenttypes.models import ContentType

    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
    return {str(pk) for pk in references.values_list("object_id", flat=True)}


def snippets_in(data) -> set[tuple[type, int]]:
    """(model, id) of every snippet an API answer shows, recognised by its schema's keys."""
    found = set()
    if isinstance(data, dict):
        keys = set(data)
        if {"kind_label", "municipality", "short_name"} <= keys:
            found.add((Organisation, data["id"]))
        elif {"full_name", "last_name"} <= keys:
            found.add((Person, data["id"]))
        elif {"start_date", "kind_label", "registration_url"} <= keys:
            found.add((Event, data["id"]))
        elif {"funder", "attribution"} <= keys:
            found.add((Funding, data["id"]))
        for value in data.values():
            found |= snippets_in(value)
    elif isinstance(data, list):
        for value in data:
            found |= snippets_in(value)
    return found


# --- Usage before deletion -----------------------------------------------------------------


@pytest.mark.parametrize("model", FULL_PAGES, ids=lambda model: model.__name__)
def test_every_snippet_a_page_shows_is_in_the_reference_index(root_page, model):
    """The admin's usage count comes from the reference index: FKs, inline rows and chooser
    blocks in StreamFields must all be in it, or deleting looks harmless when it is not."""
    page = FULL_PAGES[model]()
    page.save_revision().publish()
    shown = snippets_in(Client().get(f"/api/v2/pages/{page.pk}/").json())
    assert {model for model, _pk in shown} == set(SNIPPETS) - (
        {Event} if model in (NetworkPage, SpeakerTeamPage, OrganisationProfilePage) else set()
    ), shown
    missing = [
        f"{snippet_model.__name__} {pk}"
        for snippet_model, pk in shown
        if str(page.pk) not in referenced_pages(snippet_model.objects.get(pk=pk))
        # a nested object (e.g. a person's organisation) is referenced by the snippet, not
        # by the page: it is found through that snippet's own usage
        and _directly_used(page, snippet_model, pk)
    ]
    assert not missing, missing


def _directly_used(page, snippet_model, pk) -> bool:
    nested = set()
    for person in Person.objects.filter(organisation__isnull=False):
        nested.add((Organisation, person.organisation_id))
    for event in Event.objects.all():
        if event.lecturer_id:
            nested.add((Person, event.lecturer_id))
        if event.organiser_id:
            nested.add((Organisation, event.organiser_id))
    return (snippet_model, pk) not in nested


@pytest.mark.parametrize(
    ("factory", "field"),
    [
        (f.OrganisationFactory, "partners"),
        (f.PersonFactory, "members"),
        (f.EventFactory, "events"),
        (f.FundingFactory, "funding"),
    ],
    ids=["organisation", "person", "event", "funding"],
)
def test_delete_view_shows_where_a_snippet_is_used(admin_en_client, root_page, factory, field):
    obj = factory()
    value = {
        "partners": [("organisation", obj)],
        "members": f.team_members([obj]),
        "events": [("event", obj)],
        "funding": [("funding", obj)],
    }[field]
    builder = {
        "partners": f.ProjectPageFactory,
        "members": f.SpeakerTeamPageFactory,
        "events": f.ProjectPageFactory,
        "funding": f.ProjectPageFactory,
    }[field]
    page = builder(title="Seite mit Verweis", **{field: value})
    page.save_revision().publish()

    response = admin_en_client.get(delete_url(obj))
    assert response.status_code == 200
    html = response.content.decode()
    assert usage_url(obj) in html  # "Used 1 time" links to the usage view
    usage = admin_en_client.get(usage_url(obj))
    assert usage.status_code == 200
    assert "Seite mit Verweis" in usage.content.decode()


def test_protected_organisation_is_not_deleted_and_says_why(admin_en_client, root_page):
    membership = f.NetworkMembershipFactory()
    organisation = membership.organisation
    response = admin_en_client.get(delete_url(organisation))
    assert response.status_code == 200
    text = response.content.decode()
    assert usage_url(organisation) in text  # where it is used, one click away
    if wagtail.VERSION >= (8,):  # Wagtail 7 shows the usage count only
        assert "prevent it from being deleted" in text
    # A forced POST is refused as well: Wagtail 8 answers "permission denied" (back to the
    # dashboard), the package's before_delete_snippet hook sends Wagtail 7 to the usage view.
    response = admin_en_client.post(delete_url(organisation))
    assert response.status_code == 302
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert membership.page.title in admin_en_client.get(usage_url(organisation)).content.decode()


# --- After deletion ------------------------------------------------------------------------


@pytest.mark.parametrize("model", FULL_PAGES, ids=lambda model: model.__name__)
def test_pages_keep_working_after_their_snippets_are_deleted(root_page, model):
    page = FULL_PAGES[model]()
    page.save_revision().publish()
    kept = []
    for snippet_model in SNIPPETS:
        for obj in snippet_model.objects.all():
            try:
                obj.delete()
            except ProtectedError:  # listed as a member: the admin refuses, see above
                kept.append(obj)
    assert Person.objects.count() == 0 and Event.objects.count() == 0
    client = Client(raise_request_exception=False)
    page = Page.objects.get(pk=page.pk).specific
    response = client.get(page.url)
    assert response.status_code == 200, response.content[:500]
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:500]
    json.loads(response.content)
    response = client.get(f"/api/v2/pages/?type=wagtail_integration.{model.__name__}&fields=*")
    assert response.status_code == 200, response.content[:500]
    if HAS_V3:
        for url in (f"/api/v3/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/?rich_text_format=html"):
            response = client.get(url)
            assert response.status_code == 200, (url, response.content[:500])


def test_deleting_a_snippet_through_the_admin_leaves_the_page_serving(admin_en_client, root_page):
    person = f.PersonFactory(last_name="Yılmaz")
    page = f.SpeakerTeamPageFactory(members=f.team_members([person]), contact_person=person)
    page.save_revision().publish()
    assert "Yılmaz" in Client().get(page.url).content.decode()
    response = admin_en_client.post(delete_url(person))
    assert response.status_code == 302
    assert not Person.objects.exists()
    client = Client(raise_request_exception=False)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Yılmaz" not in response.content.decode()
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200


# --- Translations: a translator's work survives a sync ---------------------------------------


@pytest.fixture
def english(locale_de):
    return Locale.objects.create(language_code="en")


def sync(admin_client, source) -> None:
    """The admin's “Sync translated pages/snippets” action, publishing the translations."""
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302, response.content[:500]


def translate(obj, locale, user):
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import TranslationCreator

    TranslationCreator(user, [locale]).create_translations(obj)
    return Translation.objects.get(source__object_id=obj.translation_key, target_locale=locale)


def test_translators_string_and_override_survive_a_sync(admin_client, superuser, english):
    from wagtail_localize.models import SegmentOverride, StringTranslation

    organisation = f.OrganisationFactory(
        name="Stadt Lingen – Fachbereich Integration", phone="0591 9144-0"
    )
    translation = translate(organisation, english, superuser)
    source = translation.source
    name = source.stringsegment_set.get(context__path="name")
    StringTranslation.objects.create(
        translation_of=name.string,
        locale=english,
        context=name.context,
        data="City of Lingen – Integration Department",
    )
    phone = source.overridablesegment_set.get(context__path="phone")
    SegmentOverride.objects.create(
        locale=english, context=phone.context, data_json=json.dumps("+49 591 9144-77")
    )
    translation.save_target(publish=True)

    organisation.description = "<p>Neu: Beratung auch samstags.</p>"
    organisation.fax = "0591 9144-99"
    organisation.save()
    sync(admin_client, source)

    target = Organisation.objects.get(translation_key=organisation.translation_key, locale=english)
    assert target.name == "City of Lingen – Integration Department"  # translated string kept
    assert target.phone == "+49 591 9144-77"  # the override wins over the synchronised value
    assert target.fax == "0591 9144-99"  # not overridden: synchronised from the source


def test_a_stopped_translation_is_never_overwritten(admin_client, superuser, english):
    """“Stop synced translation” turns the page into a manual one: syncs leave it alone."""
    page = f.ProjectPageFactory(title="Ankommen im Dorf", region="Hasetal")
    translation = translate(page, english, superuser)
    target = Page.objects.get(translation_key=page.translation_key, locale=english).specific
    # The synced translation is edited in wagtail-localize's editor, not the page form.
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert response.status_code == 200
    assert "wagtail_localize" in " ".join(t.name for t in response.templates if t.name)

    stop = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    assert admin_client.post(stop, {"next": "/admin/"}).status_code == 302
    translation.refresh_from_db()
    assert not translation.enabled
    target.title = "Arriving in the village"
    target.region = "Hase valley"
    target.save_revision().publish()

    page.region = "LEADER-Region Hasetal"
    page.save_revision().publish()
    sync(admin_client, translation.source)
    target = Page.objects.get(pk=target.pk).specific
    assert (target.title, target.region) == ("Arriving in the village", "Hase valley")
