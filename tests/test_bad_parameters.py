"""Odd query parameters on every page route and API endpoint: a 4xx or a sensible default.

Requests go through ``Client(raise_request_exception=False)``, so a server error shows up as
status 500 instead of an exception in the test.
"""

from __future__ import annotations

import datetime
from urllib.parse import quote

import pytest
from django.apps import apps
from django.test import Client

from wagtail_integration.models import (
    DirectoryPage,
    NetworkPage,
    OrganisationProfilePage,
    PartnerListingPage,
    PhotoArchivePage,
    PressReleaseIndexPage,
    PressReleasePage,
    ProjectIndexPage,
    ProjectPage,
    SpeakerTeamPage,
)

from . import factories as f

pytestmark = pytest.mark.django_db

HAS_V3 = apps.is_installed("wagtail.api.v3")
needs_v3 = pytest.mark.skipif(not HAS_V3, reason="API v3 needs Wagtail 8 or newer")

PAGE_BUILDERS = {
    NetworkPage: f.NetworkPageFactory,
    PartnerListingPage: f.PartnerListingPageFactory,
    SpeakerTeamPage: f.SpeakerTeamPageFactory,
    PressReleaseIndexPage: f.PressReleaseIndexPageFactory,
    PressReleasePage: f.PressReleasePageFactory,
    ProjectIndexPage: f.ProjectIndexPageFactory,
    ProjectPage: f.ProjectPageFactory,
    OrganisationProfilePage: f.OrganisationProfilePageFactory,
    DirectoryPage: f.DirectoryPageFactory,
    PhotoArchivePage: f.PhotoArchivePageFactory,
}

ODD_TEXT = [
    "",
    "abc",
    "-1",
    "0",
    "99999",
    "1e9",
    "10" * 20,
    "%00",
    "%27%22%3C%3E",
    "%E2%80%AE",
    "%F0%9F%98%80",
    "%FF%FE",
    "a%20OR%201%3D1",
]
PAGE_PARAMETERS = ["page", "year", "month", "kind", "municipality", "topic", "letter", "q"]


def client() -> Client:
    return Client(raise_request_exception=False)


def assert_not_server_error(response, url):
    assert response.status_code < 500, (url, response.status_code, response.content[:300])


@pytest.mark.parametrize("model", PAGE_BUILDERS, ids=lambda model: model.__name__)
def test_page_routes_answer_odd_parameters(root_page, model):
    page = PAGE_BUILDERS[model]()
    c = client()
    for name in PAGE_PARAMETERS:
        for value in ODD_TEXT:
            url = f"{page.url}?{name}={value}"
            response = c.get(url)
            assert_not_server_error(response, url)
            assert response.status_code == 200, (url, response.status_code)


# (query, whether the organisation is still listed: an ignored value lists everything; a
# valid filter or search without matches lists nothing)
DIRECTORY_QUERIES = [
    ("page=abc", True),
    ("page=-1", True),
    ("page=0", True),
    ("page=99999", True),
    ("page=1e9", True),
    ("page=", True),
    ("kind=unknown", True),
    ("kind=public_body&kind=company", False),
    ("municipality=Nirgendwo", True),  # not a municipality of the directory: ignored
    ("topic=abc", True),
    ("topic=999999", True),
    ("topic=-5", True),
    ("letter=%C3%A4", True),  # Ä files under A
    ("letter=ab", True),
    ("letter=%23", False),  # "#": names that start with a digit or sign
    ("q=" + quote('"(*) OR -- ;'), False),
    ("q=" + "x" * 5000, True),  # too long to be a search: named and ignored
    ("q=%00", True),
    ("locale=xx", True),
]


@pytest.mark.parametrize(("query", "listed"), DIRECTORY_QUERIES)
def test_directory_filters_fall_back(root_page, query, listed):
    directory = f.DirectoryPageFactory()
    f.OrganisationFactory(name="Apfelbaum e. V.", kind="association")
    response = client().get(f"{directory.url}?{query}")
    assert response.status_code == 200, (query, response.status_code)
    assert ("Apfelbaum" in response.content.decode()) == listed, query


PRESS_ROUTES = [
    "2018/",
    "2018/05/",
    "0000/",
    "0999/",
    "9999/",
    "2018/00/",
    "2018/13/",
    "2018/5/",
    "abcd/",
    "2018/ab/",
    "99999999999999999999/",
    "feed/rss/?page=abc",
    "feed/atom/?q=%00",
    "feed/xml/",
    "2018/?page=99999&q=%22&topic=%00",
]


@pytest.mark.parametrize("route", PRESS_ROUTES)
def test_press_index_routes_answer_odd_paths(root_page, route):
    index = f.PressReleaseIndexPageFactory()
    f.PressReleasePageFactory(parent=index, release_date=datetime.date(2018, 5, 2))
    url = index.url + route
    response = client().get(url)
    assert_not_server_error(response, url)
    assert response.status_code in (200, 404), (url, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "events/{n}/calendar.ics",
        "calendar/page/{n}.ics",
        "people/{n}/contact.vcf",
    ],
)
@pytest.mark.parametrize("number", ["0", "99999", "9" * 30])
def test_download_urls_answer_404_for_unknown_ids(root_page, path, number):
    url = "/" + path.format(n=number)
    response = client().get(url)
    assert response.status_code == 404, (url, response.status_code)


def test_out_of_range_page_number_shows_the_last_page(root_page):
    index = f.ProjectIndexPageFactory()
    f.ProjectPageFactory(parent=index, title="Ankommen im Dorf")
    for value in ("99999", "1e9", "-1", "0", "abc"):
        response = client().get(f"{index.url}?page={value}")
        assert response.status_code == 200
        assert "Ankommen im Dorf" in response.content.decode(), value


# NUL in any parameter (PostgreSQL cannot take it): v2 and v3 alike.
NUL_QUERIES = [
    f"{name}=%00"
    for name in (
        "locale",
        "type",
        "fields",
        "kind",
        "topic",
        "municipality",
        "slug",
        "title",
        "order",
        "child_of",
        "site",
    )
]
V2_ENDPOINTS = ["pages", "images", "documents", "organisations", "people", "events"]
V2_QUERIES = [
    "limit=abc",
    "limit=-1",
    "limit=0",
    "limit=1000000000000",
    "limit=",
    "offset=abc",
    "offset=-1",
    "offset=1000000000000",
    "offset=",
    "type=unknown",
    "type=wagtail_integration.",
    "type=wagtail_integration.Nothing",
    "type=.",
    "type=a.b.c",
    "fields=unknown",
    "fields=*,unknown",
    "fields=-title,-id",
    "fields=_,title",
    "fields=(",
    "locale=xx",
    "locale=",
    "search=" + quote('"unbalanced'),
    "search=" + quote("(a OR b) AND NOT"),
    "search=%00",
    "search=" + "x" * 3000,
    "search=%E2%80%AE",
    "order=unknown",
    "order=-",
    "child_of=abc",
    "child_of=999999",
    "descendant_of=-1",
    "translation_of=abc",
    "kind=unknown",
    "topic=abc",
    "organisation=abc",
    "organisation=%C2%B2",
    "topic=%C2%B2",
    "id=%C2%B2",
    "site=nowhere.example",
    "unknown=1",
    *NUL_QUERIES,
]


@pytest.mark.parametrize("query", V2_QUERIES)
@pytest.mark.parametrize("endpoint", V2_ENDPOINTS)
def test_api_v2_listing_answers_4xx_or_default(root_page, endpoint, query):
    f.ProjectPageFactory()
    f.OrganisationFactory()
    url = f"/api/v2/{endpoint}/?{query}"
    response = client().get(url)
    assert_not_server_error(response, url)


@pytest.mark.parametrize("endpoint", V2_ENDPOINTS)
@pytest.mark.parametrize("item", ["abc", "-1", "0", "99999999", "1e9", "%00"])
def test_api_v2_detail_of_odd_id_answers_404(root_page, endpoint, item):
    url = f"/api/v2/{endpoint}/{item}/"
    response = client().get(url)
    assert response.status_code == 404, (url, response.status_code)


@pytest.mark.parametrize(
    "query",
    [
        "html_path=/nothing/here/",
        "html_path=%00",
        "html_path=" + "a/" * 500,
        "id=abc",
        "id=-1",
        "id=%C2%B2",
        "",
    ],
)
def test_api_v2_find_answers_4xx(root_page, query):
    url = f"/api/v2/pages/find/?{query}"
    response = client().get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)


def test_api_v2_find_of_empty_path_is_the_home_page(root_page):
    response = client().get("/api/v2/pages/find/?html_path=")
    assert response.status_code == 302
    assert response["Location"].rstrip("?").endswith(f"/api/v2/pages/{root_page.pk}/")


@pytest.mark.parametrize(
    "query",
    ["", "content_type=x", "token=x", "content_type=a.b&token=abc", "content_type=.&token=%00"],
)
def test_api_v2_page_preview_answers_4xx(query):
    url = f"/api/v2/page_preview/?{query}"
    response = client().get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)


def test_api_v2_known_bad_values_answer_400(root_page):
    c = client()
    for url in (
        "/api/v2/pages/?limit=abc",
        "/api/v2/pages/?limit=1000000000000",
        "/api/v2/pages/?type=unknown",
        "/api/v2/pages/?fields=unknown",
        "/api/v2/organisations/?kind=unknown",
        "/api/v2/organisations/?locale=xx",
        "/api/v2/people/?organisation=abc",
        "/api/v2/events/?unknown=1",
    ):
        assert c.get(url).status_code == 400, url


V3_ENDPOINTS = ["pages", "organisations", "people", "events", "sites"]
V3_QUERIES = [
    "limit=abc",
    "limit=-1",
    "limit=0",
    "limit=1000000000000",
    "limit=",
    "offset=abc",
    "offset=-1",
    "offset=1000000000000",
    "type=unknown",
    "type=wagtail_integration.",
    "type=wagtail_integration.Nothing",
    "type=a.b.c",
    "fields=unknown",
    "locale=xx",
    "locale=",
    "search=" + quote('"unbalanced'),
    "search=%00",
    "search=" + "x" * 3000,
    "order=unknown",
    "child_of=abc",
    "child_of=999999",
    "descendant_of=-1",
    "translation_of=abc",
    "kind=unknown",
    "topic=abc",
    "topic=-1",
    "organisation=abc",
    "organisation=%C2%B2",
    "topic=%C2%B2",
    "id=%C2%B2",
    "rich_text_format=unknown",
    *NUL_QUERIES,
    "%00=1",
]


@needs_v3
@pytest.mark.parametrize("query", V3_QUERIES)
@pytest.mark.parametrize("endpoint", V3_ENDPOINTS)
def test_api_v3_listing_answers_4xx_or_default(root_page, endpoint, query):
    f.ProjectPageFactory()
    f.OrganisationFactory()
    url = f"/api/v3/{endpoint}/?{query}"
    response = client().get(url)
    assert_not_server_error(response, url)


@needs_v3
@pytest.mark.parametrize("endpoint", ["pages", "organisations", "people", "events"])
@pytest.mark.parametrize("item", ["abc", "-1", "0", "99999999", "1e9", "99999999999999999999"])
def test_api_v3_detail_of_odd_id_answers_4xx(root_page, endpoint, item):
    url = f"/api/v3/{endpoint}/{item}/"
    response = client().get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)


@needs_v3
@pytest.mark.parametrize(
    "query",
    ["html_path=", "html_path=/nothing/", "html_path=%00", "id=abc", "id=-1", "version=x", ""],
)
def test_api_v3_find_answers_4xx(root_page, query):
    url = f"/api/v3/pages/find/?{query}"
    response = client().get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)


@needs_v3
def test_api_v3_known_bad_values_answer_4xx(root_page):
    c = client()
    for url in (
        "/api/v3/organisations/?kind=unknown",
        "/api/v3/organisations/?locale=xx",
        "/api/v3/organisations/?limit=1000000000000",
        "/api/v3/organisations/?limit=0",
        "/api/v3/people/?organisation=abc",
        "/api/v3/events/?kind=unknown",
    ):
        status = c.get(url).status_code
        assert 400 <= status < 500, (url, status)
