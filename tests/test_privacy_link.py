"""The privacy notice (Datenschutz) in every footer: ``WAGTAIL_INTEGRATION["PRIVACY_URL"]``
as a URL, a page id or per language; a deploy check when it is missing; the example site's
own privacy page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core import checks
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from example_site.example_site.home.management.commands.wagtail_integration_demo import (
    Command as ExampleDemoCommand,
)
from example_site.example_site.home.models import ContentPage, HomePage
from wagtail_integration.checks import check_privacy_url

from . import factories as f

pytestmark = pytest.mark.django_db

PRIVACY = "https://www.example.org/datenschutz/"

PAGE_FACTORIES = [
    f.NetworkPageFactory,
    f.PartnerListingPageFactory,
    f.SpeakerTeamPageFactory,
    f.PressReleaseIndexPageFactory,
    f.PressReleasePageFactory,
    f.ProjectIndexPageFactory,
    f.ProjectPageFactory,
    f.DirectoryPageFactory,
    f.OrganisationProfilePageFactory,
    f.AccessibilityStatementPageFactory,
    f.EasyReadPageFactory,
    f.ImpressumPageFactory,
    f.PhotoArchivePageFactory,
]


def privacy_link(html: bytes | str):
    soup = BeautifulSoup(html, "html.parser")
    names = {"Datenschutzerklärung", "Privacy notice"}  # in German and English pages
    links = [a for a in soup.select("footer .wi-footer-links a") if a.get_text(strip=True) in names]
    assert len(links) <= 1
    return links[0]["href"] if links else None


def test_the_factories_cover_every_page_type_of_the_package():
    from wagtail.models import get_page_models

    package = {m for m in get_page_models() if m._meta.app_label == "wagtail_integration"}
    assert {factory._meta.model for factory in PAGE_FACTORIES} == package


@pytest.mark.parametrize("factory", PAGE_FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_every_page_type_links_the_privacy_notice(client, settings, factory):
    settings.WAGTAIL_INTEGRATION = {"PRIVACY_URL": PRIVACY}
    page = factory()
    response = client.get(page.url)
    assert response.status_code == 200
    assert privacy_link(response.content) == PRIVACY


def test_the_example_sites_pages_link_it_too(client, settings, root_page):
    settings.WAGTAIL_INTEGRATION = {"PRIVACY_URL": PRIVACY, "BASE_TEMPLATE": "home/base.html"}
    call_command(ExampleDemoCommand(), organisations=0, verbosity=0)
    home = HomePage.objects.get()
    privacy = ContentPage.objects.get(slug="datenschutz")
    assert privacy.get_parent().pk == home.pk and privacy.live
    for page in (home, privacy, Page.objects.get(slug="sprecherteam")):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert privacy_link(response.content) == PRIVACY, page.url


def test_no_setting_no_link(client, settings):
    settings.WAGTAIL_INTEGRATION = {}
    page = f.ProjectPageFactory()
    assert privacy_link(client.get(page.url).content) is None


def test_a_page_id_links_the_page_in_the_visitors_language(client, settings, root_page, locale_en):
    privacy = root_page.add_child(instance=ContentPage(title="Datenschutz", slug="datenschutz"))
    privacy.save_revision().publish()
    settings.WAGTAIL_INTEGRATION = {"PRIVACY_URL": privacy.pk}
    project = f.ProjectPageFactory()
    assert privacy_link(client.get(project.url).content) == privacy.url

    root_en = root_page.copy_for_translation(locale_en)
    root_en.save_revision().publish()
    project_en = project.get_parent().copy_for_translation(locale_en)
    project_en.save_revision().publish()
    project_en = project.copy_for_translation(locale_en)
    project_en.save_revision().publish()
    # No English privacy page yet: the German one.
    assert privacy_link(client.get(project_en.url).content) == privacy.url
    privacy_en = privacy.copy_for_translation(locale_en)
    privacy_en.title = "Privacy notice"
    privacy_en.save_revision().publish()
    assert privacy_link(client.get(project_en.url).content) == privacy_en.url
    assert privacy_en.url.startswith("/en/")
    # An unpublished privacy page is not linked.
    privacy.unpublish()
    privacy_en.unpublish()
    assert privacy_link(client.get(project.url).content) is None


def test_a_dict_gives_one_url_per_language(client, settings):
    settings.WAGTAIL_INTEGRATION = {"PRIVACY_URL": {"en": "/en/privacy/", "": "/datenschutz/"}}
    page = f.ProjectPageFactory()
    assert privacy_link(client.get(page.url).content) == "/datenschutz/"


@override_settings(WAGTAIL_INTEGRATION={})
def test_a_missing_privacy_url_is_a_deploy_warning():
    (message,) = check_privacy_url(None)
    assert message.id == "wagtail_integration.W030"
    assert message.level == checks.WARNING
    assert "PRIVACY_URL" in message.msg
    deploy = checks.run_checks(include_deployment_checks=True)
    assert "wagtail_integration.W030" in [m.id for m in deploy]
    # Not in a plain `check`: a development site needs no privacy notice yet.
    plain = checks.run_checks(include_deployment_checks=False)
    assert "wagtail_integration.W030" not in [m.id for m in plain]


@pytest.mark.parametrize("value", [PRIVACY, "/datenschutz/", 42, {"de": "/datenschutz/", "": 7}])
def test_a_privacy_url_passes_the_check(value):
    with override_settings(WAGTAIL_INTEGRATION={"PRIVACY_URL": value}):
        assert check_privacy_url(None) == []


@pytest.mark.parametrize("value", [True, ["/datenschutz/"], {"de": None}, 4.2])
def test_a_wrong_privacy_url_is_an_error(value):
    with override_settings(WAGTAIL_INTEGRATION={"PRIVACY_URL": value}):
        (message,) = check_privacy_url(None)
    assert message.id == "wagtail_integration.E033"


def test_the_example_site_sets_it():
    import importlib

    base = importlib.import_module("example_site.example_site.settings.base")
    assert base.WAGTAIL_INTEGRATION["PRIVACY_URL"] == "/datenschutz/"
