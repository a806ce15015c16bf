"""The admin's slug field writes a German title's umlauts as ae, oe, ue and ß as ss while the
editor types (Wagtail's w-slug controller with the package's formatters)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Site

from .test_editor_flow import PASSWORD, USERNAME, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username=USERNAME, email="redakteurin@example.org", password=PASSWORD
    )


def test_typing_a_german_title_gives_a_german_slug(page: Page, live_server, editor):
    root = Site.objects.get(is_default_site=True).root_page
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/admin/pages/add/wagtail_integration/networkpage/{root.pk}/")
    title = page.locator("#id_title")
    title.press_sequentially("Übersicht für Zuwanderer")
    # The slug follows the title as it is typed.
    expect(page.locator("#id_slug")).to_have_value("uebersicht-fuer-zuwanderer")
    title.press("Tab")
    expect(page.locator("#id_slug")).to_have_value("uebersicht-fuer-zuwanderer")
    # Typed into the slug field itself (on the "Promote" tab): cleaned the same way when the
    # field is left.
    panel_id = page.locator("#id_slug").evaluate("el => el.closest('[role=tabpanel]').id")
    page.locator(f'a[role="tab"][href="#{panel_id}"]').click()
    slug = page.locator("#id_slug")
    slug.fill("Grüße aus Gütersloh")
    slug.press("Tab")
    expect(slug).to_have_value("gruesse-aus-guetersloh")
