"""HTTP contract of every API answer: CORS (django-cors-headers), ETag/Last-Modified/304,
Cache-Control, Vary and gzip."""

from __future__ import annotations

import gzip

import pytest
from django.apps import apps
from django.test import Client

from .. import factories as f

pytestmark = pytest.mark.django_db

HAS_V3 = apps.is_installed("wagtail.api.v3")
needs_v3 = pytest.mark.skipif(not HAS_V3, reason="API v3 needs Wagtail 8 or newer")
FRONTEND = "https://frontend.example"


@pytest.fixture
def frontend(settings):
    settings.WAGTAIL_INTEGRATION = {"CORS_ALLOWED_ORIGINS": [FRONTEND]}


@pytest.fixture
def organisation(root_page):
    return f.OrganisationFactory(name="Diakonisches Werk Meppen")


@pytest.fixture
def urls(organisation):
    page = f.ProjectPageFactory()
    found = [
        f"/api/v2/pages/{page.pk}/",
        "/api/v2/pages/",
        f"/api/v2/organisations/{organisation.pk}/",
        "/api/v2/organisations/",
        "/api/v2/people/",
        "/api/v2/events/",
        "/api/v2/images/",
        "/api/v2/documents/",
    ]
    if HAS_V3:
        found += [
            f"/api/v3/pages/{page.pk}/",
            "/api/v3/pages/",
            f"/api/v3/organisations/{organisation.pk}/",
            "/api/v3/organisations/",
            "/api/v3/people/",
            "/api/v3/events/",
            "/api/v3/openapi.json",
        ]
    return found


# CORS


def preflight(client, url, origin=FRONTEND, headers="authorization"):
    return client.options(
        url,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": headers,
        },
    )


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/",
        "/api/v2/page_preview/",
        *HAS_V3
        * ["/api/v3/pages/", "/api/v3/pages/1/", "/api/v3/organisations/", "/api/v3/page_preview/"],
    ],
)
def test_preflight_of_a_configured_front_end_is_allowed(client, frontend, root_page, url):
    response = preflight(client, url)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert "authorization" in response["Access-Control-Allow-Headers"]
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_api_answers_carry_cors_headers_for_the_front_end(client, frontend, urls):
    for url in urls:
        response = client.get(url, headers={"Origin": FRONTEND})
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == FRONTEND, url
        assert "Origin" in response["Vary"], url


def test_other_origins_and_pages_get_no_cors_headers(client, frontend, urls, root_page):
    response = client.get(urls[0], headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in response
    # The site's HTML pages and the admin stay same-origin.
    for url in ("/", "/admin/login/"):
        response = client.get(url, headers={"Origin": FRONTEND})
        assert "Access-Control-Allow-Origin" not in response, url
    assert "Access-Control-Allow-Origin" not in preflight(client, "/admin/login/")


def test_no_origin_is_allowed_by_default(client, urls):
    response = client.get(urls[0], headers={"Origin": FRONTEND})
    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Origin" not in preflight(client, urls[0])


# Caching


def test_every_answer_has_validators_and_cache_control(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["ETag"].startswith('"'), url
        assert response["Last-Modified"].endswith("GMT"), url
        assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=60", url
        vary = {part.strip().lower() for part in response["Vary"].split(",")}
        assert {"accept-language", "accept-encoding", "origin"} <= vary, url
        if url.startswith("/api/v3/"):
            assert "authorization" in vary, url


def test_conditional_requests_answer_304(client, urls):
    for url in urls:
        first = client.get(url)
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304, url
        assert again.content == b""
        assert again["ETag"] == first["ETag"]
        since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
        assert since.status_code == 304, url


def test_any_change_alters_etag_and_last_modified(client, organisation):
    prefixes = ["/api/v2", *HAS_V3 * ["/api/v3"]]
    before = {p: client.get(f"{p}/organisations/{organisation.pk}/") for p in prefixes}
    organisation.phone = "05931 9999"
    organisation.save()
    for prefix, old in before.items():
        url = f"{prefix}/organisations/{organisation.pk}/"
        response = client.get(url, headers={"If-None-Match": old["ETag"]})
        assert response.status_code == 200, url
        assert response["ETag"] != old["ETag"]
        assert response["Last-Modified"] != old["Last-Modified"]
        stale = client.get(url, headers={"If-Modified-Since": old["Last-Modified"]})
        assert stale.status_code == 200, url
        assert b"05931 9999" in stale.content


def test_max_age_and_stale_while_revalidate_are_settings(client, settings, urls):
    settings.WAGTAIL_INTEGRATION = {"API_MAX_AGE": 5, "API_STALE_WHILE_REVALIDATE": 30}
    response = client.get(urls[0])
    assert response["Cache-Control"] == "public, max-age=5, stale-while-revalidate=30"


@needs_v3
def test_answers_for_a_token_are_private(client, urls):
    response = client.get("/api/v3/pages/", headers={"Authorization": "Bearer nothing"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


def test_errors_are_not_marked_cacheable(client, root_page):
    response = Client(raise_request_exception=False).get("/api/v2/pages/?limit=abc")
    assert response.status_code == 400
    assert "ETag" not in response


# Compression


def test_gzip_shrinks_answers_and_keeps_conditional_requests(client, urls):
    for url in urls:
        plain = client.get(url)
        packed = client.get(url, headers={"Accept-Encoding": "gzip"})
        if len(plain.content) < 200:  # GZipMiddleware leaves tiny bodies alone
            continue
        assert packed["Content-Encoding"] == "gzip", url
        assert gzip.decompress(packed.content) == plain.content, url
        assert len(packed.content) < len(plain.content), url
        assert packed["ETag"] == "W/" + plain["ETag"], url
        again = client.get(
            url, headers={"Accept-Encoding": "gzip", "If-None-Match": packed["ETag"]}
        )
        assert again.status_code == 304, url
