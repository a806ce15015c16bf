"""Four-eyes approval in a real browser: an editor submits a press release, a second person
of the press office approves it, and the release is live."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import Page, expect
from wagtail.models import GroupPagePermission, Site, WorkflowState

from wagtail_integration.models import PressReleaseIndexPage, PressReleasePage
from wagtail_integration.workflows import PRESS_GROUP, setup_press_workflows

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "browser-test-only"  # noqa: S105
RELEASE_TITLE = "Arbeitskreis lädt zur Fördermittel-Werkstatt ein"


@pytest.fixture
def press_office(django_user_model):
    root = Site.objects.get(is_default_site=True).root_page
    index = root.add_child(instance=PressReleaseIndexPage(title="Presse", slug="presse"))
    index.save_revision().publish()
    release = index.add_child(
        instance=PressReleasePage(
            title=RELEASE_TITLE,
            slug="foerdermittel-werkstatt",
            release_date="2026-11-02",
            live=False,
        )
    )
    release.save_revision()
    setup_press_workflows()
    writers = Group.objects.create(name="Redaktion")
    writers.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=writers, page=index, permission=Permission.objects.get(codename=codename)
        )
    author = django_user_model.objects.create_user("redakteur", password=PASSWORD)
    author.groups.add(writers)
    officer = django_user_model.objects.create_user("pressesprecherin", password=PASSWORD)
    officer.groups.add(Group.objects.get(name=PRESS_GROUP))
    return release


def log_in(page: Page, base_url: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator('form[action^="/admin/login/"] button[type="submit"]').click()
    page.wait_for_url(f"{base_url}/admin/")


def footer_action(page: Page, selector: str):
    """A button of the editor's footer: the primary one, or one in its dropdown."""
    button = page.locator(f"footer {selector}").first
    if not button.is_visible():
        page.locator(
            'footer .w-dropdown--dropdown-button [data-w-dropdown-target="toggle"]'
        ).click()
    return button


def test_editor_submits_press_office_approves_release_goes_live(
    page: Page, live_server, press_office
):
    base_url = live_server.url
    edit_url = f"{base_url}/admin/pages/{press_office.pk}/edit/"

    log_in(page, base_url, "redakteur")
    page.goto(edit_url)
    assert page.locator('footer button[name="action-publish"]').count() == 0  # cannot publish
    with page.expect_navigation():
        footer_action(page, 'button[name="action-submit"]').click()
    state = WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(press_office.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not PressReleasePage.objects.get(pk=press_office.pk).live

    log_in(page, base_url, "pressesprecherin")
    page.goto(edit_url)
    with page.expect_navigation():
        footer_action(
            page,
            'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])',
        ).click()
    expect(page.locator(".messages")).to_be_visible()

    release = PressReleasePage.objects.get(pk=press_office.pk)
    assert release.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.requested_by.username == "redakteur"
    public = page.request.get(f"{base_url}{release.url}")
    assert public.status == 200 and RELEASE_TITLE in public.text()
