"""Speaker cards name a person's organisation and position once, even when the team role
repeats them (the demo's speaker team does)."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Page

from wagtail_integration.templatetags.wagtail_integration_tags import mentions


@pytest.fixture
def speaker_team_html(class_demo_without_organisations, db, client):
    team = Page.objects.live().get(slug="sprecherteam")
    response = client.get(team.url)
    assert response.status_code == 200
    return response.content.decode()


def card_of(html: str, last_name: str) -> str:
    cards = html.split('<div class="wi-card wi-person">')[1:]
    # The last card runs on to the end of the page: cut it at the team's end.
    cards = [card.split("</section>")[0].split("</article>")[0] for card in cards]
    (card,) = [card for card in cards if last_name in card]
    return card


class TestSpeakerCards:
    """The demo's speaker team, built once for the class."""

    @pytest.mark.parametrize(
        ("last_name", "fact"),
        [
            ("Meller", "DRK Integrationsagentur"),
            ("Eisen", "Caritas Integrationsagentur"),
            ("Eisen", "Schwerpunkt Antidiskriminierungsarbeit"),
            ("Schulz-Kügler", "Integrationszentrum"),
        ],
    )
    def test_a_speaker_card_names_each_fact_once(self, speaker_team_html, last_name, fact):
        text = re.sub(r"<[^>]+>", " ", card_of(speaker_team_html, last_name))
        assert text.count(fact) == 1, text


def test_mentions_allows_german_endings_but_not_other_words():
    role = "Leiterin des Kommunalen Integrationszentrums Kreis Borken"
    assert mentions(role, "Kommunales Integrationszentrum Kreis Borken")
    assert mentions(role, "Leiterin des Kommunalen Integrationszentrums")
    assert not mentions(role, "Caritas Integrationsagentur")
    assert not mentions("", "Caritas") and not mentions(role, "")


@pytest.fixture
def agency_text(class_demo_without_organisations, db, client):
    agency = Page.objects.live().get(slug="integrationsagentur-herne")
    response = client.get(agency.url)
    assert response.status_code == 200
    html = response.content.decode()
    # What a reader sees: the page's main content, without scripts and meta data.
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<script\b.*?</script>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


class TestAgencyPage:
    """The demo's agency page, built once for the class."""

    @pytest.mark.parametrize(
        ("fact", "wording"),
        [
            # office hours by appointment only: the checkbox, and no note saying it again
            ("nach vorheriger Anmeldung", r"anmeldung"),
            # the funding programme: its description, and no funding note retelling it
            ("Integrationsagenturen", r"\b2007\b"),
            ("Integrationsagenturen", r"Umdenken"),
        ],
    )
    def test_the_agency_page_states_each_fact_once(self, agency_text, fact, wording):
        assert fact in agency_text
        found = re.findall(wording, agency_text, flags=re.I)
        assert len(found) == 1, (wording, found, agency_text)
