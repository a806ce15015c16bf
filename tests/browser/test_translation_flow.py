"""Translation in a real browser: an editor submits a page, a translator fills the segments
in wagtail-localize's editor and publishes, the English page shows the translation.

The admin speaks German, so elements are found by names, values and roles, not label text.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect
from wagtail.models import Locale, Site

from wagtail_integration.models import NetworkPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

USERNAME = "uebersetzerin"
PASSWORD = "browser-test-only"  # noqa: S105

SOURCE = {
    "title": "Netzwerk Integration Kreis Borken",
    "introduction": "Ein Zusammenschluss von Trägern der Integrationsarbeit.",
}
ENGLISH = {
    "Netzwerk Integration Kreis Borken": "Integration Network Borken District",
    "Ein Zusammenschluss von Trägern der Integrationsarbeit.": (
        "An alliance of organisations working on integration."
    ),
}


@pytest.fixture
def network(django_user_model):
    django_user_model.objects.create_superuser(
        username=USERNAME, email="uebersetzung@example.org", password=PASSWORD
    )
    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Site.objects.get(is_default_site=True).root_page
    page = root.add_child(
        instance=NetworkPage(
            title=SOURCE["title"],
            slug="netzwerk-borken",
            introduction=f"<p>{SOURCE['introduction']}</p>",
        )
    )
    page.save_revision().publish()
    return page, english


def fill_segments(page: Page, texts: dict[str, str]) -> None:
    """In wagtail-localize's open editor: translate each source text's segment (the editor
    saves each one as it is confirmed)."""
    expect(page.locator(".js-translation-editor footer")).to_be_visible()
    for source_text, translated_text in texts.items():
        segment = page.locator("li", has_text=source_text).last
        segment.get_by_role("button").first.click()
        segment.locator("textarea").fill(translated_text)
        segment.get_by_role("button").last.click()
        expect(page.locator("li", has_text=translated_text).last).to_be_visible()


def fill_segments_and_publish(page: Page, texts: dict[str, str]) -> None:
    """In wagtail-localize's open editor: translate each source text's segment, then publish."""
    expect(page.locator('button[name="action"][value="publish"]')).to_be_visible()
    fill_segments(page, texts)
    with page.expect_navigation():
        page.locator('button[name="action"][value="publish"]').click()


def test_editor_submits_translator_translates_and_publishes(page: Page, live_server, network):
    source, english = network
    base_url = live_server.url
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.locator('form[action^="/admin/login/"] button[type="submit"]').click()
    page.wait_for_url(f"{base_url}/admin/")

    # The editor submits the page for translation into English.
    page.goto(base_url + reverse("wagtail_localize:submit_page_translation", args=[source.pk]))
    page.locator(f'input[name="locales"][value="{english.pk}"]').check()
    with page.expect_navigation():
        page.locator('form:has(input[name="locales"]) [type="submit"]').click()

    # The translator lands in wagtail-localize's editor and fills every text segment.
    translated = source.get_translation(english)
    fill_segments_and_publish(page, ENGLISH)

    translated.refresh_from_db()
    assert translated.live
    # The home page copied for the translation stays a draft until it is translated and
    # published itself; translators publish from the top.
    for ancestor in translated.get_ancestors().filter(depth__gt=1):
        ancestor.get_latest_revision().publish()
    translated.refresh_from_db()
    page.goto(base_url + translated.url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(ENGLISH[SOURCE["title"]])
    expect(page.locator("main")).to_contain_text(ENGLISH[SOURCE["introduction"]])
    switcher = page.get_by_role("navigation", name="Language")
    expect(switcher.locator('a[hreflang="de"]')).to_have_text("Deutsch")
