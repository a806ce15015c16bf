"""axe-core (WCAG 2.1 A and AA) on every demo page, in German and in an Arabic (RTL) copy.

The demo content command builds one page of each page type; the Arabic pages are Wagtail's
``copy_for_translation`` copies of them (their snippets stay German). A rule is never switched
off here: a violation is fixed in the package's templates or stylesheets.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import Page, expect
from wagtail.models import Locale, Site, get_page_models
from wagtail.models import Page as WagtailPage

from wagtail_integration.visibility import visible

pytestmark = [
    pytest.mark.browser,
    # Serialized rollback restores the tree root, default site and locale after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Every concrete page type of the package, so a new one is checked without editing this list.
PAGE_TYPES = [
    model for model in get_page_models() if model._meta.app_label == "wagtail_integration"
]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Full details for violations only; passing rules are still listed (without nodes).
    "resultTypes": ["violations"],
}


def pages_of_our_types(locale: Locale) -> list[WagtailPage]:
    pages = list(
        visible(WagtailPage.objects.live())  # a release under embargo is not served
        .type(*PAGE_TYPES)
        .filter(locale=locale)
        .order_by("path")
        .specific()
    )
    missing = {model.__name__ for model in PAGE_TYPES} - {type(p).__name__ for p in pages}
    assert not missing, f"no live {locale.language_code} page of type(s) {sorted(missing)}"
    return pages


def translate_to(pages: list[WagtailPage], locale: Locale) -> list[WagtailPage]:
    """Publish a copy of each page in ``locale``; parents first, so the tree is kept."""
    copies = []
    for source in sorted(pages, key=lambda p: p.path):
        copy = source.copy_for_translation(locale, copy_parents=True)
        copy.save_revision().publish()
        copies.append(copy)
        # Parents copied for a translation start as drafts: publish them too.
        for parent in copy.get_ancestors().filter(depth__gt=1, live=False).specific():
            parent.save_revision().publish()
    Site.clear_site_root_paths_cache()  # the published Arabic home is a new root path
    return [WagtailPage.objects.get(pk=copy.pk).specific for copy in copies]


def axe_violations(page: Page, url: str, label: str) -> str | None:
    """Open ``url`` and run axe; the report if there are violations, otherwise None."""
    response = page.goto(url)
    assert response is not None and response.ok, f"{label}: HTTP {response and response.status}"
    results = Axe().run(page, options=AXE_OPTIONS)
    # A guard against a silently empty run: axe did check this page's rules.
    passed = {rule["id"] for rule in results.response["passes"]}
    assert {"html-has-lang", "document-title"} <= passed, f"{label}: axe passes {passed}"
    if results.violations_count:
        return f"=== {label} ({url}) ===\n{results.generate_report()}"
    return None


def check_pages(page: Page, base_url: str, pages, lang: str, direction: str, save) -> None:
    """axe on each page; all reports together at the end, a screenshot of each failing page."""
    reports = []
    for wagtail_page in pages:
        label = f"{type(wagtail_page).__name__} “{wagtail_page.title}” [{lang}]"
        report = axe_violations(page, base_url + wagtail_page.url, label)
        # Every page states its language and direction, whatever axe says.
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("html")).to_have_attribute("dir", direction)
        if report:
            reports.append(report)
            save(page, wagtail_page.slug)
    if reports:
        pytest.fail("\n\n".join(reports), pytrace=False)


@pytest.fixture
def demo_pages(transactional_db) -> list[WagtailPage]:
    call_command("wagtail_integration_demo", verbosity=0)
    return pages_of_our_types(Locale.objects.get(language_code="de"))


def test_german_demo_pages_have_no_axe_violations(
    page: Page, live_server, demo_pages, save_page_artifacts
):
    check_pages(page, live_server.url, demo_pages, "de", "ltr", save_page_artifacts)


def test_arabic_copies_are_rtl_and_have_no_axe_violations(
    page: Page, live_server, demo_pages, save_page_artifacts
):
    arabic, _ = Locale.objects.get_or_create(language_code="ar")  # the demo creates the locales
    copies = translate_to(demo_pages, arabic)
    assert all((copy.url or "").startswith("/ar/") for copy in copies), [c.url for c in copies]
    arabic_pages = pages_of_our_types(arabic)
    check_pages(page, live_server.url, arabic_pages, "ar", "rtl", save_page_artifacts)


# --- alert banners ---------------------------------------------------------------------------


@pytest.fixture
def banner_pages(demo_pages) -> dict[str, WagtailPage]:
    """An emergency notice for every page and an information banner for the press section
    (on top of the demo's own site-wide information): a page outside the section and two in
    it."""
    import datetime

    from django.utils import timezone

    from wagtail_integration.models import Alert, PressReleaseIndexPage, PressReleasePage

    press = PressReleaseIndexPage.objects.get(slug="presse", locale__language_code="de")
    locale = press.locale
    now = timezone.now()
    common = {"locale": locale, "starts_at": now - datetime.timedelta(hours=1)}
    Alert.objects.create(
        severity=Alert.Severity.EMERGENCY,
        title="Kreishaus wegen Stromausfall geschlossen",
        text="<p>Bitte kommen Sie heute nicht ins Kreishaus. <a href='/'>Startseite</a></p>",
        link_url="https://www.example.org/stromausfall",
        **common,
    )
    Alert.objects.create(
        severity=Alert.Severity.INFO,
        title="Pressestelle heute nur per E-Mail erreichbar",
        section=press,
        **common,
    )
    outside = next(p for p in demo_pages if not p.path.startswith(press.path))
    release = next(
        p for p in visible(PressReleasePage.objects.live().child_of(press).filter(locale=locale))
    )
    return {"outside": outside, "section": press, "release": release}


def test_pages_with_alert_banners_have_no_axe_violations(
    page: Page, live_server, banner_pages, save_page_artifacts
):
    check_pages(
        page, live_server.url, list(banner_pages.values()), "de", "ltr", save_page_artifacts
    )


def test_banners_are_announced_and_name_their_severity_in_words(
    page: Page, live_server, banner_pages
):
    """An emergency is an ARIA alert, information a status; each banner's accessible name
    starts with its severity as visible text, so it is never told by colour alone."""
    expected = {
        "outside": [("alert", "Notfall:"), ("status", "Information:")],
        "section": [("alert", "Notfall:"), ("status", "Information:"), ("status", "Information:")],
    }
    expected["release"] = expected["section"]
    for key, wagtail_page in banner_pages.items():
        page.goto(live_server.url + wagtail_page.url)
        banners = page.locator(".wi-alert")
        expect(banners).to_have_count(len(expected[key]))
        for index, (role, severity) in enumerate(expected[key]):  # most severe first
            banner = banners.nth(index)
            expect(banner).to_have_attribute("role", role)
            word = banner.locator(".wi-alert__severity")
            expect(word).to_be_visible()
            expect(word).to_have_text(severity)
            expect(banner).to_have_accessible_name(re.compile(rf"^{severity} "))
    section_titles = page.locator(".wi-alert__title").all_inner_texts()
    assert any("Pressestelle heute nur per E-Mail" in title for title in section_titles)
