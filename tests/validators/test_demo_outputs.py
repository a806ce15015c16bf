"""Every demo page and output through its validator: the W3C Nu HTML Checker (HTML), feedparser
and atoma (RSS, Atom), icalendar (calendars), vobject (vCards) and a structural sitemap check.
Each test collects every problem first and reports them all at once."""

from __future__ import annotations

import json
import subprocess  # nosec B404 - runs the Nu checker jar from the project's node_modules
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import find_vnu_jar

pytestmark = [pytest.mark.django_db, pytest.mark.validators]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def crawl(client, pages) -> tuple[dict[str, bytes], set[str]]:
    """The HTML of every demo page, and the page-linked downloads and feeds."""
    html, links = {}, set()
    for page in pages:
        url = page.url
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        html[url] = response.content
        soup = BeautifulSoup(response.content, "html.parser")
        for tag in soup.select("a[href], link[href]"):
            href = urlsplit(urljoin(url, tag["href"]))
            if href.netloc not in ("", "localhost", "testserver"):
                continue
            if href.path.endswith((".ics", ".vcf", "/feed/rss/", "/feed/atom/")):
                links.add(href.path)
    return html, links


def fetch(client, path) -> bytes:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content


def test_demo_pages_pass_the_nu_html_checker(client, demo, tmp_path):
    jar = find_vnu_jar()
    if jar is None:
        pytest.skip("vnu.jar (npm vnu-jar) and java needed; .ci/run installs them")
    html, _links = crawl(client, demo)
    files = {}
    for number, (url, content) in enumerate(sorted(html.items())):
        path = tmp_path / f"page{number:03}.html"
        path.write_bytes(content)
        files[path.name] = url
    result = subprocess.run(  # noqa: S603  # nosec B603 - fixed arguments, files written above
        [  # noqa: S607 - java from PATH, as the CI step installs it
            "java",
            "-jar",
            jar,
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, sorted(tmp_path.iterdir())),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').rsplit('/', 1)[-1], m.get('url'))}:{m.get('lastLine')}: "
        f"{m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert len(html) >= 10
    assert errors == []


def test_demo_feeds_pass_feedparser_and_atoma(client, demo):
    import atoma
    import feedparser

    _html, links = crawl(client, demo)
    feeds = sorted(link for link in links if "/feed/" in link)
    assert any(link.endswith("/atom/") for link in feeds) and any(
        link.endswith("/rss/") for link in feeds
    )
    problems = []
    for link in feeds:
        content = fetch(client, link)
        parsed = feedparser.parse(content)
        if parsed.bozo:
            problems.append(f"{link}: feedparser: {parsed.bozo_exception}")
        if not parsed.entries:
            problems.append(f"{link}: no entries")
        try:
            if link.endswith("/atom/"):
                feed = atoma.parse_atom_bytes(content)
                problems += [
                    f"{link}: entry without updated" for e in feed.entries if not e.updated
                ]
            else:
                atoma.parse_rss_bytes(content)
        except Exception as exc:  # noqa: BLE001 - every atoma error is a finding
            problems.append(f"{link}: atoma: {exc}")
    assert problems == []


def test_demo_calendars_pass_icalendar(client, demo):
    from icalendar import Calendar

    _html, links = crawl(client, demo)
    calendars = sorted(link for link in links if link.endswith(".ics"))
    assert calendars
    problems = []
    for link in calendars:
        calendar = Calendar.from_ical(fetch(client, link))
        events = [c for c in calendar.walk() if c.name == "VEVENT"]
        if not events:
            problems.append(f"{link}: no VEVENT")
        for event in events:
            for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                if required not in event:
                    problems.append(f"{link}: VEVENT without {required}")
            description = str(event.get("DESCRIPTION", ""))
            if ".Die" in description or "</" in description:
                problems.append(f"{link}: paragraphs run together: {description[:80]!r}")
    assert problems == []


def test_demo_vcards_pass_vobject(client, demo):
    import vobject

    _html, links = crawl(client, demo)
    cards = sorted(link for link in links if link.endswith(".vcf"))
    assert cards
    problems = []
    for link in cards:
        try:
            card = vobject.readOne(fetch(client, link).decode("utf-8"))
            card.validate()
        except Exception as exc:  # noqa: BLE001 - every vobject error is a finding
            problems.append(f"{link}: {exc}")
            continue
        if not getattr(card, "fn", None) or not card.fn.value:
            problems.append(f"{link}: no FN")
    assert problems == []


def test_sitemap_is_well_formed(client, demo):
    root = ET.fromstring(fetch(client, "/sitemap.xml"))  # noqa: S314 - the app's own
    assert root.tag == f"{SITEMAP}urlset"
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]
    assert len(locations) >= len([p for p in demo if p.url])
    assert all(loc and loc.startswith(("http://", "https://")) for loc in locations)
    assert len(locations) == len(set(locations))
