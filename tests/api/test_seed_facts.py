"""Every fact of every seed is in the API JSON of its demo page, in v2 and in v3.

The seed fact lists are written as the HTML templates show them; where a template turns data
into words (a German date, a weekday name, the by-appointment and free-and-confidential
promises), the API carries the data itself, listed in ``API_FORM``.
"""

from __future__ import annotations

import html
import json
import re
import warnings

import pytest
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from django.apps import apps
from wagtail.models import Page

from ..seed_facts import SEED_FACTS, SPEAKER_TEAM_FACTS

pytestmark = pytest.mark.django_db

FREE_AND_CONFIDENTIAL = '"free_and_confidential": true'
API_FORM = {
    "2. Mai 2018": "2018-05-02",
    "Montag, 14. Mai 2018": "2018-05-14",
    "14. Mai 2018": "2018-05-14",
    "7. Juni 2024": "2024-06-07",
    "Dienstag": "Tuesday",
    "Freitag": "Friday",
    # The "by appointment only" checkbox, shown as words by the template.
    "nach vorheriger Anmeldung": '"by_appointment": true',
    "kostenlos": FREE_AND_CONFIDENTIAL,
    "vertraulich": FREE_AND_CONFIDENTIAL,
}

SEEDS = {**SEED_FACTS, "speaker-team": SPEAKER_TEAM_FACTS}

API_VERSIONS = ["v2"]
if apps.is_installed("wagtail.api.v3"):
    API_VERSIONS.append("v3")


def strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, str):
        yield value


def searchable_text(data) -> str:
    """The JSON itself plus every string value with its HTML markup removed."""
    with warnings.catch_warnings():  # plain values such as URLs are not markup
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        texts = [BeautifulSoup(s, "html.parser").get_text(" ") for s in strings(data)]
    text = " ".join([json.dumps(data, ensure_ascii=False), *texts])
    return re.sub(r"\s+", " ", html.unescape(text))


@pytest.fixture
def demo(class_demo, db):
    return class_demo


class TestTheDemosSeedFacts:
    """The demo's pages in the API, built once for the class (``class_demo``)."""

    @pytest.mark.parametrize("version", API_VERSIONS)
    @pytest.mark.parametrize("seed", sorted(SEEDS))
    def test_api_detail_carries_every_seed_fact(self, demo, client, seed, version):
        page = Page.objects.get(slug=SEEDS[seed]["url_path_slug"])
        response = client.get(f"/api/{version}/pages/{page.pk}/")
        assert response.status_code == 200
        text = searchable_text(response.json())
        missing = [fact for fact in SEEDS[seed]["facts"] if API_FORM.get(fact, fact) not in text]
        assert not missing, f"{seed} ({version}): not in the API JSON: {missing}"
