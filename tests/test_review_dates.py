"""Review dates (Prüftermine): the field, its defaults, the dashboard panel, the reminders."""

from __future__ import annotations

import datetime
import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile
from wagtail_localize.operations import TranslationCreator

from tests.testapp import models as host
from wagtail_integration.models import (
    NetworkPage,
    Organisation,
    OrganisationProfilePage,
    Person,
    PressReleasePage,
)
from wagtail_integration.review.checks import check_review_settings
from wagtail_integration.review.items import due_items
from wagtail_integration.review.models import ReviewDateMixin, ReviewReminder, _has_review_panel
from wagtail_integration.review.panels import PANEL_LIMIT, ReviewDatesPanel
from wagtail_integration.review.rules import interval_for
from wagtail_integration.translation_sync import synchronised_fields

from . import factories as f
from .form_helpers import page_edit_data

pytestmark = pytest.mark.django_db

HAS_V3 = apps.is_installed("wagtail.api.v3")


def today() -> datetime.date:
    return timezone.localdate()


def days(n: int) -> datetime.date:
    return today() + timedelta(days=n)


def page_types():
    return [
        model
        for app in ("wagtail_integration", "testapp")
        for model in apps.get_app_config(app).get_models()
        if issubclass(model, Page)
    ]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="pruefer", email="pruefer@example.org", password=None, first_name="Pia"
    )


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_superuser(
        username="kollege", email="kollege@example.org", password=None
    )


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def overdue_page(owner=None, model=f.NetworkPageFactory, by=-5, **fields):
    """A live page whose review date passed ``-by`` days ago (set as stored data would be)."""
    page = model(owner=owner, **fields)
    type(page).objects.filter(pk=page.pk).update(review_by=days(by))
    page.refresh_from_db()
    return page


def edited_by(obj, user):
    """``obj`` as last edited by ``user`` in the admin (Wagtail's log)."""
    log(obj, "wagtail.edit", user=user)
    return obj


# --- The field ----------------------------------------------------------------------------


def test_every_page_type_and_the_snippets_have_a_review_date_in_the_editor():
    models = [*page_types(), Organisation, Person]
    assert len(models) >= 25  # the package's pages, the host variants, two snippets
    for model in models:
        assert issubclass(model, ReviewDateMixin), model
        assert model._meta.get_field("review_by").null
    for model in page_types():
        assert _has_review_panel(model.settings_panels), f"{model.__name__}: settings tab"


def test_the_edit_forms_show_the_field(editor_client, root_page):
    page = f.NetworkPageFactory()
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="review_by"' in html
    for model in (Organisation, Person):
        response = editor_client.get(reverse(model.snippet_viewset.get_url_name("add")))
        assert 'name="review_by"' in response.content.decode(), model


def test_the_review_date_is_synchronised_not_translated():
    for model in (NetworkPage, PressReleasePage, Organisation, Person, host.HostNetworkPage):
        assert "review_by" in {field.name for field in synchronised_fields(model)}, model


# --- Defaults -----------------------------------------------------------------------------


def test_a_new_object_gets_the_interval_of_its_type(root_page):
    assert f.OrganisationFactory().review_by == days(183)
    assert f.PersonFactory().review_by == days(183)
    assert f.NetworkPageFactory().review_by == days(365)
    assert f.OrganisationProfilePageFactory().review_by == days(183)
    index = f.PressReleaseIndexPageFactory()
    assert index.review_by == days(365)
    assert f.PressReleasePageFactory(parent=index).review_by is None  # a dated record
    # An explicit date is kept, also one in the past (data from code, e.g. an import).
    assert f.OrganisationFactory(review_by=days(-3)).review_by == days(-3)


def test_intervals_come_from_the_setting_merged_over_the_defaults():
    setting = {
        "REVIEW_INTERVALS": {"WAGTAIL_INTEGRATION.networkpage": 30, "default": 90},
    }
    with override_settings(WAGTAIL_INTEGRATION=setting):
        assert interval_for(NetworkPage) == 30
        assert interval_for(Organisation) == 183  # a default the host left alone
        assert interval_for(PressReleasePage) is None
        assert interval_for(host.HostNetworkPage) == 30  # a host variant follows its type
        assert interval_for(host.HostProjectPage) == 90
        assert f.NetworkPageFactory().review_by == days(30)
    with override_settings(
        WAGTAIL_INTEGRATION={"REVIEW_INTERVALS": {"testapp.HostNetworkPage": 7}}
    ):
        assert interval_for(host.HostNetworkPage) == 7
        assert interval_for(NetworkPage) == 365


# --- The date moves on when the content is reviewed -----------------------------------------


def test_saving_an_organisation_whose_date_has_come_is_its_review():
    organisation = f.OrganisationFactory(review_by=days(-20))
    organisation.phone = "+49 2541 18-1000"
    organisation.save()
    assert Organisation.objects.get(pk=organisation.pk).review_by == days(183)
    person = f.PersonFactory(review_by=days(40))
    person.save()
    assert Person.objects.get(pk=person.pk).review_by == days(40)  # not due: unchanged


def test_publishing_an_overdue_page_in_the_admin_moves_the_date_on(editor_client, editor):
    page = overdue_page(owner=editor)
    data = page_edit_data(editor_client, page)
    assert data["review_by"] == days(-5).isoformat()  # an unchanged overdue date is valid
    data["action-publish"] = "action-publish"
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NetworkPage.objects.get(pk=page.pk)
    assert page.review_by == days(365)
    # The editor's next form and a later publish of the live revision keep the new date.
    assert page.get_latest_revision_as_object().review_by == days(365)
    assert page.live_revision.as_object().review_by == days(365)
    assert page_edit_data(editor_client, page)["review_by"] == days(365).isoformat()


def test_saving_a_draft_keeps_the_overdue_date(editor_client, editor):
    page = overdue_page(owner=editor)
    data = page_edit_data(editor_client, page)
    data["title"] = "Integrationsnetzwerk, Entwurf"
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NetworkPage.objects.get(pk=page.pk)
    assert page.review_by == days(-5)
    assert page.get_latest_revision_as_object().review_by == days(-5)


def test_publishing_by_code_alone_reviews_nothing(editor):
    page = overdue_page()
    page.save_revision().publish()
    assert NetworkPage.objects.get(pk=page.pk).review_by == days(-5)
    page.save_revision(user=editor).publish()  # a person saved what is published
    assert NetworkPage.objects.get(pk=page.pk).review_by == days(365)


def test_an_empty_date_is_filled_when_a_page_is_published():
    page = f.NetworkPageFactory()
    NetworkPage.objects.filter(pk=page.pk).update(review_by=None)  # older than the field
    page.refresh_from_db()
    revision = page.save_revision()
    revision.publish()
    page = NetworkPage.objects.get(pk=page.pk)
    assert page.review_by == days(365)
    revision.refresh_from_db()
    assert revision.content["review_by"] == days(365).isoformat()


def test_a_reviewed_type_without_an_interval_loses_its_date(editor):
    index = f.PressReleaseIndexPageFactory()
    release = overdue_page(model=f.PressReleasePageFactory, parent=index)
    release.save_revision(user=editor).publish()
    assert PressReleasePage.objects.get(pk=release.pk).review_by is None


def test_the_moved_date_reaches_the_translations(
    editor, locale_en, django_capture_on_commit_callbacks
):
    page = overdue_page(owner=editor)
    organisation = f.OrganisationFactory(review_by=days(-1))
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(editor, [locale_en]).create_translations(page)
        TranslationCreator(editor, [locale_en]).create_translations(organisation)
    english_page = page.get_translation(locale_en).specific
    english_org = organisation.get_translation(locale_en)
    assert english_org.review_by == days(-1)  # copied with the source
    NetworkPage.objects.filter(pk=english_page.pk).update(review_by=days(-5))

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=editor).publish()
        organisation.save()
    assert NetworkPage.objects.get(pk=english_page.pk).review_by == days(365)
    assert Organisation.objects.get(pk=english_org.pk).review_by == days(183)


# --- Validation ---------------------------------------------------------------------------


@pytest.mark.parametrize("offset", [-1, 0])
def test_the_admin_refuses_a_new_date_today_or_earlier(editor_client, editor, offset):
    page = f.NetworkPageFactory(owner=editor)
    data = page_edit_data(editor_client, page)
    data["review_by"] = days(offset).isoformat()
    data["action-publish"] = "action-publish"
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    assert "Bitte ein Datum nach dem heutigen Tag wählen" in response.content.decode()
    assert NetworkPage.objects.get(pk=page.pk).review_by == days(365)

    url = reverse(Organisation.snippet_viewset.get_url_name("add"))
    data = querydict_from_html(editor_client.get(url).content.decode(), form_id="w-editor-form")
    data.update({"name": "Caritasverband Hamm", "kind": "welfare_provider"})
    data["review_by"] = days(offset).isoformat()
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Bitte ein Datum nach dem heutigen Tag wählen" in response.content.decode()
    assert not Organisation.objects.filter(name="Caritasverband Hamm").exists()


def test_the_admin_takes_a_later_date_and_keeps_it(editor_client, editor):
    organisation = edited_by(f.OrganisationFactory(review_by=days(-2)), editor)
    url = reverse(Organisation.snippet_viewset.get_url_name("edit"), args=[organisation.pk])
    data = querydict_from_html(editor_client.get(url).content.decode(), form_id="w-editor-form")
    data["review_by"] = days(30).isoformat()
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Organisation.objects.get(pk=organisation.pk).review_by == days(30)


def test_bad_settings_are_named_by_a_system_check():
    assert check_review_settings(None) == []
    bad = {
        "REVIEW_INTERVALS": {"default": -1},
        "REVIEW_DUE_DAYS": "14",
        "REVIEW_REMINDER_FALLBACK_EMAIL": "redaktion",
    }
    with override_settings(WAGTAIL_INTEGRATION=bad):
        ids = [error.id for error in check_review_settings(None)]
    assert ids == [
        "wagtail_integration.E030",
        "wagtail_integration.E031",
        "wagtail_integration.E032",
    ]


# --- The dashboard panel ------------------------------------------------------------------


def test_the_panel_lists_the_editors_own_items_overdue_first(editor_client, editor, colleague):
    owned = overdue_page(owner=editor, title="Netzwerk Nord")
    soon = f.NetworkPageFactory(owner=editor, title="Netzwerk Süd", review_by=days(10))
    edited = overdue_page(owner=None, title="Netzwerk West", by=-1)
    edited.save_revision(user=editor)  # last edited by the editor (a draft)
    NetworkPage.objects.filter(pk=edited.pk).update(review_by=days(-1))
    organisation = edited_by(
        f.OrganisationFactory(name="Caritas Hamm", review_by=days(-30)), editor
    )
    # Not listed: another person's, not due yet, a draft, a translation, one by a colleague.
    f.NetworkPageFactory(owner=colleague, title="Fremdes Netzwerk", review_by=days(-9))
    f.NetworkPageFactory(owner=editor, title="Später", review_by=days(60))
    f.NetworkPageFactory(owner=editor, title="Unveröffentlicht", live=False, review_by=days(1))
    edited_by(f.OrganisationFactory(name="Fremder Verein", review_by=days(-2)), colleague)

    response = editor_client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    start = html.index('id="wagtail-integration-review-dates')
    panel = html[start : html.index("</section>", start)]
    titles = ["Caritas Hamm", "Netzwerk Nord", "Netzwerk West", "Netzwerk Süd"]
    positions = [panel.index(title) for title in titles]
    assert positions == sorted(positions), "overdue first, then by date"
    for text in ("Fremdes Netzwerk", "Später", "Unveröffentlicht", "Fremder Verein"):
        assert text not in panel
    assert "<caption" in panel and '<th scope="col"' in panel
    assert reverse("wagtailadmin_pages:edit", args=[owned.pk]) in panel
    assert reverse("wagtailadmin_pages:edit", args=[soon.pk]) in panel
    edit_url = reverse(Organisation.snippet_viewset.get_url_name("edit"), args=[organisation.pk])
    assert edit_url in panel


def test_the_panel_says_when_nothing_is_due(editor_client, editor):
    f.NetworkPageFactory(owner=editor, review_by=days(100))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Nothing of yours is due for review in the next 14 days." in html


def test_the_panel_leaves_out_translations(editor, locale_en, django_capture_on_commit_callbacks):
    page = overdue_page(owner=editor)
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(editor, [locale_en]).create_translations(page)
    english = page.get_translation(locale_en).specific
    english.save_revision(user=editor).publish()
    NetworkPage.objects.filter(pk=english.pk).update(review_by=days(-5), owner=editor)
    assert [item.pk for item in due_items(user=editor)] == [page.pk]


def render_panel(user) -> str:
    request = RequestFactory().get("/admin/")
    request.user = user
    with translation.override("en"):
        return ReviewDatesPanel(request).render_html({"request": request, "csrf_token": ""})


def test_the_panel_costs_the_same_few_queries_for_many_items(editor, django_assert_max_num_queries):
    for n in range(3):
        overdue_page(owner=editor, title=f"Netzwerk {n}")
        edited_by(f.OrganisationFactory(review_by=days(-n)), editor)
    render_panel(editor)  # content types cached, as on any admin page after the first
    with django_assert_max_num_queries(2):
        assert render_panel(editor).count("<tr>") == 1 + 6
    for n in range(PANEL_LIMIT + 5):
        overdue_page(owner=editor, title=f"Netzwerk mehr {n}")
        edited_by(f.PersonFactory(review_by=days(-n)), editor)
    with django_assert_max_num_queries(2):
        html = render_panel(editor)
    assert html.count("<tr>") == 1 + PANEL_LIMIT
    assert "Only the first 20 items are shown" in html


def test_administrators_also_see_what_nobody_looks_after(editor, colleague):
    organisation = f.OrganisationFactory(name="Aus dem Import", review_by=days(-1))
    assert organisation.pk in [item.pk for item in due_items(user=editor, unassigned=True)]
    assert organisation.pk not in [item.pk for item in due_items(user=editor)]
    assert "Aus dem Import" in render_panel(editor)  # a superuser


# --- The reminder command -----------------------------------------------------------------


def run_reminders(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("wagtail_integration_review_reminders", *args, stdout=out)
    return out.getvalue()


def test_one_mail_per_person_with_their_items(editor, colleague):
    profile = UserProfile.get_for_user(colleague)
    profile.preferred_language = "en"
    profile.save()
    nord = overdue_page(owner=editor, title="Netzwerk Nord")
    edited_by(f.OrganisationFactory(name="Caritas Hamm", review_by=days(3)), editor)
    overdue_page(owner=colleague, title="Netzwerk Ost")
    f.NetworkPageFactory(owner=editor, title="Noch nicht fällig", review_by=days(60))

    output = run_reminders()
    assert "Sent 2 reminder(s) for 3 item(s)." in output
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"pruefer@example.org", "kollege@example.org"}
    german = by_recipient["pruefer@example.org"]
    assert german.subject == "Prüftermine: 2 Inhalte sind fällig"
    assert "Hallo Pia," in german.body
    assert "Netzwerk Nord" in german.body and "Caritas Hamm" in german.body
    assert "überfällig seit" in german.body
    assert "Noch nicht fällig" not in german.body
    assert f"http://testserver{reverse('wagtailadmin_pages:edit', args=[nord.pk])}" in german.body
    english = by_recipient["kollege@example.org"]
    assert english.subject == "Review dates: 1 item is due"
    assert "Netzwerk Ost" in english.body and "overdue since" in english.body


def test_reminders_are_sent_once_a_day(editor):
    page = overdue_page(owner=editor)
    run_reminders()
    assert len(mail.outbox) == 1
    output = run_reminders()
    assert len(mail.outbox) == 1
    assert "Sent 0 reminder(s) for 0 item(s)." in output
    assert "1 item(s) were already mailed today." in output
    reminder = ReviewReminder.objects.get(object_id=str(page.pk))
    assert (reminder.sent_on, reminder.recipient) == (today(), "pruefer@example.org")
    ReviewReminder.objects.update(sent_on=days(-1))  # the next day
    run_reminders()
    assert len(mail.outbox) == 2


def test_a_dry_run_sends_and_stores_nothing(editor):
    overdue_page(owner=editor, title="Netzwerk Nord")
    output = run_reminders("--dry-run")
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()
    assert "pruefer@example.org would get 1 item(s):" in output
    assert "Netzwerk Nord" in output
    assert "nothing sent" in output


def test_days_widens_the_window(editor):
    f.NetworkPageFactory(owner=editor, title="In drei Wochen", review_by=days(21))
    run_reminders()
    assert mail.outbox == []
    run_reminders("--days", "30")
    assert "In drei Wochen" in mail.outbox[0].body


def test_items_without_a_person_go_to_the_fallback_address(django_user_model):
    f.OrganisationFactory(name="Aus dem Import", review_by=days(-1))
    nobody = django_user_model.objects.create_user(username="ohne", email="", password=None)
    overdue_page(owner=nobody, title="Netzwerk ohne Adresse")
    output = run_reminders()
    assert mail.outbox == []
    assert "2 item(s) have nobody to mail" in output
    with override_settings(
        WAGTAIL_INTEGRATION={"REVIEW_REMINDER_FALLBACK_EMAIL": "redaktion@example.org"}
    ):
        run_reminders()
    assert [message.to for message in mail.outbox] == [["redaktion@example.org"]]
    assert "Aus dem Import" in mail.outbox[0].body
    assert "Netzwerk ohne Adresse" in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Prüftermine")  # German by default


def test_a_negative_day_count_is_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--days"):
        run_reminders("--days", "-1")


# --- Not public ---------------------------------------------------------------------------


MARKER = datetime.date(2031, 7, 19)


def test_the_review_date_is_not_in_the_api(client):
    page = f.NetworkPageFactory(review_by=MARKER)
    organisation = f.OrganisationFactory(review_by=MARKER)
    person = f.PersonFactory(review_by=MARKER)
    urls = [
        f"/api/v2/pages/{page.pk}/",
        "/api/v2/pages/?type=wagtail_integration.NetworkPage&fields=*",
        f"/api/v2/organisations/{organisation.pk}/",
        f"/api/v2/people/{person.pk}/",
    ]
    if HAS_V3:
        urls += [
            f"/api/v3/pages/{page.pk}/",
            f"/api/v3/organisations/{organisation.pk}/",
            f"/api/v3/people/{person.pk}/",
            "/api/v3/openapi.json",
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = json.dumps(response.json())
        assert "review_by" not in text and MARKER.isoformat() not in text, url
    assert MARKER.isoformat() not in client.get(page.url).content.decode()


# --- Demo ---------------------------------------------------------------------------------


def test_the_demo_has_something_due(root_page, editor):
    from wagtail_integration.demo.builder import DemoBuilder

    DemoBuilder(root_page).build()
    items = due_items(user=editor, unassigned=True)
    organisation = [item for item in items if not item.is_page]
    assert [item.label for item in organisation if item.overdue] == ["Integrationsagentur Herne"]
    profile = OrganisationProfilePage.objects.get(slug="integrationsagentur-herne")
    assert profile.review_by == days(10)
    assert profile.pk in [item.pk for item in items if item.is_page]
