"""The cold API v2 listing answers byte for byte what plain, unprefetched serialising answers.

The listing reads the declared rows once for all pages, the renditions as rows
(``content.loading.rendition_rows``), rendition URLs remembered per file
(``content.objects.rendition_url``) and nested objects unvalidated (``model_construct``). The
reference is the page serialised on its own: no loading, every rendition through Wagtail's
``get_renditions`` and ``Rendition.url``.
"""

from __future__ import annotations

import contextlib

import pytest

from wagtail_integration.api import v2
from wagtail_integration.content import objects

from .. import factories as f

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/api/v2/pages/?type=wagtail_integration.NetworkPage&fields=*",
    "/api/v2/pages/?type=wagtail_integration.PressReleasePage&fields=*",
    "/api/v2/pages/?type=wagtail_integration.OrganisationProfilePage&fields=*",
]


@pytest.fixture(autouse=True)
def no_item_cache(settings):
    settings.WAGTAIL_INTEGRATION = {"API_CACHE_TIMEOUT": 0}


@contextlib.contextmanager
def not_loaded(pages, **kwargs):
    yield list(pages)


def reference(client, monkeypatch, url: str) -> bytes:
    with monkeypatch.context() as patch:
        patch.setattr(v2, "load_pages", not_loaded)
        patch.setattr(objects, "_prefetched_renditions", lambda image, specs: None)
        patch.setattr(objects, "rendition_url", lambda rendition: rendition.url)
        response = client.get(url)
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("url", LISTINGS)
def test_cold_listing_is_the_unprefetched_answer(client, monkeypatch, url):
    f.full_network_page(members=3)
    f.full_network_page(members=2, speakers=1)
    f.full_press_release_page()
    f.full_organisation_profile_page()
    client.get(url)  # creates the renditions
    expected = reference(client, monkeypatch, url)
    response = client.get(url)
    assert response.status_code == 200
    assert response.json()["items"]
    assert response.content == expected
    # The renditions are in it (the rows path was taken for logos and photos).
    assert b'"renditions":{"thumbnail":{"url":"/media/' in response.content
