"""schema.org JSON-LD and Open Graph tags in the head of every page of the package."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from wagtail_integration.models import PressReleasePage, ProjectPage
from wagtail_integration.outputs.structured_data import json_ld_script, plain_text
from wagtail_integration.translation import translate_page_tree

from .. import factories as f

HOSTILE = "</script><script>alert(1)</script><!-- \u2028\u2029 \u202eevil 🎉 & <b>"


def get_html(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def ld_json(html: str) -> dict:
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data


def nodes_of(data: dict, type_: str) -> list[dict]:
    return [node for node in data["@graph"] if node["@type"] == type_]


def by_id(data: dict) -> dict[str, dict]:
    return {node["@id"]: node for node in data["@graph"]}


def meta(html: str) -> dict[str, list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    result: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key:
            result.setdefault(key, []).append(tag.get("content"))
    return result


@pytest.fixture
def demo(class_demo, db):
    return class_demo


def demo_page(slug: str) -> Page:
    return Page.objects.get(slug=slug).specific


# --- Demo content ----------------------------------------------------------------------------


class TestTheDemosStructuredData:
    """The demo's pages, built once for the class (``class_demo``)."""

    def test_demo_press_release_is_a_news_article(self, demo):
        page = demo_page("fachkonferenz-migrantenorganisationen-steinfurt")
        html = get_html(page.url)
        data = ld_json(html)
        (article,) = nodes_of(data, "NewsArticle")
        assert article["headline"] == page.title
        assert article["datePublished"] == "2018-05-02"
        assert article["alternativeHeadline"].startswith("Gemeinsam Integration gestalten")
        assert article["inLanguage"] == "de"
        assert article["locationCreated"] == {"@type": "Place", "name": "Kreis Steinfurt"}
        assert article["dateModified"].startswith(str(page.last_published_at.year))
        nodes = by_id(data)
        page_url = "http://localhost" + page.url
        assert article["mainEntityOfPage"]["@id"] == page_url + "#webpage"
        assert nodes[page_url + "#webpage"]["url"] == page_url
        publisher = nodes[article["publisher"]["@id"]]
        assert publisher["@type"] in {"Organization", "GovernmentOrganization"}
        assert publisher["name"] == page.publisher.name
        assert article["author"] == article["publisher"]
        # the working-group meeting the release announces, as an all-day event
        (event,) = [nodes[ref["@id"]] for ref in article["mentions"]]
        assert event["@type"] == "Event"
        assert event["name"] == "Arbeitskreis Migrantenorganisationen im Kreis Steinfurt"
        assert event["startDate"] == "2018-05-14"
        assert nodes[event["organizer"]["@id"]]["name"].startswith("Kommunales Integrationszentrum")
        og = meta(html)
        assert og["og:type"] == ["article"]
        assert og["article:published_time"] == ["2018-05-02"]
        assert og["og:url"] == [page_url]
        assert og["og:locale"] == ["de_DE"]
        assert og["og:title"] == [page.title]

    @pytest.mark.parametrize(
        "slug",
        [
            "interkulturelles-netzwerk-westmuensterland",
            "sprecherteam",
            "projekte",
            "integration-durch-ehrenamtliches-engagement-borken",
            "presse",
            "partnernetzwerk-interkulturelle-oeffnung",
            "integrationsagentur-herne",
        ],
    )
    def test_every_demo_page_has_one_parseable_graph(self, demo, slug):
        page = demo_page(slug)
        html = get_html(page.url)
        data = ld_json(html)
        ids = [node["@id"] for node in data["@graph"]]
        assert len(ids) == len(set(ids))
        page_node = by_id(data)["http://localhost" + page.url + "#webpage"]
        assert page_node["inLanguage"] == "de"
        assert page_node["@type"] in {"WebPage", "CollectionPage", "AboutPage"}
        # every reference points at a node of the graph
        known = set(ids)
        for node in data["@graph"]:
            for value in node.values():
                refs = value if isinstance(value, list) else [value]
                for ref in refs:
                    if isinstance(ref, dict) and set(ref) == {"@id"}:
                        assert ref["@id"] in known, (node["@id"], ref)
        assert meta(html)["og:type"] == ["website"]

    def test_demo_training_is_an_event_with_place_and_lecturer(self, demo):
        page = demo_page("integration-durch-ehrenamtliches-engagement-borken")
        data = ld_json(get_html(page.url))
        (event,) = nodes_of(data, "Event")
        assert event["startDate"] == "2017-11-18"
        assert event["location"]["name"] == "Rathaus Borken"
        assert event["location"]["address"] == {
            "@type": "PostalAddress",
            "streetAddress": "Im Piepershagen 17",
            "postalCode": "46325",
            "addressLocality": "Borken",
        }
        assert by_id(data)[event["performer"]["@id"]]["@type"] == "Person"
        assert "<" not in event["description"] and "LEADER-Fortbildung" in event["description"]
        assert event["eventStatus"] == "https://schema.org/EventScheduled"


# --- Page types ------------------------------------------------------------------------------


def test_organisation_profile_has_opening_hours(db):
    page = f.full_organisation_profile_page()
    Organisation = type(page.organisation)
    page.organisation.kind = Organisation.Kind.PUBLIC_BODY
    page.organisation.save()
    html = get_html(page.url)
    data = ld_json(html)
    nodes = by_id(data)
    webpage = nodes["http://localhost" + page.url + "#webpage"]
    org = nodes[webpage["mainEntity"]["@id"]]
    assert org["@type"] == "GovernmentOrganization"
    assert org["name"] == "Integrationsagentur Nordhorn"
    assert org["address"]["@type"] == "PostalAddress"
    assert org["logo"].startswith("http://localhost/")
    # schema.org: opening hours belong to the Place where the organisation receives visitors.
    assert "openingHoursSpecification" not in org
    place = org["location"]
    assert place["@type"] == "Place" and place["address"] == org["address"]
    assert place["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Tuesday"],
            "opens": "09:00",
            "closes": "17:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Thursday"],
            "opens": "08:30",
            "closes": "12:00",
        },
    ]
    assert nodes[org["parentOrganization"]["@id"]]["name"].startswith("Caritasverband")
    og = meta(html)
    assert og["og:image"][0].startswith("http://localhost/")
    assert og["og:image:alt"] == ["Gruppenfoto beim Netzwerktreffen"]  # the body's image


def test_network_page_lists_its_members(db):
    page = f.full_network_page(members=3)
    data = ld_json(get_html(page.url))
    nodes = by_id(data)
    network = nodes[nodes["http://localhost" + page.url + "#webpage"]["mainEntity"]["@id"]]
    assert network["foundingDate"] == "2016"
    names = [nodes[ref["@id"]]["name"] for ref in network["member"]]
    assert names == [m.organisation.name for m in page.memberships.all()]


def test_person_node_with_title_job_and_employer(db):
    page = f.full_press_release_page()
    person = page.press_contact
    person.academic_title = "Dr."
    person.organisation = f.OrganisationFactory(kind="association")
    person.save()
    data = ld_json(get_html(page.url))
    (article,) = nodes_of(data, "NewsArticle")
    node = by_id(data)[article["accountablePerson"]["@id"]]
    assert node["honorificPrefix"] == "Dr."
    assert node["name"] == f"{person.first_name} {person.last_name}"
    assert node["jobTitle"] == "Pressesprecherin"
    assert node["email"] == person.email
    assert node["telephone"] == person.phone
    assert by_id(data)[node["worksFor"]["@id"]]["@type"] == "Organization"
    assert article["image"][0].startswith("http://localhost/")
    og = meta(get_html(page.url))
    assert og["twitter:card"] == ["summary_large_image"]
    assert og["og:image:alt"]


def test_timed_event_has_berlin_offset(db):
    summer = f.EventFactory(
        start_date=datetime.date(2025, 7, 1),
        start_time=datetime.time(10),
        end_date=datetime.date(2025, 7, 1),
        end_time=datetime.time(12, 30),
    )
    winter = f.EventFactory(
        start_date=datetime.date(2025, 1, 15), start_time=datetime.time(9), end_time=None
    )
    page = f.ProjectPageFactory(events=[("event", summer), ("event", winter)])
    events = {e["name"]: e for e in nodes_of(ld_json(get_html(page.url)), "Event")}
    assert events[summer.title]["startDate"] == "2025-07-01T10:00:00+02:00"
    assert events[summer.title]["endDate"] == "2025-07-01T12:30:00+02:00"
    assert events[winter.title]["startDate"] == "2025-01-15T09:00:00+01:00"
    assert "endDate" not in events[winter.title]


def test_every_event_has_a_location(db):
    """An event without venue or address takes its organiser's address, else the organiser's
    area as the Place; one without any is left out (schema.org and Google want a location)."""
    organiser = f.OrganisationFactory(street="Rathausplatz 1", postcode="48565", city="Steinfurt")
    regional = f.OrganisationFactory(street="", postcode="", city="", municipality="Kreis Borken")
    nowhere_org = f.OrganisationFactory(street="", postcode="", city="", municipality="")
    unplaced = {"venue": "", "street": "", "postcode": "", "city": ""}
    hosted = f.EventFactory(organiser=organiser, **unplaced)
    in_area = f.EventFactory(organiser=regional, **unplaced)
    nowhere = f.EventFactory(organiser=nowhere_org, **unplaced)
    placed = f.EventFactory()
    blocks = [("event", e) for e in (hosted, in_area, nowhere, placed)]
    page = f.ProjectPageFactory(events=blocks)
    data = ld_json(get_html(page.url))
    events = {e["@id"].rsplit("/", 1)[-1]: e for e in nodes_of(data, "Event")}
    assert set(events) == {str(e.pk) for e in (hosted, in_area, placed)}
    assert events[str(in_area.pk)]["location"] == {
        "@type": "Place",
        "name": "Kreis Borken",
        "address": {"@type": "PostalAddress", "addressLocality": "Kreis Borken"},
    }
    events = {e.title: events[str(e.pk)] for e in (hosted, placed)}
    assert events[hosted.title]["location"] == {
        "@type": "Place",
        "name": organiser.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Rathausplatz 1",
            "postalCode": "48565",
            "addressLocality": "Steinfurt",
        },
    }
    assert events[placed.title]["location"]["name"] == placed.venue
    webpage = by_id(data)["http://localhost" + page.url + "#webpage"]
    assert len(webpage["mentions"]) == 3  # no reference to the event left out


# --- Escaping --------------------------------------------------------------------------------


def test_hostile_title_cannot_leave_the_script_element(db):
    page = f.full_press_release_page()
    page.title = HOSTILE
    page.subheadline = "--><script>alert(2)</script>"
    page.lead = "Lead </SCRIPT > <!-- x"
    page.save_revision().publish()
    html = get_html(page.url)
    soup = BeautifulSoup(html, "html.parser")
    script = soup.find("script", type="application/ld+json").string
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in script
    data = json.loads(script)
    (article,) = nodes_of(data, "NewsArticle")
    assert article["headline"] == HOSTILE
    assert article["alternativeHeadline"] == "--><script>alert(2)</script>"
    # no other script element came into being: only ours and the template's external ones
    for element in soup.find_all("script"):
        assert element.get("type") == "application/ld+json" or (
            element.get("src") and not element.string
        )
    assert "<script>alert" not in html
    og = meta(html)
    assert og["og:title"] == [HOSTILE]
    assert og["og:description"] == ["Lead </SCRIPT > <!-- x"]


def test_json_ld_escapes_every_dangerous_character():
    nasty = "\x00</script><!--<script>\u2028\u2029&amp;\u202e🎉" + "x" * 10_000
    rendered = str(json_ld_script([{"@type": "Thing", "@id": "#a", "name": nasty}]))
    body = rendered.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert "\u2028" not in body and "\x00" not in body
    assert json.loads(body)["@graph"][0]["name"] == nasty


def test_plain_text_strips_markup():
    text = plain_text("<p>Eins &amp; <b>zwei</b></p>\n<p>&lt;script&gt;</p>")
    assert text == "Eins & zwei <script>"


# --- Nothing unpublished ---------------------------------------------------------------------


def test_draft_changes_stay_out_of_json_ld_and_og(db):
    page = f.full_press_release_page()
    page = PressReleasePage.objects.get(pk=page.pk)
    draft_event = f.EventFactory(title="Entwurfstermin")
    page.title = "Entwurfsüberschrift"
    page.lead = "Entwurfsvorspann"
    page.events = [("event", draft_event)]
    page.save_revision()
    html = get_html(PressReleasePage.objects.get(pk=page.pk).url)
    for secret in ("Entwurfsüberschrift", "Entwurfsvorspann", "Entwurfstermin"):
        assert secret not in html


def test_unpublished_and_private_pages_are_not_served(db):
    draft = f.full_press_release_page()
    draft.unpublish()
    assert Client().get(draft.url or "/nothing/").status_code == 404
    private = f.full_press_release_page()
    PageViewRestriction.objects.create(
        page=private,
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",  # noqa: S106
    )
    response = Client().get(private.url)
    assert response.status_code == 200  # the password form, not the page
    assert b"application/ld+json" not in response.content
    assert private.title.encode() not in response.content


def test_og_locale_alternates_list_live_translations_only(
    db, superuser, django_capture_on_commit_callbacks
):
    page = f.NetworkPageFactory(title="Netzwerk", search_description="Kurz gesagt")
    locales = [Locale.objects.get_or_create(language_code=c)[0] for c in ("en", "tr")]
    with django_capture_on_commit_callbacks(execute=True):
        translate_page_tree(page, locales, user=superuser)
    page.get_translation(locales[1]).unpublish()
    og = meta(get_html(page.url))
    assert og["og:locale"] == ["de_DE"]
    assert og["og:locale:alternate"] == ["en_GB"]
    assert og["og:description"] == ["Kurz gesagt"]
    english = meta(get_html(page.get_translation(locales[0]).url))
    assert english["og:locale"] == ["en_GB"]
    assert english["og:locale:alternate"] == ["de_DE"]


# --- Queries ---------------------------------------------------------------------------------


def render_tag(page) -> str:
    request = RequestFactory().get("/")
    template = Template("{% load wagtail_integration_tags %}{% structured_data page %}")
    return template.render(Context({"page": page, "request": request}))


def count_tag_queries(page_pk: int) -> int:
    page = Page.objects.get(pk=page_pk).specific
    with CaptureQueriesContext(connection) as context:
        render_tag(page)
    return len(context)


def project_with_events(n: int) -> ProjectPage:
    organiser = f.OrganisationFactory(with_logo=True)
    events = [
        f.EventFactory(
            lecturer=f.PersonFactory(organisation=f.OrganisationFactory()), organiser=organiser
        )
        for _ in range(n)
    ]
    return f.ProjectPageFactory(events=[("event", e) for e in events])


def test_json_ld_queries_do_not_grow_with_events(db, django_assert_max_num_queries):
    few, many = project_with_events(3), project_with_events(30)
    count_tag_queries(few.pk)  # warm-up: site root paths, renditions
    baseline = count_tag_queries(few.pk)
    many_page = Page.objects.get(pk=many.pk).specific
    with django_assert_max_num_queries(baseline):
        html = render_tag(many_page)
    data = json.loads(BeautifulSoup(html, "html.parser").script.string)
    assert len(nodes_of(data, "Event")) == 30


def test_tags_render_for_a_page_not_saved_yet(db, locale_de):
    """The admin previews a new page before it has a URL."""
    page = PressReleasePage(
        title="Neu", release_date=datetime.date(2026, 1, 2), lead="Vorspann", locale=locale_de
    )
    template = Template(
        "{% load wagtail_integration_tags %}{% open_graph_meta page %}{% structured_data page %}"
    )
    html = template.render(Context({"page": page, "request": RequestFactory().get("/")}))
    (article,) = nodes_of(ld_json(html), "NewsArticle")
    assert article["datePublished"] == "2026-01-02"
    assert meta(html)["og:title"] == ["Neu"]


def test_long_hostile_title_stays_inert_in_og_and_json_ld(db, locale_de):
    title = HOSTILE + "\x00" + "ü" * 10_000
    page = PressReleasePage(
        title=title, release_date=datetime.date(2026, 1, 2), lead=HOSTILE, locale=locale_de
    )
    template = Template(
        "{% load wagtail_integration_tags %}{% open_graph_meta page %}{% structured_data page %}"
    )
    html = template.render(Context({"page": page, "request": RequestFactory().get("/")}))
    assert "<script>alert" not in html and "<!--" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert [s.get("type") for s in soup.find_all("script")] == ["application/ld+json"]
    assert len(soup.find_all("meta")) == len(re.findall("<meta ", html))
    (article,) = nodes_of(ld_json(html), "NewsArticle")
    assert article["headline"] == title
    assert meta(html)["og:description"][0].startswith(HOSTILE[:20])
