"""Visitors' and editors' searches find German word stems and compound parts: "caritas" finds
"Caritasverband Hamm", "Sprachcafé" finds "Sprachcafés" (directory, press releases, photo
archive, admin listings), on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from wagtail_integration.models import Event, Organisation

from . import factories as f

pytestmark = pytest.mark.django_db


def names(response, selector) -> list[str]:
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    return [tag.get_text(" ", strip=True) for tag in soup.select(selector)]


@pytest.fixture
def organisations(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail 7 indexes on commit
        f.OrganisationFactory(name="Caritasverband Hamm", municipality="Hamm")
        f.OrganisationFactory(
            name="Nachbarschaftstreff Nord",
            municipality="Hamm",
            description="<p>Zwei Sprachcafés in der Woche</p>",
        )
        f.OrganisationFactory(name="Diakonie Ruhr-Hellweg", municipality="Unna")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("caritas", ["Caritasverband Hamm"]),
        ("Caritas", ["Caritasverband Hamm"]),
        ("caritas ham", ["Caritasverband Hamm"]),
        ("caritas unna", []),
        ("Sprachcafé", ["Nachbarschaftstreff Nord"]),
        ("diakonie", ["Diakonie Ruhr-Hellweg"]),
        ("verband", []),  # a word's beginning, not any substring
    ],
)
def test_directory_finds_compound_parts(client, root_page, organisations, query, expected):
    directory = f.DirectoryPageFactory(parent=root_page, title="Verzeichnis")
    response = client.get(directory.url, {"q": query})
    found = [name.split(" (")[0] for name in names(response, ".wi-organisation__name")]
    assert found == expected, query


def test_press_release_search_finds_compound_parts(client, django_capture_on_commit_callbacks):
    index = f.PressReleaseIndexPageFactory(title="Presse")
    with django_capture_on_commit_callbacks(execute=True):
        cafes = f.PressReleasePageFactory(
            parent=index,
            title="Neue Sprachcafés im Stadtteil",
            release_date=datetime.date(2025, 3, 1),
        )
        caritas = f.PressReleasePageFactory(
            parent=index,
            title="Beratung am Samstag",
            lead="Der Caritasverband Hamm berät ab März auch samstags.",
            release_date=datetime.date(2025, 2, 1),
        )
    for query, expected in [("Sprachcafé", [cafes.title]), ("caritas", [caritas.title])]:
        response = client.get(index.url, {"q": query})
        found = names(response, ".wi-teaser__title")
        assert [title for title in found if title in (cafes.title, caritas.title)] == expected


def test_photo_archive_finds_compound_parts(client, root_page):
    image = f.ImageFactory(title="Caritasverband Hamm beim Sprachcafé")
    f.PressReleasePageFactory(title="Mitteilung", media=f.media_stream([image], []))
    archive = f.PhotoArchivePageFactory(parent=root_page, title="Fotos")
    for query in ("caritas", "sprachcaf"):
        response = client.get(archive.url, {"q": query})
        assert response.status_code == 200
        assert image.title.casefold() in response.content.decode().casefold(), query


@pytest.mark.parametrize(
    ("model", "query", "expected"),
    [(Organisation, "caritas", "Caritasverband Hamm"), (Event, "Sprachcafé", "Sprachcafés")],
)
def test_admin_listing_finds_compound_parts(
    admin_client, locale_de, django_capture_on_commit_callbacks, model, query, expected
):
    with django_capture_on_commit_callbacks(execute=True):
        f.OrganisationFactory(name="Caritasverband Hamm")
        f.EventFactory(title="Sprachcafés am Dienstag")
    url = reverse(model.snippet_viewset.get_url_name("list_results"))
    response = admin_client.get(url, {"q": query})
    assert response.status_code == 200
    assert expected in response.content.decode()
