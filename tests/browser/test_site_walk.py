"""A visitor reaches every demo page of the example site from its home page by following links.

The tree is the example site's: the default site's root becomes its HomePage (as the example
site's demo command does), the demo goes below it and the example site's base template (main
navigation from "show in menus") is used. Breadth-first over same-origin page links only.
"""

from __future__ import annotations

from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import Page
from wagtail.models import Page as WagtailPage
from wagtail.models import Site

from example_site.example_site.home.models import HomePage
from example_site.example_site.home.setup import ensure_home_page
from wagtail_integration.visibility import visible

pytestmark = [
    pytest.mark.browser,
    # Serialized rollback restores the tree root, default site and locale after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Not pages: downloads, feeds, the admin and the APIs.
NOT_PAGES = ("/admin/", "/api/", "/documents/", "/media/", "/static/")
NOT_PAGE_SUFFIXES = (".ics", ".vcf", ".xml", ".rss", ".atom", ".txt", ".png", ".jpg", ".pdf")


@pytest.fixture
def example_tree(settings, transactional_db) -> HomePage:
    settings.WAGTAIL_INTEGRATION = {
        **getattr(settings, "WAGTAIL_INTEGRATION", {}),
        "BASE_TEMPLATE": "home/base.html",
    }
    home, converted = ensure_home_page()
    assert converted and isinstance(home, HomePage)
    assert ensure_home_page() == (home, False)  # idempotent
    call_command("wagtail_integration_demo", organisations=0, verbosity=0)
    Site.clear_site_root_paths_cache()
    return HomePage.objects.get(pk=home.pk)


def page_links(page: Page, base: str) -> set[str]:
    """Same-origin links to pages: no query (filters and searches), no fragment, no files."""
    origin = urlsplit(base).netloc
    found = set()
    for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
        url = urlsplit(urljoin(page.url, href))
        if url.netloc != origin or url.query or not url.path.endswith("/"):
            continue
        if url.path.startswith(NOT_PAGES) or url.path.endswith(NOT_PAGE_SUFFIXES):
            continue
        found.add(url.path)
    return found


def test_every_demo_page_is_reached_from_the_home_page(page: Page, live_server, example_tree):
    demo_paths = {
        p.url
        for p in visible(WagtailPage.objects.live().public().descendant_of(example_tree))
        .specific()
        .iterator()
    }
    assert len(demo_paths) >= 12, demo_paths  # every top-level page and the children
    queue, seen, statuses = deque(["/"]), {"/"}, {}
    while queue:
        path = queue.popleft()
        response = page.goto(live_server.url + path)
        statuses[path] = response.status if response else None
        if statuses[path] != 200:
            continue
        for link in page_links(page, live_server.url) - seen:
            seen.add(link)
            queue.append(link)
        if path == "/":
            assert "Welcome to your new Wagtail site" not in page.content()
            assert page.locator(".ex-card a").count() >= 7
    failed = {path: status for path, status in statuses.items() if status != 200}
    assert not failed, f"answered other than 200: {failed}"
    unreached = demo_paths - set(statuses)
    assert not unreached, f"no link leads to: {sorted(unreached)}"


def test_navigation_marks_the_section_and_breadcrumbs_lead_home(
    page: Page, live_server, example_tree
):
    release = (
        WagtailPage.objects.live().filter(slug="fachkonferenz-migrantenorganisationen-steinfurt")
    ).get()
    page.goto(live_server.url + release.url)
    crumbs = page.locator("nav.wi-breadcrumbs")
    assert crumbs.get_attribute("aria-label")
    assert crumbs.locator("a").first.get_attribute("href") == "/"
    assert crumbs.locator("[aria-current=page]").inner_text() == release.title
    assert page.locator("nav.ex-main-nav a[aria-current]").inner_text() == "Presse"
    back = page.locator(".wi-back-link a")
    assert back.get_attribute("href") == "/presse/" and "Presse" in back.inner_text()
    footer = page.locator("footer.wi-site-footer").inner_text()
    assert "Impressum" in footer and "Barrierefreiheit" in footer
