"""Issue acceptance on the demo content: the press room of the 2018 district release.

The demo press index advertises RSS and Atom feeds that contain the release, has a 2018
archive and a search that finds it; the release carries NewsArticle JSON-LD published on
2018-05-02 and print styles; the photo archive lists the press image with its credit; the
training and the next working-group meeting download as iCalendar events.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from icalendar import Calendar
from wagtail.models import Page

from wagtail_integration.models import Event, PressReleasePage
from wagtail_integration.visibility import visible

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def demo(class_demo, db):
    release = visible(PressReleasePage.objects.live()).get()  # not the one under embargo
    return release.get_parent().specific, release


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


class TestTheDemosPressRoom:
    """The demo's press room, built once for the class (``class_demo``)."""

    def test_index_advertises_feeds_that_contain_the_release(self, client, demo):
        index, release = demo
        links = soup(client, index.url).select('head link[rel="alternate"]')
        feeds = {link["type"]: link["href"] for link in links if "xml" in link["type"]}
        assert set(feeds) == {"application/rss+xml", "application/atom+xml"}

        rss = ET.fromstring(client.get(feeds["application/rss+xml"]).content)  # noqa: S314 (our own feed)
        (item,) = rss.iter("item")
        assert item.findtext("title") == release.title
        assert item.findtext("link") == release.get_full_url()
        assert item.find("enclosure") is not None

        atom = ET.fromstring(client.get(feeds["application/atom+xml"]).content)  # noqa: S314
        (entry,) = atom.iter(f"{ATOM}entry")
        assert entry.findtext(f"{ATOM}title") == release.title

    def test_index_has_a_2018_archive_and_a_search_that_finds_the_release(self, client, demo):
        index, release = demo
        archive = soup(client, f"{index.url}2018/")
        assert release.title in archive.get_text()
        assert release.title not in soup(client, f"{index.url}2017/").get_text()

        page = soup(client, index.url)
        search = page.select_one('form[role="search"] input[name="q"]')
        assert search is not None
        label = page.select_one(f'label[for="{search["id"]}"]')
        assert label is not None
        found = soup(client, f"{index.url}?q=Projektfördermittelakquise")
        assert found.select_one(f'a[href="{release.url}"]') is not None

    def test_release_is_a_news_article_published_2018_05_02_with_print_styles(self, client, demo):
        _, release = demo
        page = soup(client, release.url)
        graphs = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
        articles = [n for g in graphs for n in g["@graph"] if n["@type"] == "NewsArticle"]
        assert [a["datePublished"] for a in articles] == ["2018-05-02"]
        assert articles[0]["headline"] == release.title
        assert articles[0]["publisher"]
        print_css = page.select_one('link[rel="stylesheet"][media="print"]')
        assert print_css is not None
        path = print_css["href"].removeprefix(settings.STATIC_URL).split("?")[0]
        with open(finders.find(path), encoding="utf-8") as stylesheet:
            assert "attr(href)" in stylesheet.read()  # link targets printed
        assert page.select_one("button.wi-print-button, button[data-print]") is not None

    def test_photo_archive_lists_the_press_image_with_its_credit(self, client, demo):
        archive = Page.objects.get(slug="pressefotos").specific
        page = soup(client, archive.url)
        figures = page.select("figure")
        assert figures, "no photo listed"
        assert any("Kreis Steinfurt" in figure.get_text() for figure in figures)

    @pytest.mark.parametrize("kind", [Event.Kind.TRAINING, Event.Kind.WORKING_GROUP])
    def test_training_and_working_group_meeting_download_as_ics(self, client, demo, kind):
        event = Event.objects.get(kind=kind)
        page = next(
            p.specific
            for p in Page.objects.live().specific()
            if any(getattr(b.value, "pk", None) == event.pk for b in getattr(p, "events", []) or [])
        )
        html = soup(client, page.url)
        link = next(
            a["href"] for a in html.select('a[href*=".ics"]') if f"/events/{event.pk}/" in a["href"]
        )
        response = client.get(link)
        assert response["Content-Type"].startswith("text/calendar")
        (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
        assert str(vevent["SUMMARY"]) == event.title
        assert vevent.decoded("DTSTART").isoformat().startswith(event.start_date.isoformat())
