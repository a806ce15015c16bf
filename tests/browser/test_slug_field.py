"""The admin's slug field writes a German title's umlauts as ae, oe, ue and ß as ss while the
editor types (Wagtail's w-slug controller with the package's formatters)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

USERNAME = "redakteurin"
PASSWORD = "browser-test-only"  # noqa: S105


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username=USERNAME, email="redakteurin@example.org", password=PASSWORD
    )


def log_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.locator('form[action^="/admin/login/"] button[type="submit"]').click()
    page.wait_for_url(f"{base_url}/admin/")


def test_typing_a_german_title_gives_a_german_slug(page: Page, live_server, editor):
    root = Site.objects.get(is_default_site=True).root_page
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/admin/pages/add/wagtail_integration/projectpage/{root.pk}/")
    title = page.locator("#id_title")
    title.press_sequentially("Übersicht für Zuwanderer")
    # The slug follows the title as it is typed.
    expect(page.locator("#id_slug")).to_have_value("uebersicht-fuer-zuwanderer")
    title.press("Tab")
    expect(page.locator("#id_slug")).to_have_value("uebersicht-fuer-zuwanderer")
    # Typed into the slug field itself (on the "Promote" tab): cleaned the same way when the
    # field is left.
    page.locator('a[role="tab"][href="#tab-promote"]').click()
    slug = page.locator("#id_slug")
    slug.fill("Grüße aus Gütersloh")
    slug.press("Tab")
    expect(slug).to_have_value("gruesse-aus-guetersloh")
