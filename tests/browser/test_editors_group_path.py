"""An editor whose only group is Wagtail's standard "Editors" works with the package in a real
browser: creates an organisation in the snippet admin, creates a network page below the site's
start page (where the demo puts its pages), chooses that organisation as a member and creates
a second one from inside the chooser, saves a draft and submits it for moderation (Editors may
not publish). A user whose only group is "Moderators" approves it; the page then shows both
organisations.

The permissions come from the package's migrations alone (``permissions.py``); nothing is
granted here. The admin speaks German, so elements are found by names, ids and roles.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import Page, expect
from wagtail.models import Site, WorkflowState

from wagtail_integration.models import NetworkPage, Organisation

from .test_editor_flow import choose_in_modal, fill_title, start_subpage
from .test_press_approval import PASSWORD, footer_action, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Netzwerk Integration Hamm"
FIRST = "Caritasverband Hamm"
SECOND = "Integrationsrat der Stadt Hamm"


@pytest.fixture
def people(django_user_model):
    for username, group in (("redakteurin", "Editors"), ("moderator", "Moderators")):
        user = django_user_model.objects.create_user(username, password=PASSWORD)
        user.groups.add(Group.objects.get(name=group))


def create_in_chooser(page: Page, chooser_id: str, name: str, kind: str) -> None:
    """Open the chooser ``chooser_id``, create an organisation on its "Create" tab."""
    page.locator(f"#{chooser_id} .unchosen [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.locator("#tab-label-create").click()
    form = modal.locator("form[data-chooser-modal-creation-form]")
    # First without a name: the modal shows the error and keeps the chosen kind.
    form.locator('[name="kind"]').select_option(kind)
    form.locator('[type="submit"]').click()
    form = modal.locator("form[data-chooser-modal-creation-form]")
    expect(modal.locator(".error-message").first).to_be_visible()
    expect(form.locator('[name="kind"]')).to_have_value(kind)
    form.locator('[name="name"]').fill(name)
    form.locator('[type="submit"]').click()
    expect(page.locator(".modal-dialog")).to_have_count(0)
    created = Organisation.objects.get(name=name)
    input_id = chooser_id.removesuffix("-chooser")
    expect(page.locator(f'input[type="hidden"][id="{input_id}"]')).to_have_value(str(created.pk))


def test_editor_creates_organisations_and_a_network_page_a_moderator_publishes(
    page: Page, live_server, people
):
    base_url = live_server.url
    root_id = Site.objects.get(is_default_site=True).root_page_id

    log_in(page, base_url, "redakteurin")

    # An organisation in the snippet admin (menu "Integration" → "Organisations" → "Add").
    page.goto(base_url + reverse(Organisation.snippet_viewset.get_url_name("add")))
    page.fill("#id_name", FIRST)
    page.select_option("#id_kind", "welfare_provider")
    with page.expect_navigation():
        page.locator('footer button[type="submit"]').first.click()
    first = Organisation.objects.get(name=FIRST)

    # A network page below the site's start page, with that organisation and a new one.
    start_subpage(page, base_url, root_id, "networkpage")
    fill_title(page, TITLE)
    page.locator("#id_memberships-ADD").click()
    choose_in_modal(page, "id_memberships-0-organisation-chooser", first.pk)
    page.locator("#id_memberships-ADD").click()
    create_in_chooser(page, "id_memberships-1-organisation-chooser", SECOND, "public_body")
    assert page.locator('footer button[name="action-publish"]').count() == 0  # cannot publish

    with page.expect_navigation():
        page.locator("footer button.action-save").first.click()
    network = NetworkPage.objects.get(title=TITLE)
    assert not network.live
    assert network.get_parent().pk == root_id
    draft = network.get_latest_revision_as_object()
    assert [m.organisation.name for m in draft.memberships.all()] == [FIRST, SECOND]

    with page.expect_navigation():
        footer_action(page, 'button[name="action-submit"]').click()
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(network.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # A moderator approves: Wagtail's default workflow publishes the page.
    log_in(page, base_url, "moderator")
    page.goto(base_url + reverse("wagtailadmin_pages:edit", args=[network.pk]))
    with page.expect_navigation():
        footer_action(
            page,
            'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])',
        ).click()
    network.refresh_from_db()
    assert network.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    page.goto(base_url + network.url)
    expect(page.locator("h1")).to_have_text(TITLE)
    members = page.locator(".wi-members > li")
    expect(members).to_have_count(2)
    expect(members.nth(0)).to_contain_text(FIRST)
    expect(members.nth(1)).to_contain_text(SECOND)
