"""Wagtail's standard Editors and Moderators groups can work with the package out of the box,
and every snippet chooser and listing of the package answers a search."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.fields import StreamField
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
