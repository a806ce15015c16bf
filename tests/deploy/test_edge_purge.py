"""Varnish in front of the three workers: a change purges every URL that shows it, so the
next answer through the cache is fresh, and an unpublished page is never served from it."""

from __future__ import annotations

import secrets

import pytest

pytestmark = pytest.mark.deployed

PAGES = """
import json
from wagtail_integration.models import (
    OrganisationProfilePage, PhotoArchivePage, PressReleasePage)
from wagtail_integration.models.photos import release_photo_specs
profile = OrganisationProfilePage.objects.live().exclude(organisation=None).first()
archive = PhotoArchivePage.objects.live().first()
release = next(r for r in PressReleasePage.objects.live().public() if release_photo_specs(r))
index = release.get_parent()
print(json.dumps({
    "profile": profile.pk, "profile_url": profile.get_url(),
    "organisation": profile.organisation_id,
    "archive_url": archive.get_url(), "release": release.pk,
    "release_url": release.get_url(), "index_url": index.get_url(),
}))
"""


@pytest.fixture(scope="module")
def edge(deployment):
    if not deployment.varnish_port:
        pytest.skip("varnishd is not installed (.ci/run installs it from Debian)")
    return deployment


@pytest.fixture(scope="module")
def pages(edge):
    return edge.shell(PAGES)


def cached(edge, path: str) -> str:
    """The answer through Varnish, after making sure Varnish keeps it (a hit)."""
    edge.request(path, through_varnish=True)
    answer = edge.request(path, through_varnish=True)
    assert answer.status == 200, (path, answer.status)
    assert answer.headers.get("x-cache") == "HIT", (path, answer.headers)
    return answer.body


def fresh(edge, path: str) -> str:
    answer = edge.request(path, through_varnish=True)
    assert answer.status == 200, (path, answer.status)
    return answer.body


def test_snippet_change_purges_pages_and_api(edge, pages):
    paths = [
        pages["profile_url"],
        f"/api/v2/pages/{pages['profile']}/",
        f"/api/v3/pages/{pages['profile']}/",
        f"/api/v3/organisations/{pages['organisation']}/",
    ]
    old = f"+49 30 {secrets.randbelow(10**6):06d}"
    new = f"+49 40 {secrets.randbelow(10**6):06d}"
    edge.shell(
        f"""
        from wagtail_integration.models import Organisation
        o = Organisation.objects.get(pk={pages["organisation"]}); o.phone = {old!r}; o.save()
        """
    )
    for path in paths:
        assert old in cached(edge, path), path
    edge.shell(
        f"""
        from wagtail_integration.models import Organisation
        o = Organisation.objects.get(pk={pages["organisation"]}); o.phone = {new!r}; o.save()
        """
    )
    for path in paths:
        body = fresh(edge, path)
        assert new in body and old not in body, path


def test_page_change_purges_its_listings_feeds_and_api(edge, pages):
    title = f"Neuer Titel {secrets.token_hex(4)}"
    paths = [
        pages["release_url"],
        pages["index_url"],
        pages["index_url"] + "feed/rss/",
        pages["archive_url"],
        f"/api/v2/pages/{pages['release']}/",
        "/api/v2/pages/?type=wagtail_integration.PressReleasePage",
        f"/api/v3/pages/{pages['release']}/",
        "/api/v3/pages/?type=wagtail_integration.PressReleasePage",
    ]
    for path in paths:
        assert title not in cached(edge, path)
    edge.shell(
        f"""
        from wagtail.models import Page
        release = Page.objects.get(pk={pages["release"]}).specific
        release.title = {title!r}
        release.save_revision().publish()
        """
    )
    for path in paths:
        assert title in fresh(edge, path), path


def test_unpublished_page_never_stays_in_the_cache(edge, pages):
    marker = pages["release_url"] + '"'
    listings = [
        pages["index_url"],
        pages["archive_url"],
        "/api/v2/pages/?type=wagtail_integration.PressReleasePage&fields=title",
        "/api/v3/pages/?type=wagtail_integration.PressReleasePage",
    ]
    cached(edge, pages["release_url"])
    details = [f"/api/v{version}/pages/{pages['release']}/" for version in (2, 3)]
    for path in details:
        cached(edge, path)
    for path in listings:
        assert marker in cached(edge, path), path
    edge.shell(
        f"""
        from wagtail.models import Page
        Page.objects.get(pk={pages["release"]}).specific.unpublish()
        """
    )
    try:
        for path in [pages["release_url"], *details]:
            assert edge.request(path, through_varnish=True).status == 404, path
        for path in listings:
            assert marker not in fresh(edge, path), path
    finally:
        edge.shell(
            f"""
            from wagtail.models import Page
            Page.objects.get(pk={pages["release"]}).specific.get_latest_revision().publish()
            """
        )
