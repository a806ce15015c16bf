"""Wagtail's standard Editors and Moderators groups can work with the package out of the box,
every snippet chooser and listing of the package answers a search, and a missing organisation,
person, event, funding or topic is created from inside its chooser."""

from __future__ import annotations

import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from wagtail_integration.models import Event, Funding, NetworkPage, Organisation, Person, Topic
from wagtail_integration.permissions import GROUP_ACTIONS, SNIPPET_MODELS

from . import factories as f

pytestmark = pytest.mark.django_db

SNIPPETS = [Organisation, Person, Event, Funding, Topic]


def codenames(group: Group) -> set[str]:
    return set(group.permissions.values_list("codename", flat=True))


@pytest.fixture
def editor_client(client, django_user_model, root_page):
    """A user whose only group is Wagtail's standard "Editors" group."""
    user = django_user_model.objects.create_user(username="redakteurin", password=None)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_migration_grants_editors_and_moderators_the_snippet_permissions():
    editors = codenames(Group.objects.get(name="Editors"))
    moderators = codenames(Group.objects.get(name="Moderators"))
    for model in SNIPPET_MODELS:
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= editors
        assert f"delete_{model}" not in editors
        assert {f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"} <= (
            moderators
        )


def test_command_grants_again_what_an_administrator_removed():
    editors = Group.objects.get(name="Editors")
    editors.permissions.remove(*editors.permissions.filter(codename__endswith="_organisation"))
    out = io.StringIO()
    call_command("wagtail_integration_grant_permissions", stdout=out)
    assert "Editors: 3 permissions added" in out.getvalue()
    assert {"add_organisation", "change_organisation", "view_organisation"} <= codenames(editors)
    out = io.StringIO()
    call_command("wagtail_integration_grant_permissions", stdout=out)
    assert "Editors: 0 permissions added" in out.getvalue()
    assert set(GROUP_ACTIONS) == {"Editors", "Moderators"}


def test_editor_sees_the_integration_menu_and_the_import(editor_client):
    response = editor_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    for model in SNIPPETS:
        assert reverse(model.snippet_viewset.get_url_name("list")) in html, model
    response = editor_client.get(reverse("wagtail_integration_import_organisations"))
    assert response.status_code == 200


def test_editor_creates_an_organisation(editor_client, locale_de):
    url = reverse(Organisation.snippet_viewset.get_url_name("add"))
    response = editor_client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    data["name"] = "Caritasverband Hamm"
    data["kind"] = Organisation.Kind.choices[0][0]
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Organisation.objects.filter(name="Caritasverband Hamm", locale=locale_de).exists()


def test_editor_creates_a_network_page(editor_client, root_page):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["wagtail_integration", "networkpage", root_page.pk],
    )
    response = editor_client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for field in NetworkPage._meta.get_fields():  # StreamField inputs come from JavaScript
        if isinstance(field, StreamField):
            data[f"{field.name}-count"] = "0"
    data["title"] = "Netzwerk Integration Hamm"
    data["slug"] = "netzwerk-integration-hamm"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = NetworkPage.objects.get(title="Netzwerk Integration Hamm")
    assert page.get_parent().pk == root_page.pk
    assert not page.live  # Editors may not publish: the page waits for a moderator


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda m: m.__name__)
def test_every_chooser_and_listing_answers_a_search(admin_client, locale_de, model):
    f.OrganisationFactory(name="Caritasverband Hamm")
    f.TopicFactory(name="Sprachförderung")
    f.FundingFactory(name="Landesprogramm Integration")
    f.PersonFactory(first_name="Aylin", last_name="Yılmaz")
    f.EventFactory(title="Sprachcafé im Stadtteilzentrum")
    viewset = model.snippet_viewset
    urls = [
        reverse(viewset.get_url_name("list_results")),
        reverse(viewset.get_url_name("list")),
        reverse(viewset.chooser_viewset.get_url_name("choose")),
        reverse(viewset.chooser_viewset.get_url_name("choose_results")),
    ]
    for url in urls:
        for query in ("a", "Hamm", "Sprach"):
            response = admin_client.get(url, {"q": query})
            assert response.status_code == 200, (url, query, response.status_code)
        response = admin_client.get(url, {"q": "Hamm", "locale": "de"})
        assert response.status_code == 200, (url, "locale", response.status_code)


# The "Create" tab of each chooser: the required fields, with a valid entry of each.
CHOOSER_CREATION = {
    Organisation: {"name": "Caritasverband Hamm", "kind": "welfare_provider"},
    Person: {"first_name": "Aylin", "last_name": "Yılmaz"},
    Event: {
        "title": "Sprachcafé im Stadtteilzentrum",
        "kind": "meeting",
        "start_date": "2026-12-03",
    },
    Funding: {"name": "Landesprogramm Integration"},
    Topic: {"name": "Sprachförderung"},
}


def chooser_url(model, name: str, **params) -> str:
    url = reverse(model.snippet_viewset.chooser_viewset.get_url_name(name))
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def modal_json(response) -> dict:
    assert response.status_code == 200, response.content.decode()[:2000]
    return json.loads(response.content)


def created(model, data: dict):
    key = "title" if model is Event else "last_name" if model is Person else "name"
    return model.objects.filter(**{key: data[key]})


@pytest.mark.parametrize("model", list(CHOOSER_CREATION), ids=lambda m: m.__name__)
def test_editor_creates_from_inside_the_chooser(editor_client, locale_de, model):
    data = CHOOSER_CREATION[model]
    modal = modal_json(editor_client.get(chooser_url(model, "choose", locale="de")))
    assert "data-chooser-modal-creation-form" in modal["html"]
    # Only the required fields (and the kind, which sorts the directory) are asked for.
    for field in data:
        assert f'name="{field}"' in modal["html"], field
    assert 'name="email"' not in modal["html"]
    # The form's address keeps the editing language for the create view.
    assert chooser_url(model, "create", locale="de").replace("&", "&amp;") in modal["html"]

    answer = modal_json(editor_client.post(chooser_url(model, "create", locale="de"), data))
    assert answer["step"] == "chosen", answer
    instance = created(model, data).get()
    assert answer["result"]["id"] == str(instance.pk)
    assert answer["result"]["string"] == str(instance)
    assert instance.locale == locale_de
    assert ModelLogEntry.objects.for_instance(instance).filter(action="wagtail.create").exists()


@pytest.mark.parametrize("model", list(CHOOSER_CREATION), ids=lambda m: m.__name__)
def test_chooser_creation_in_the_locale_of_the_page_being_edited(
    editor_client, locale_de, locale_en, model
):
    """Wagtail opens the chooser with the edited page's locale; the new object is in it, a
    source object of its own (a new translation key), as if created in the snippet admin."""
    data = CHOOSER_CREATION[model]
    modal = modal_json(editor_client.get(chooser_url(model, "choose", locale="en")))
    assert chooser_url(model, "create", locale="en").replace("&", "&amp;") in modal["html"]
    answer = modal_json(editor_client.post(chooser_url(model, "create", locale="en"), data))
    assert answer["step"] == "chosen", answer
    instance = created(model, data).get()
    assert instance.locale == locale_en
    assert not model.objects.filter(translation_key=instance.translation_key).exclude(
        pk=instance.pk
    )


@pytest.mark.parametrize("model", list(CHOOSER_CREATION), ids=lambda m: m.__name__)
def test_chooser_creation_without_a_required_field_shows_the_error_in_the_modal(
    editor_client, locale_de, model
):
    data = dict(CHOOSER_CREATION[model])
    missing = "title" if model is Event else "last_name" if model is Person else "name"
    data[missing] = ""
    answer = modal_json(editor_client.post(chooser_url(model, "create", locale="de"), data))
    assert answer["step"] == "reshow_creation_form"
    html = answer["htmlFragment"]
    assert "error-message" in html, html[:3000]
    for field, value in data.items():  # what was typed comes back
        if value and field != "kind":
            assert f'value="{value}"' in html, (field, html[:3000])
    assert not model.objects.exists()


def test_chooser_creation_refuses_an_impossible_date_and_an_unknown_language(
    editor_client, locale_de
):
    data = dict(CHOOSER_CREATION[Event], start_date="2026-02-31")
    answer = modal_json(editor_client.post(chooser_url(Event, "create", locale="de"), data))
    assert answer["step"] == "reshow_creation_form"
    assert "error-message" in answer["htmlFragment"]
    data = CHOOSER_CREATION[Organisation]
    answer = modal_json(editor_client.post(chooser_url(Organisation, "create", locale="xx"), data))
    assert answer["step"] == "reshow_creation_form"
    assert "xx" in answer["htmlFragment"]
    assert 'value="Caritasverband Hamm"' in answer["htmlFragment"]
    assert not Event.objects.exists() and not Organisation.objects.exists()


@pytest.mark.parametrize("model", list(CHOOSER_CREATION), ids=lambda m: m.__name__)
def test_no_create_tab_without_the_add_permission(client, django_user_model, locale_de, model):
    """A user who may choose (view) but not add gets the chooser without the tab, and the
    create view refuses the form."""
    group = Group.objects.create(name="Lesende")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename=f"view_{model._meta.model_name}"),
    )
    user = django_user_model.objects.create_user(username="lesend", password=None)
    user.groups.add(group)
    client.force_login(user)
    modal = modal_json(client.get(chooser_url(model, "choose", locale="de")))
    assert "data-chooser-modal-creation-form" not in modal["html"]
    response = client.post(chooser_url(model, "create", locale="de"), CHOOSER_CREATION[model])
    assert response.status_code in (302, 403)
    assert not model.objects.exists()
