"""A host's own variant of every abstract page type (tests/testapp): created, rendered as
HTML, served by API v2 and v3 and translated with wagtail-localize, like the package's own."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from wagtail.models import Page
from wagtail_localize.operations import TranslationCreator

from tests.testapp import models as host

from . import factories

pytestmark = pytest.mark.django_db

requires_api_v3 = pytest.mark.skipif(
    not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
)

NOTE = "Eigenes Feld des Hosts"


def create(model, parent=None, **fields):
    parent = Page.objects.get(pk=(parent or factories.default_parent()).pk)
    page = model(title=f"Host {model.__name__}", host_note=NOTE, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    link = page.host_links.model(page=page, label="Eigener Link", locale=page.locale)
    link.save()
    return model.objects.get(pk=page.pk)


def host_page(model) -> Page:
    """A page of ``model`` with its own orderable row and the orderables of its abstract base."""
    if model is host.HostPressReleasePage:
        index = create(host.HostPressReleaseIndexPage)
        return create(
            model,
            parent=index,
            release_date=datetime.date(2025, 5, 12),
            lead="Das Netzwerk informiert.",
            publisher=factories.OrganisationFactory(),
        )
    if model is host.HostProjectPage:
        index = create(host.HostProjectIndexPage)
        return create(model, parent=index, start_date=datetime.date(2024, 1, 1))
    if model is host.HostOrganisationProfilePage:
        return create(model, organisation=factories.OrganisationFactory())
    page = create(model)
    if model is host.HostNetworkPage:
        organisation = factories.OrganisationFactory(name="Mitgliedsverein Nord")
        host.HostNetworkMembership(page=page, organisation=organisation, locale=page.locale).save()
        host.HostWorkingGroup(page=page, name="AG Sprache", locale=page.locale).save()
    if model is host.HostPartnerListingPage:
        organisation = factories.OrganisationFactory(name="Partnerbetrieb Süd")
        host.HostPartnership(page=page, organisation=organisation, locale=page.locale).save()
    return page


@pytest.mark.parametrize("model", host.HOST_PAGE_TYPES, ids=lambda m: m.__name__)
def test_host_variant_renders_html(client, model):
    page = host_page(model)
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_host_orderables_show_on_the_page(client):
    network = host_page(host.HostNetworkPage)
    html = client.get(network.url).content.decode()
    assert "Mitgliedsverein Nord" in html and "AG Sprache" in html
    listing = host_page(host.HostPartnerListingPage)
    assert "Partnerbetrieb Süd" in client.get(listing.url).content.decode()


def test_host_indexes_list_their_own_child_types(client):
    release = host_page(host.HostPressReleasePage)
    index = release.get_parent().specific
    assert list(index.get_releases()) == [release]
    assert release.title in client.get(index.url).content.decode()
    feed = client.get(index.url + "feed/rss/")
    assert feed.status_code == 200 and release.title in feed.content.decode()
    project = host_page(host.HostProjectPage)
    assert list(project.get_parent().specific.get_projects()) == [project]
    archive = create(host.HostPhotoArchivePage)
    assert list(archive.get_releases()) == [release]


@pytest.mark.parametrize("version", ["v2", pytest.param("v3", marks=requires_api_v3)])
@pytest.mark.parametrize("model", host.HOST_PAGE_TYPES, ids=lambda m: m.__name__)
def test_host_variant_in_the_api(client, model, version):
    page = host_page(model)
    response = client.get(f"/api/{version}/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:500]
    data = response.json()
    assert data["host_note"] == NOTE
    if version == "v2":
        assert data["meta"]["type"] == f"testapp.{model.__name__}"
    for field in model.api_fields:
        assert field.name in data, field.name


@pytest.mark.parametrize("model", host.HOST_PAGE_TYPES, ids=lambda m: m.__name__)
def test_host_variant_translates(
    client, model, superuser, locale_en, django_capture_on_commit_callbacks
):
    page = host_page(model)
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(superuser, [locale_en]).create_translations(page)
    translated = page.get_translation(locale_en).specific
    assert type(translated) is model
    assert translated.host_note == NOTE
    assert [link.label for link in translated.host_links.all()] == ["Eigener Link"]
    assert translated.host_links.get().locale == locale_en
    if translated.live:
        assert client.get(translated.url).status_code == 200
