"""The API's search parameter and the HTML search forms clean a term by one rule
(``text.search_terms``): a quoted phrase finds the same organisations in both."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.apps import apps

from .. import factories as f

pytestmark = pytest.mark.django_db

TERMS = ['"Diakonisches Werk"', '"Werk Meppen"', '"caritas', 'Sprach"café"']


@pytest.fixture
def directory(root_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail 7 indexes on commit
        f.OrganisationFactory(name="Diakonisches Werk Meppen", municipality="Meppen")
        f.OrganisationFactory(name="Werkstatt Diakonie", municipality="Lingen")
        f.OrganisationFactory(name="Caritasverband Hamm", municipality="Hamm")
        f.OrganisationFactory(
            name="Nachbarschaftstreff Nord", description="<p>Zwei Sprachcafés in der Woche</p>"
        )
    return f.DirectoryPageFactory(parent=root_page, title="Verzeichnis")


def html_names(client, directory, term) -> list[str]:
    response = client.get(directory.url, {"q": term})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        tag.get_text(" ", strip=True).split(" (")[0]
        for tag in soup.select(".wi-organisation__name")
    ]


@pytest.mark.parametrize("term", TERMS)
def test_a_quoted_phrase_finds_the_same_in_html_and_api(client, directory, term):
    expected = html_names(client, directory, term)
    response = client.get("/api/v2/organisations/", {"search": term, "limit": 20})
    assert response.status_code == 200, response.content[:300]
    assert [item["name"] for item in response.json()["items"]] == expected
    if apps.is_installed("wagtail.api.v3"):
        response = client.get("/api/v3/organisations/", {"search": term, "limit": 20})
        assert response.status_code == 200, response.content[:300]
        assert sorted(item["name"] for item in response.json()["items"]) == sorted(expected)


def test_the_phrase_finds_something(client, directory):
    assert html_names(client, directory, TERMS[0]) == ["Diakonisches Werk Meppen"]
