"""What search engines and link previews read from a page: one canonical address, a meta
description from the lead, an og:image on every page, noindex on filter, search and archive
views that name only themselves, Atom entries with <updated>, forms with a real action,
paragraph breaks kept in plain text, and the example site's robots.txt."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from wagtail_integration.outputs.structured_data import plain_text

from .. import factories as f

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def head(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, **attrs):
    tag = soup.find("meta", attrs=attrs)
    return tag["content"] if tag else None


@pytest.fixture
def press(root_page, locale_en):
    index = f.PressReleaseIndexPageFactory(parent=root_page, title="Presse")
    release = f.PressReleasePageFactory(
        parent=index,
        title="Sprachcafé eröffnet",
        lead="Das Netzwerk lädt ein.",
        release_date=datetime.date(2018, 5, 3),
    )
    return index, release


def test_page_has_canonical_description_and_default_og_image(client, press):
    _index, release = press
    soup = head(client, release.url)
    (canonical,) = soup.select("link[rel=canonical]")
    assert canonical["href"] == release.get_full_url()
    assert meta(soup, name="description") == "Das Netzwerk lädt ein."
    assert meta(soup, property="og:image").endswith("/wagtail_integration/img/share.png")
    assert meta(soup, property="og:image").startswith("http")
    assert meta(soup, name="robots") is None


@override_settings(WAGTAIL_INTEGRATION={"DEFAULT_SHARE_IMAGE": "https://cdn.example.org/s.png"})
def test_default_og_image_is_configurable(client, press):
    _index, release = press
    assert meta(head(client, release.url), property="og:image") == "https://cdn.example.org/s.png"


@override_settings(WAGTAIL_INTEGRATION={"DEFAULT_SHARE_IMAGE": None})
def test_default_og_image_can_be_switched_off(client, press):
    _index, release = press
    assert meta(head(client, release.url), property="og:image") is None


@pytest.mark.parametrize("variant", ["search", "archive", "page"])
def test_listing_variants_are_noindex_and_name_themselves(client, press, variant):
    index, _release = press
    url, params = {
        "search": (index.url, {"q": "Sprachcafé"}),
        "archive": (index.url + "2018/", {}),
        "page": (index.url, {"page": "1"}),
    }[variant]
    soup = head(client, url, **params)
    assert meta(soup, name="robots") == "noindex, follow"
    own = soup.select_one("link[rel=canonical]")["href"]
    assert own.startswith("http") and own.split("://", 1)[1].split("/", 1)[1].startswith(
        url.lstrip("/")
    )
    assert meta(soup, property="og:url") == own
    for link in soup.select("link[rel=alternate][hreflang]"):
        assert link["href"] == own
    # the index itself stays indexable
    assert meta(head(client, index.url), name="robots") is None


@pytest.mark.parametrize(
    "factory", [f.PressReleaseIndexPageFactory, f.DirectoryPageFactory, f.PhotoArchivePageFactory]
)
def test_search_forms_have_an_action(client, root_page, factory):
    page = factory(parent=root_page)
    soup = head(client, page.url)
    forms = soup.select("form[role=search]")
    assert forms
    for form in forms:
        assert form.get("action"), form.get("class")


def test_atom_entries_have_updated(client, press):
    index, _release = press
    response = client.get(index.url + "feed/atom/")
    root = ET.fromstring(response.content)  # noqa: S314 - the app's own feed
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        assert entry.findtext(f"{ATOM}updated"), ET.tostring(entry)


def test_plain_text_keeps_paragraphs_apart():
    rich = "<p>Wir lassen.</p><p>Die  Agentur<br>berät.</p>"
    assert plain_text(rich) == "Wir lassen. Die Agentur berät."  # og:description, meta
    assert plain_text(rich, paragraphs=True) == "Wir lassen.\n\nDie Agentur\n\nberät."
    assert plain_text("Zeile\n  eins", paragraphs=True) == "Zeile eins"


@override_settings(ROOT_URLCONF="example_site.example_site.urls")
def test_example_site_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_event_description_keeps_paragraphs_in_json_ld_and_icalendar(client):
    from django.urls import reverse
    from icalendar import Calendar

    from wagtail_integration.outputs.structured_data import page_graph  # noqa: F401 - module loads

    event = f.EventFactory(description="<p>Wir lassen.</p><p>Die Agentur berät.</p>")
    response = client.get(reverse("wagtail_integration_event_calendar", args=[event.pk]))
    (vevent,) = [c for c in Calendar.from_ical(response.content).walk() if c.name == "VEVENT"]
    assert "Wir lassen.\n\nDie Agentur berät." in str(vevent["DESCRIPTION"])


def test_og_description_json_ld_and_feed_summary_keep_paragraphs_apart(client, press):
    import json

    index, release = press
    release.lead = "Wir lassen.\n\nDie Agentur berät."
    release.save_revision().publish()
    network = f.NetworkPageFactory(
        parent=index.get_parent(), introduction="<p>Wir lassen.</p><p>Die Agentur berät.</p>"
    )
    soup = head(client, network.url)
    assert meta(soup, property="og:description") == "Wir lassen. Die Agentur berät."
    graph = json.loads(soup.find("script", type="application/ld+json").string)["@graph"]
    descriptions = [node["description"] for node in graph if "description" in node]
    assert descriptions and all("lassen.Die" not in d for d in descriptions)
    assert "Wir lassen.\n\nDie Agentur berät." in descriptions
    rss = ET.fromstring(client.get(index.url + "feed/rss/").content)  # noqa: S314 - own feed
    assert rss.findtext("./channel/item/description") == "Wir lassen. Die Agentur berät."
