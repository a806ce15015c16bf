"""The organisation directory: order, filters, search, jump list, bad input, locale, scale."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from wagtail_integration.demo.synthetic import ensure_synthetic_organisations, synthetic_queryset
from wagtail_integration.models import DirectoryPage, Organisation
from wagtail_integration.models.snippets import german_sort_key

from .. import factories as f

pytestmark = pytest.mark.django_db


def get(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200, (query, response.status_code)
    return response, BeautifulSoup(response.content, "html.parser")


def listed_names(soup) -> list[str]:
    return [
        tag.get_text(" ", strip=True).split(" (")[0]
        for tag in soup.select(".wi-directory .wi-organisation__name")
    ]


def org(name, **kwargs):
    kwargs.setdefault("kind", Organisation.Kind.ASSOCIATION)
    kwargs.setdefault("municipality", "Rheine")
    return f.OrganisationFactory(name=name, **kwargs)


@pytest.fixture
def directory(root_page):
    return f.DirectoryPageFactory()


def test_german_sort_key():
    names = ["Zukunft e. V.", "Österreichischer Verein", "Ärztenetz", "Apfelbaum", "Straße frei"]
    names += ["Strasse West", "„Brücke“ Rheine", "oben", "1. Kulturverein"]
    ordered = sorted(names, key=german_sort_key)
    assert ordered == [
        "1. Kulturverein",
        "Apfelbaum",
        "Ärztenetz",
        "„Brücke“ Rheine",
        "oben",
        "Österreichischer Verein",
        "Straße frei",
        "Strasse West",
        "Zukunft e. V.",
    ]
    assert german_sort_key("Straße") == german_sort_key("Strasse") == "strasse"


def test_sort_key_is_stored_on_save():
    organisation = org("Ökumenisches Zentrum")
    organisation.refresh_from_db()
    assert organisation.sort_key == "okumenisches zentrum"
    organisation.name = "Übersetzerhaus"
    organisation.save(update_fields=["name"])
    organisation.refresh_from_db()
    assert organisation.sort_key == "ubersetzerhaus"


def test_lists_in_german_alphabetical_order(client, directory):
    for name in ["Zukunft e. V.", "Österreich-Verein", "Ärztenetz", "Apfel e. V.", "Otto-Haus"]:
        org(name)
    _response, soup = get(client, directory)
    assert listed_names(soup) == [
        "Apfel e. V.",
        "Ärztenetz",
        "Österreich-Verein",
        "Otto-Haus",
        "Zukunft e. V.",
    ]
    status = soup.select_one(".wi-result-count")
    assert status["role"] == "status" and "5" in status.get_text()


def test_fixed_kinds_municipality_and_topics(client, root_page):
    sprache = f.TopicFactory(name="Sprachkurse")
    sport = f.TopicFactory(name="Sport und Freizeit")
    org("Kulturverein A", kind="migrant_organisation", topics=[sprache])
    org("Kulturverein B", kind="migrant_organisation", topics=[sport])
    org("Kulturverein C", kind="migrant_organisation", topics=[sprache], municipality="Greven")
    org("Sportbund D", kind="association", topics=[sprache])
    page = f.DirectoryPageFactory(
        filter_kinds=["migrant_organisation"], filter_municipality="Rheine"
    )
    page.filter_topics = [sprache]
    page.save_revision().publish()
    page = DirectoryPage.objects.get(pk=page.pk)
    _response, soup = get(client, page)
    assert listed_names(soup) == ["Kulturverein A"]
    # a single fixed kind and a fixed municipality/topics leave no such filter to choose
    assert soup.select_one("select[name=kind]") is None
    assert soup.select_one("select[name=municipality]") is None
    assert soup.select_one("select[name=topic]") is None


def test_get_filters_kind_municipality_topic(client, directory):
    sprache = f.TopicFactory(name="Sprachkurse")
    org("Verein Rheine", kind="association", topics=[sprache])
    org("Verein Greven", kind="association", municipality="Greven")
    org("Amt Rheine", kind="public_body")
    _r, soup = get(client, directory, "?kind=association")
    assert listed_names(soup) == ["Verein Greven", "Verein Rheine"]
    _r, soup = get(client, directory, "?kind=association&municipality=Rheine")
    assert listed_names(soup) == ["Verein Rheine"]
    _r, soup = get(client, directory, f"?topic={sprache.pk}")
    assert listed_names(soup) == ["Verein Rheine"]
    options = [o["value"] for o in soup.select("select[name=municipality] option")]
    assert options == ["", "Greven", "Rheine"]


def test_search_uses_the_search_backend(client, directory, django_capture_on_commit_callbacks):
    # Wagtail 7 updates the search index in a task run on commit
    with django_capture_on_commit_callbacks(execute=True):
        org("Deutsch-Polnischer Kulturverein", description="<p>Chor und Tanz</p>")
        org("Sportbund Rheine")
        org("Kulturverein Anatolia", kind="migrant_organisation")
    _r, soup = get(client, directory, "?q=Kulturverein")
    assert listed_names(soup) == ["Deutsch-Polnischer Kulturverein", "Kulturverein Anatolia"]
    assert "2" in soup.select_one(".wi-result-count").get_text()
    assert soup.select_one(".wi-jump-list") is None
    _r, soup = get(client, directory, "?q=Tanz")
    assert listed_names(soup) == ["Deutsch-Polnischer Kulturverein"]
    _r, soup = get(client, directory, "?q=Kulturverein&kind=migrant_organisation")
    assert listed_names(soup) == ["Kulturverein Anatolia"]


def test_search_combines_with_topic_filter(client, directory, django_capture_on_commit_callbacks):
    sprache = f.TopicFactory(name="Sprachkurse")
    with django_capture_on_commit_callbacks(execute=True):
        org("Kulturverein Nord", topics=[sprache])
        org("Kulturverein Süd")
    _r, soup = get(client, directory, f"?q=Kulturverein&topic={sprache.pk}")
    assert listed_names(soup) == ["Kulturverein Nord"]


def test_jump_list_links_letters_with_entries_only(client, directory):
    org("Ärztenetz")
    org("Zukunft e. V.")
    org("1. Verein")
    _r, soup = get(client, directory)
    nav = soup.select_one("nav.wi-jump-list")
    assert nav["aria-label"]
    linked = {a.get_text() for a in nav.select("a")}
    inactive = {span.get_text() for span in nav.select(".wi-jump-list__inactive")}
    assert {"A", "Z", "#"} <= linked
    assert "B" in inactive and "B" not in linked
    assert len(linked - {"Alle", "All"}) + len(inactive) == 27

    _r, soup = get(client, directory, "?letter=a")
    assert listed_names(soup) == ["Ärztenetz"]
    current = soup.select_one("nav.wi-jump-list a[aria-current]")
    assert current.get_text() == "A"
    _r, soup = get(client, directory, "?letter=%23")
    assert listed_names(soup) == ["1. Verein"]


def test_filters_survive_pagination_links(client, directory, settings):
    settings.WAGTAIL_INTEGRATION = {"PAGE_SIZE": 2}
    for index in range(5):
        org(f"Verein {index}", kind="association")
    org("Amt", kind="public_body")
    _r, soup = get(client, directory, "?kind=association&page=2")
    links = [a["href"] for a in soup.select(".wi-pagination a")]
    assert all("kind=association" in href for href in links)
    current = soup.select_one(".wi-pagination a[aria-current=page]")
    assert current.get_text(strip=True).endswith("2")
    assert listed_names(soup) == ["Verein 2", "Verein 3"]


@pytest.mark.parametrize(
    "query",
    [
        "?kind=unknown",
        "?page=abc",
        "?page=99999",
        "?page=-1",
        "?letter=%25%25",
        "?topic=abc",
        "?topic=999999",
        "?municipality=Atlantis",
        "?q=" + "x" * 5000,
        "?q=%00",
        "?q=%22%27%3C%3E()*",
        "?kind=association&kind=public_body",
    ],
)
def test_bad_parameters_answer_200(client, directory, query):
    org("Verein A")
    response, soup = get(client, directory, query)
    assert soup.select_one(".wi-result-count") is not None


def test_bad_parameters_are_reported_and_ignored(client, directory):
    org("Verein A", kind="association")
    _r, soup = get(client, directory, "?kind=unknown")
    assert listed_names(soup) == ["Verein A"]
    assert soup.select_one(".wi-form-error") is not None
    assert soup.select_one("select[name=kind]")["aria-invalid"] == "true"


def test_form_is_accessible(client, directory):
    org("Verein A")
    _r, soup = get(client, directory)
    form = soup.select_one("form.wi-directory-filter")
    assert form.select_one("fieldset legend").get_text(strip=True)
    for control in form.select("input:not([type=hidden]), select"):
        assert form.select_one(f"label[for={control['id']}]"), control


def test_lists_only_the_pages_locale(client, directory, locale_en):
    org("Deutscher Verein")
    f.OrganisationFactory(name="English Association", locale=locale_en)
    _r, soup = get(client, directory)
    assert listed_names(soup) == ["Deutscher Verein"]


def test_directory_page_admin_edit_form(admin_en_client, directory):
    response = admin_en_client.get(f"/admin/pages/{directory.pk}/edit/")
    assert response.status_code == 200
    assert b'name="filter_kinds"' in response.content


# --- Synthetic data ---------------------------------------------------------------------------


def test_synthetic_organisations_top_up(root_page):
    locale = Locale.get_default()
    assert ensure_synthetic_organisations(locale, 30) == 30
    assert ensure_synthetic_organisations(locale, 30) == 0
    assert ensure_synthetic_organisations(locale, 45) == 15
    synthetic = synthetic_queryset(locale)
    assert synthetic.count() == 45
    assert synthetic.values("name").distinct().count() == 45
    assert all(o.sort_key == german_sort_key(o.name) for o in synthetic)
    assert len(set(synthetic.values_list("kind", flat=True))) >= 4
    assert len(set(synthetic.values_list("municipality", flat=True))) >= 10
    assert Organisation.topics.through.objects.filter(organisation__in=synthetic).exists()
    # bulk-created rows are in the search index
    from wagtail.search.backends import get_search_backend

    first = synthetic.order_by("pk").first()
    word = first.name.split()[0]
    assert first in list(get_search_backend().search(word, Organisation))


def test_demo_command_organisations_option(root_page):
    out = io.StringIO()
    call_command("wagtail_integration_demo", "--organisations", "25", stdout=out)
    assert "25 added" in out.getvalue()
    call_command("wagtail_integration_demo", "--organisations", "25", stdout=out)
    assert synthetic_queryset(Locale.get_default()).count() == 25
    page = DirectoryPage.objects.get(slug="migrantenorganisationen-kreis-steinfurt")
    assert page.filter_kinds == ["migrant_organisation"]


# --- Scale: query counts do not grow --------------------------------------------------------

SCENARIOS = {
    "first page": "",
    "search": "?q=Kulturverein",
    "filtered": "?kind=migrant_organisation&topic={topic}&municipality=K%C3%B6ln",
    "deep page": "?page=40",
    "letter": "?letter=s",
}


def count_queries(client, url) -> int:
    client.get(url)  # warm-up
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def test_query_counts_do_not_grow_from_200_to_2000(client, directory):
    from wagtail_integration.models import Topic

    locale = Locale.get_default()
    counts = {}
    for size in (200, 2000):
        ensure_synthetic_organisations(locale, size)
        topic = Topic.objects.get(locale=locale, name="Sprachkurse")
        counts[size] = {
            name: count_queries(client, directory.url + query.format(topic=topic.pk))
            for name, query in SCENARIOS.items()
        }
    for name in SCENARIOS:
        assert counts[2000][name] <= counts[200][name], (name, counts)
