"""Which URLs an HTTP cache in front must drop when content changes (wagtail_integration.purge).
The same against a real Varnish: tests/deploy/test_edge_purge.py."""

from __future__ import annotations

import pytest
from wagtail.contrib.frontend_cache import utils as frontend_cache_utils

from tests import factories
from wagtail_integration import purge

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"
ALWAYS = {f"{ROOT}/sitemap.xml", f"{ROOT}/api/v2/", f"{ROOT}/api/v3/"}


def full(page) -> str:
    return page.get_full_url()


def test_organisation_purges_profile_and_directory_pages(root_page):
    profile = factories.full_organisation_profile_page(parent=root_page)
    directory = factories.DirectoryPageFactory(parent=root_page)
    unrelated = factories.NetworkPageFactory(parent=root_page)
    urls = purge.urls_for_change(profile.organisation)
    assert {full(profile), full(directory)} | ALWAYS <= urls
    assert full(unrelated) not in urls


def test_person_in_a_stream_purges_the_page_that_shows_it(root_page):
    person = factories.PersonFactory()
    page = factories.NetworkPageFactory(parent=root_page, body=factories.body_stream(person))
    assert full(page) in purge.urls_for_change(person)


def test_document_purges_its_download_and_the_pages(root_page):
    document = factories.DocumentFactory()
    page = factories.NetworkPageFactory(
        parent=root_page, body=factories.body_stream(document=document)
    )
    urls = purge.urls_for_change(document)
    assert {full(page), f"{ROOT}/documents/{document.pk}/"} <= urls


def test_image_purges_the_pages_that_show_it(root_page):
    image = factories.ImageFactory()
    page = factories.NetworkPageFactory(parent=root_page, body=factories.body_stream(image=image))
    assert full(page) in purge.urls_for_change(image)


def test_press_release_purges_its_index_and_the_photo_archive(root_page):
    index = factories.PressReleaseIndexPageFactory(parent=root_page)
    release = factories.full_press_release_page(parent=index)
    archive = factories.PhotoArchivePageFactory(parent=root_page)
    urls = purge.urls_for_change(release)
    assert {full(release), full(index), full(archive)} | ALWAYS <= urls


def test_purge_waits_for_the_commit_and_runs_once(
    root_page, monkeypatch, django_capture_on_commit_callbacks
):
    profile = factories.full_organisation_profile_page(parent=root_page)
    sent = []
    monkeypatch.setattr(purge, "enabled", lambda: True)
    monkeypatch.setattr(frontend_cache_utils, "purge_urls_from_cache", sent.append)
    organisation = profile.organisation
    with django_capture_on_commit_callbacks(execute=True):
        organisation.phone = "+49 30 1234"
        organisation.save()
        organisation.save()
        assert sent == []  # nothing before the commit
    assert len(sent) == 1
    assert full(profile) in sent[0]


def test_nothing_is_purged_without_frontend_cache(root_page, monkeypatch):
    monkeypatch.setattr(
        frontend_cache_utils, "purge_urls_from_cache", lambda urls: pytest.fail("purged")
    )
    organisation = factories.OrganisationFactory()
    organisation.save()
