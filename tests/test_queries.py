"""Rendering a page costs the same number of SQL queries with few or many related items.

Each case builds a page with a small and with a large number of related items, renders both
once to warm up (image renditions are created then), counts the queries of a second render of
the small page and asserts the large page needs no more.

Every case runs twice: with the test settings' cache ("warm-cache"), where Wagtail's rendition
cache answers rendition look-ups, and with ``DummyCache`` ("no-cache"), where every rendition
look-up that is not prefetched shows as a query per image, as on a cold or unshared cache.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY

from . import factories as f

pytestmark = pytest.mark.django_db

DUMMY_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture(params=["warm-cache", "no-cache"])
def cache_mode(request, settings):
    if request.param == "no-cache":
        settings.CACHES = DUMMY_CACHE
    return request.param


@pytest.fixture(autouse=True)
def _listings_show_everything(settings):
    settings.WAGTAIL_INTEGRATION = {"PAGE_SIZE": 50}


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, response.status_code
    return response


def count_render_queries(client, page) -> int:
    render(client, page)  # warm-up: renditions, document file sizes
    reset_queries()  # the query log is capped: once full, a count would read 0
    with CaptureQueriesContext(connection) as context:
        render(client, page)
    return len(context)


def person_with_organisation(**kwargs):
    return f.PersonFactory(organisation=f.OrganisationFactory(), with_photo=True, **kwargs)


def event_with_people():
    return f.EventFactory(lecturer=person_with_organisation(), organiser=f.OrganisationFactory())


# --- Builders: page with n related items ----------------------------------------------------


def network_members(n):
    page = f.NetworkPageFactory()
    for _ in range(n):
        f.NetworkMembershipFactory(page=page, organisation=f.OrganisationFactory(with_logo=True))
    return page


def network_speakers(n):
    people = [person_with_organisation() for _ in range(n)]
    return f.NetworkPageFactory(speakers=f.team_members(people))


def network_working_groups(n):
    page = f.NetworkPageFactory()
    for _ in range(n):
        f.WorkingGroupFactory(page=page, contact=person_with_organisation())
    return page


def partner_listing_partners(n):
    page = f.PartnerListingPageFactory()
    for _ in range(n):
        f.PartnershipFactory(page=page, organisation=f.OrganisationFactory(with_logo=True))
    return page


def partner_listing_events(n):
    return f.PartnerListingPageFactory(events=[("event", event_with_people()) for _ in range(n)])


def speaker_team_members(n):
    people = [person_with_organisation() for _ in range(n)]
    return f.SpeakerTeamPageFactory(members=f.team_members(people))


def press_release_images(n):
    return f.PressReleasePageFactory(media=f.media_stream(f.ImageFactory.create_batch(n), []))


def press_release_documents_and_events(n):
    return f.PressReleasePageFactory(
        media=f.media_stream([], f.DocumentFactory.create_batch(n)),
        events=[("event", event_with_people()) for _ in range(n)],
        publisher=f.OrganisationFactory(with_logo=True),
        press_contact=person_with_organisation(),
    )


def project_partners_events_funding(n):
    return f.ProjectPageFactory(
        partners=[("organisation", f.OrganisationFactory(with_logo=True)) for _ in range(n)],
        events=[("event", event_with_people()) for _ in range(n)],
        funding=[("funding", f.FundingFactory(with_logo=True)) for _ in range(n)],
        municipalities=f.text_items(*(f"Gemeinde {i}" for i in range(n))),
    )


def organisation_profile_funding_and_hours(n):
    return f.OrganisationProfilePageFactory(
        organisation=f.OrganisationFactory(with_logo=True),
        operator=f.OrganisationFactory(with_logo=True),
        funding=[("funding", f.FundingFactory(with_logo=True)) for _ in range(n)],
        office_hours=f.office_hours_stream() * n,
        tasks=f.text_items(*(f"Aufgabe {i}" for i in range(n))),
        contact_person=person_with_organisation(),
        contact_organisation=f.OrganisationFactory(with_logo=True),
    )


def press_index_releases(n):
    index = f.PressReleaseIndexPageFactory()
    for _ in range(n):
        f.PressReleasePageFactory(
            parent=index, publisher=f.OrganisationFactory(with_logo=True), lead="Kurzmeldung."
        )
    return index


def project_index_projects(n):
    index = f.ProjectIndexPageFactory()
    for _ in range(n):
        f.ProjectPageFactory(parent=index, region="Hasetal", introduction="<p>Projekt</p>")
    return index


def body_images(n):
    images = f.ImageFactory.create_batch(n)
    return f.SpeakerTeamPageFactory(
        body=[("image", {"image": image, "caption": "Bild"}) for image in images]
    )


def body_people_funding_downloads(n):
    """The other repeatable blocks of the shared body stream, n items each."""
    people = [person_with_organisation() for _ in range(n)]
    documents = f.DocumentFactory.create_batch(n)
    fundings = [f.FundingFactory(with_logo=True) for _ in range(n)]
    body = [("contact", {"heading": "Kontakt", "person": person}) for person in people]
    body += [
        ("team", {"heading": "Team", "members": [{"person": p, "role": "AG"} for p in people]}),
        ("funding", {"heading": "Förderer", "items": fundings}),
        ("downloads", {"heading": "Downloads", "documents": [{"document": d} for d in documents]}),
    ]
    return f.SpeakerTeamPageFactory(body=body)


CASES: list[tuple[str, Callable, int, int]] = [
    ("NetworkPage.memberships (logos)", network_members, 3, 30),
    ("NetworkPage.speakers (photos)", network_speakers, 3, 30),
    ("NetworkPage.working_groups (contacts)", network_working_groups, 3, 30),
    ("PartnerListingPage.partners (logos)", partner_listing_partners, 3, 40),
    ("PartnerListingPage.events", partner_listing_events, 2, 20),
    ("SpeakerTeamPage.members (photos)", speaker_team_members, 3, 30),
    ("PressReleasePage.media images", press_release_images, 2, 20),
    ("PressReleasePage.media documents+events", press_release_documents_and_events, 2, 20),
    ("ProjectPage.partners+events+funding", project_partners_events_funding, 2, 20),
    ("OrganisationProfilePage.funding+office_hours", organisation_profile_funding_and_hours, 2, 20),
    ("PressReleaseIndexPage.releases", press_index_releases, 3, 30),
    ("ProjectIndexPage.projects", project_index_projects, 3, 30),
    ("body.image blocks", body_images, 2, 20),
    ("body.contact+team+funding+downloads blocks", body_people_funding_downloads, 2, 20),
]


@pytest.mark.parametrize(
    ("build", "small", "large"),
    [pytest.param(build, small, large, id=name) for name, build, small, large in CASES],
)
def test_render_queries_do_not_grow(
    client, django_assert_max_num_queries, cache_mode, build, small, large
):
    small_page, large_page = build(small), build(large)
    expected = count_render_queries(client, small_page)
    render(client, large_page)  # warm-up
    reset_queries()
    with django_assert_max_num_queries(expected, info=f"{large} items vs {small}"):
        render(client, large_page)


# --- Every page type's HTML page: queries at most today's -----------------------------------


def _directory_page():
    page = f.DirectoryPageFactory()
    for _ in range(3):
        f.OrganisationFactory(with_logo=True)
    return page


def _photo_archive_page():
    index = f.PressReleaseIndexPageFactory()
    for _ in range(3):
        f.PressReleasePageFactory(parent=index, media=[f.press_image_item(f.ImageFactory())])
    return f.PhotoArchivePageFactory(press_index=index)


HTML_BUILDERS: dict[str, Callable] = {
    model.__name__: build for model, build in f.FULL_PAGE_BUILDERS.items()
} | {"DirectoryPage": _directory_page, "PhotoArchivePage": _photo_archive_page}

#: Queries of a repeated render of each page type's full page (``tests/factories.py``), with
#: the rendition cache ("warm-cache") and without ("no-cache"). Counts may only go down: a
#: page type needing more queries for its HTML page than this is a regression.
HTML_QUERIES: dict[str, dict[str, int]] = {
    "AccessibilityStatementPage": {"warm-cache": 15, "no-cache": 17},
    "DirectoryPage": {"warm-cache": 22, "no-cache": 24},
    "EasyReadPage": {"warm-cache": 17, "no-cache": 19},
    "ImpressumPage": {"warm-cache": 15, "no-cache": 17},
    "NetworkPage": {"warm-cache": 29, "no-cache": 31},
    "OrganisationProfilePage": {"warm-cache": 27, "no-cache": 29},
    "PartnerListingPage": {"warm-cache": 28, "no-cache": 30},
    "PhotoArchivePage": {"warm-cache": 20, "no-cache": 22},
    "PressReleaseIndexPage": {"warm-cache": 20, "no-cache": 22},
    "PressReleasePage": {"warm-cache": 29, "no-cache": 31},
    "ProjectIndexPage": {"warm-cache": 18, "no-cache": 20},
    "ProjectPage": {"warm-cache": 32, "no-cache": 34},
    "SpeakerTeamPage": {"warm-cache": 26, "no-cache": 28},
}

#: Reads of Wagtail's ``wagtail_site_root_paths`` cache entry per HTML request: every page URL
#: is built with the request, whose copy Wagtail keeps for the rest of the request.
SITE_ROOT_PATH_READS = 1


class CountingCache:
    """Wagtail's cache in ``wagtail.models.sites``, counting reads (``get``, ``get_many``) of
    the site root paths."""

    def __init__(self, cache):
        self._cache, self.reads = cache, 0

    def __getattr__(self, name):
        method = getattr(self._cache, name)
        if name not in ("get", "get_many"):
            return method

        def counted(keys, *args, **kwargs):
            self.reads += SITE_ROOT_PATHS_CACHE_KEY in (keys if name == "get_many" else [keys])
            return method(keys, *args, **kwargs)

        return counted


@pytest.fixture
def root_path_reads(monkeypatch):
    from wagtail.models import sites

    counting = CountingCache(sites.cache)
    monkeypatch.setattr(sites, "cache", counting)
    return counting


def test_every_page_type_has_an_html_query_budget():
    from django.apps import apps

    from wagtail_integration.models.base import IntegrationPageMixin

    package_types = {
        model.__name__
        for model in apps.get_app_config("wagtail_integration").get_models()
        if issubclass(model, IntegrationPageMixin)
    }
    assert package_types == set(HTML_BUILDERS) == set(HTML_QUERIES)


@pytest.mark.parametrize("name", sorted(HTML_BUILDERS))
def test_html_page_queries_per_page_type(
    client, django_assert_max_num_queries, cache_mode, root_path_reads, name
):
    page = HTML_BUILDERS[name]()
    render(client, page)  # warm-up: renditions, document file sizes
    root_path_reads.reads = 0
    reset_queries()  # the query log is capped: a full count needs it empty
    with django_assert_max_num_queries(HTML_QUERIES[name][cache_mode], info=name):
        render(client, page)
    assert root_path_reads.reads <= SITE_ROOT_PATH_READS, name
