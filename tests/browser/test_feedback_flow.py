"""A person sends feedback with the accessibility statement's form; an editor finds it in
the admin. The statement page is created in the ORM; everything else happens in Chromium."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from wagtail_integration.duties import feedback
from wagtail_integration.models import AccessibilityFeedback

from .. import factories as f

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

USERNAME = "redaktion-barrierefrei"
PASSWORD = "browser-test-only"  # noqa: S105
MESSAGE = "Im Veranstaltungskalender springt der Fokus nach dem Filtern an den Seitenanfang."


def test_person_sends_feedback_and_editor_reads_it(page: Page, live_server, monkeypatch):
    # A person needs longer than 3 seconds; the browser does not: no sleeping in the test.
    monkeypatch.setattr(feedback, "MIN_FILL_SECONDS", 0)
    statement = f.AccessibilityStatementPageFactory()
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser(
        username=USERNAME, email="redaktion@example.org", password=PASSWORD
    )
    base_url = live_server.url

    page.goto(base_url + statement.url)
    # An empty message is a form error announced as an alert, linked to the field.
    page.get_by_role("button", name=re.compile("senden|Send", re.I)).click()
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(page.locator("#id_message")).to_have_attribute("aria-invalid", "true")

    page.get_by_label(re.compile("Ihr Name|Your name")).fill("Jonas Weber")
    page.locator("#id_email").fill("jonas.weber@example.org")
    page.locator("#id_message").fill(MESSAGE)
    page.get_by_role("button", name=re.compile("senden|Send", re.I)).click()
    expect(page.get_by_role("status")).to_be_visible()
    assert page.url.endswith("?feedback=sent#feedback")
    honeypot = page.locator("#id_homepage")
    assert honeypot.get_attribute("tabindex") == "-1"
    expect(honeypot.locator("xpath=ancestor::*[@aria-hidden='true']")).to_have_count(1)

    stored = AccessibilityFeedback.objects.get()
    assert stored.message == MESSAGE and stored.email == "jonas.weber@example.org"
    assert len(mail.outbox) == 1 and MESSAGE in mail.outbox[0].body

    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.locator('form[action^="/admin/login/"] button[type="submit"]').click()
    page.wait_for_url(f"{base_url}/admin/")
    page.locator('a[href="/admin/accessibility_feedback/"]').first.click()
    page.wait_for_url(f"{base_url}/admin/accessibility_feedback/")
    row = page.locator("table.listing tbody tr", has_text=MESSAGE[:40])
    expect(row).to_have_count(1)
    row.locator("a").first.click()
    expect(page.locator("main")).to_contain_text(MESSAGE)
    expect(page.locator("main")).to_contain_text("jonas.weber@example.org")
