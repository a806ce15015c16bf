"""The demo content command: pages, every seed fact on the rendered pages, idempotency."""

from __future__ import annotations

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from wagtail_integration.models import (
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

from .seed_facts import PARTNERS_IN_ORDER, SEED_FACTS, SPEAKER_TEAM_FACTS, SPEAKERS

COUNTED_MODELS = [
    "Organisation",
    "Person",
    "Funding",
    "Event",
    "Topic",
    "NetworkMembership",
    "WorkingGroup",
    "Partnership",
]

# slug -> page type of every page the command creates
DEMO_PAGES = {
    "interkulturelles-netzwerk-westmuensterland": NetworkPage,
    "sprecherteam": SpeakerTeamPage,
    "projekte": ProjectIndexPage,
    "integration-durch-ehrenamtliches-engagement-borken": ProjectPage,
    "presse": PressReleaseIndexPage,
    "fachkonferenz-migrantenorganisationen-steinfurt": PressReleasePage,
    "pressefotos": PhotoArchivePage,
    "partnernetzwerk-interkulturelle-oeffnung": PartnerListingPage,
    "integrationsagentur-herne": OrganisationProfilePage,
}


def run_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("wagtail_integration_demo", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    result = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
    }
    for name in COUNTED_MODELS:
        result[name] = apps.get_model("wagtail_integration", name).objects.count()
    return result


def get_demo_page(slug: str) -> Page:
    return Page.objects.get(slug=slug).specific


def visible_text(html: bytes) -> str:
    text = BeautifulSoup(html, "html.parser").get_text(" ")
    return re.sub(r"\s+", " ", text)


def render(page: Page) -> tuple[bytes, str]:
    response = Client().get(page.url)
    assert response.status_code == 200, (page.url, response.status_code)
    return response.content, visible_text(response.content)


@pytest.fixture
def demo(class_demo, db):
    return class_demo


class TestTheDemoContent:
    """Read the demo content, built once for the class (``class_demo``)."""

    def test_every_demo_page_exists_and_is_live(self, demo):
        root = Site.objects.get(is_default_site=True).root_page
        for slug, page_type in DEMO_PAGES.items():
            page = get_demo_page(slug)
            assert isinstance(page, page_type), slug
            assert page.live, slug
            assert not page.has_unpublished_changes, slug
            assert page.live_revision is not None, slug
            assert page.locale_id == root.locale_id, slug
        top_level = {child.slug for child in root.get_children()}
        assert {
            "interkulturelles-netzwerk-westmuensterland",
            "projekte",
            "presse",
            "pressefotos",
            "partnernetzwerk-interkulturelle-oeffnung",
            "integrationsagentur-herne",
        } <= top_level
        assert get_demo_page("sprecherteam").get_parent().slug == (
            "interkulturelles-netzwerk-westmuensterland"
        )

    @pytest.mark.parametrize("seed", sorted(SEED_FACTS))
    def test_demo_page_shows_every_seed_fact(self, demo, seed):
        facts = SEED_FACTS[seed]
        html, text = render(get_demo_page(facts["url_path_slug"]))
        missing = [fact for fact in facts["facts"] if fact not in text]
        assert not missing, f"{seed}: missing on the page: {missing}"
        soup = BeautifulSoup(html, "html.parser")
        datetimes = {tag["datetime"] for tag in soup.find_all("time", datetime=True)}
        missing_dates = [iso for iso in facts["datetimes"] if iso not in datetimes]
        assert not missing_dates, f"{seed}: no <time datetime=...> for {missing_dates}"

    def test_speaker_team_page_shows_the_four_speakers(self, demo):
        _html, text = render(get_demo_page(SPEAKER_TEAM_FACTS["url_path_slug"]))
        missing = [fact for fact in SPEAKER_TEAM_FACTS["facts"] if fact not in text]
        assert not missing

    def test_network_data_is_structured(self, demo):
        page = get_demo_page("interkulturelles-netzwerk-westmuensterland")
        assert (page.region, page.founded_year, page.declared_member_count) == (
            "Kreis Borken",
            2007,
            20,
        )
        assert page.meetings_per_year == 3
        assert [group.name for group in page.working_groups.all()] == [
            "Antidiskriminierungsarbeit",
            "Flucht und Behinderung",
            "Interkulturelle Kompetenzen",
            "EU",
            "Öffentlichkeit",
            "Anerkennungsberatung",
        ]
        speakers = [block.value["person"].full_name for block in page.speakers]
        assert speakers == SPEAKERS
        assert all(block.value["role"] for block in page.speakers)
        team = get_demo_page("sprecherteam")
        assert [block.value["person"].pk for block in team.members] == [
            block.value["person"].pk for block in page.speakers
        ]

    def test_office_hours_and_promises_are_structured(self, demo):
        page = get_demo_page("integrationsagentur-herne")
        (hours,) = list(page.office_hours)
        assert hours.value["days"] == ["Tuesday", "Wednesday", "Thursday", "Friday"]
        assert (hours.value["opens"].hour, hours.value["closes"].hour) == (9, 17)
        assert page.by_appointment and page.free_and_confidential
        assert page.operator.name == "PLANB" and page.operator.kind == "welfare_provider"
        (funding,) = [block.value for block in page.funding]
        assert funding.funder == "Land Nordrhein-Westfalen"

    def test_partners_are_listed_in_seed_order(self, demo):
        expected = [name for _position, name in PARTNERS_IN_ORDER]
        assert [position for position, _name in PARTNERS_IN_ORDER] == list(range(1, 40))
        page = get_demo_page("partnernetzwerk-interkulturelle-oeffnung")
        rows = list(page.partners.select_related("organisation"))
        assert [row.organisation.name for row in rows] == expected
        assert all(row.organisation.kind and row.organisation.municipality for row in rows)

        _html, text = render(page)
        start = text.index(expected[0])
        position = start
        for name in expected:
            found = text.find(name, position)
            assert found >= 0, f"{name} is missing or out of order on the page"
            position = found + len(name)

    def test_second_run_changes_nothing(self, demo):
        before = counts()
        revisions = {
            slug: (page.latest_revision_id, page.last_published_at)
            for slug in DEMO_PAGES
            for page in [get_demo_page(slug)]
        }
        output = run_demo()
        assert counts() == before
        assert {
            slug: (page.latest_revision_id, page.last_published_at)
            for slug in DEMO_PAGES
            for page in [get_demo_page(slug)]
        } == revisions
        assert "already present" in output
        assert "created " not in output


def test_parent_option_builds_under_another_page(db):
    root = Site.objects.get(is_default_site=True).root_page
    section = root.add_child(instance=Page(title="Beispiele", slug="beispiele"))
    run_demo("--parent", str(section.pk))
    page = get_demo_page("integrationsagentur-herne")
    assert page.get_parent().pk == section.pk


def test_missing_default_site_is_a_clear_error(db):
    Site.objects.update(is_default_site=False)
    with pytest.raises(CommandError, match="default site"):
        run_demo()


def test_unknown_parent_is_a_clear_error(db):
    with pytest.raises(CommandError, match="no page with id"):
        run_demo("--parent", "999999")
