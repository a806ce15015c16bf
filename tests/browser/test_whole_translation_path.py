"""The whole translation path in a real browser, as docs/translators.md describes it, by the
groups docs/editors.md names.

An administrator's set-up creates the content locales and the review workflows (the demo
command runs both). A translator whose only group is Wagtail's "Editors" submits a network
page for translation into Arabic and English in wagtail-localize's admin, translates its title
in each language's translation editor and, as Editors may not publish, submits the copied home
page and then the page for review. A moderator who reviews translations (groups "Moderators"
and "Übersetzungsprüfung") approves each on the dashboard, which publishes them. Then the
translator changes the contact organisation's postcode (a synchronised field) in German, and
the new postcode shows on the German, English and Arabic pages. The Arabic page states
``lang="ar" dir="rtl"``, shows Arabic interface text once an Arabic catalogue ships, and keeps
"48653 Coesfeld" in that order.

The admin speaks German, so elements are found by names, values and roles, not label text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect
from wagtail.models import Locale, Site, WorkflowState

import wagtail_integration
from wagtail_integration.locales import set_up_locales
from wagtail_integration.models import NetworkPage, Organisation
from wagtail_integration.workflows import (
    TRANSLATION_GROUP,
    TRANSLATION_WORKFLOW,
    setup_press_workflows,
)

from .. import factories as f
from .test_press_approval import PASSWORD, log_in
from .test_translation_flow import fill_segments

pytestmark = [
    pytest.mark.browser,
    pytest.mark.every_database,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Netzwerk Integration Kreis Coesfeld"
TITLES = {"ar": "شبكة الاندماج في دائرة كوسفيلد", "en": "Integration Network Coesfeld District"}
ARABIC_CATALOGUE = Path(wagtail_integration.__file__).parent / "locale" / "ar"


TRANSLATOR = "uebersetzerin"
REVIEWER = "moderatorin"


@pytest.fixture
def network(django_user_model):
    # The administrator's set-up: content locales, review workflows and groups.
    set_up_locales()
    setup_press_workflows()
    translator = django_user_model.objects.create_user(TRANSLATOR, password=PASSWORD)
    translator.groups.add(Group.objects.get(name="Editors"))
    reviewer = django_user_model.objects.create_user(REVIEWER, password=PASSWORD)
    reviewer.groups.add(*Group.objects.filter(name__in=["Moderators", TRANSLATION_GROUP]))
    organisation = f.OrganisationFactory(
        name="Kreis Coesfeld", street="Friedrich-Ebert-Straße 7", postcode="48651", city="Coesfeld"
    )
    root = Site.objects.get(is_default_site=True).root_page
    page = root.add_child(
        instance=NetworkPage(
            title=TITLE,
            slug="netzwerk-coesfeld",
            introduction="<p>Träger der Integrationsarbeit im Kreis.</p>",
            contact_organisation=organisation,
        )
    )
    page.save_revision().publish()
    return page, organisation


def translate_and_submit(page: Page, base_url: str, target, texts: dict[str, str]) -> None:
    """In wagtail-localize's editor: fill the given segments, then submit for review (the
    translator may not publish)."""
    page.goto(base_url + reverse("wagtailadmin_pages:edit", args=[target.pk]))
    fill_segments(page, texts)
    page.wait_for_load_state("networkidle")  # the segments' saves have been answered
    expect(page.locator('button[name="action"][value="publish"]')).to_have_count(0)
    with page.expect_navigation():
        page.locator('button[name="wagtail_integration-submit-translation"]').click()
    expect(page.locator(".messages .success")).to_be_visible()
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(target.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS, state
    assert state.workflow.name == TRANSLATION_WORKFLOW, state.workflow
    target.refresh_from_db()
    assert not target.live, f"{target} ({target.locale}) went live before its review"


def approve_on_dashboard(page: Page, base_url: str, target) -> None:
    """The reviewer approves ``target`` under "Awaiting your review"; approval publishes it."""
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(target.pk))
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[target.pk, "approve", state.current_task_state.pk],
    )
    page.goto(f"{base_url}/admin/")
    approve = page.locator(f'button[data-workflow-action-url="{url}"]:not([data-launch-modal])')
    row = page.locator("#awaiting-review-section tr", has=approve)
    row.locator('[data-w-dropdown-target="toggle"]').click()
    with page.expect_navigation():
        approve.click()
    target.refresh_from_db()
    assert target.live, f"{target} ({target.locale}) not published by the approval"


def postcode_and_city_in_order(page: Page) -> None:
    place = page.locator(".wi-organisation .wi-address__place").first
    expect(place).to_be_visible()
    postcode = place.locator(".wi-address__postcode").bounding_box()
    city = place.locator(".wi-address__city").bounding_box()
    assert postcode["x"] + postcode["width"] <= city["x"], (postcode, city)


def test_translate_publish_change_in_german_and_read_every_language(
    page: Page, live_server, network
):
    source, organisation = network
    base_url = live_server.url
    locales = {code: Locale.objects.get(language_code=code) for code in ("ar", "en")}
    log_in(page, base_url, TRANSLATOR)

    # The translator submits the page (and the snippets it uses) for Arabic and English.
    page.goto(base_url + reverse("wagtail_localize:submit_page_translation", args=[source.pk]))
    for locale in locales.values():
        page.locator(f'input[name="locales"][value="{locale.pk}"]').check()
    with page.expect_navigation():
        page.locator('form:has(input[name="locales"]) [type="submit"]').click()
    # With two languages the admin returns to the explorer (docs/translators.md, step 2).
    explorer = reverse("wagtailadmin_explore", args=[source.get_parent().pk])
    assert page.url.endswith(explorer), page.url

    submitted = []
    for code, locale in locales.items():
        translated = source.get_translation(locale)
        assert not translated.live, "a new translation starts as a draft"
        # From the top: the home page copied for the translation first.
        for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
            translate_and_submit(page, base_url, ancestor, {})
            submitted.append(ancestor)
        translate_and_submit(page, base_url, translated, {TITLE: TITLES[code]})
        submitted.append(translated)

    log_in(page, base_url, REVIEWER)
    for target in submitted:
        approve_on_dashboard(page, base_url, target)

    log_in(page, base_url, TRANSLATOR)
    # A synchronised field changes in German, in the snippet editor.
    page.goto(
        base_url
        + reverse("wagtailsnippets_wagtail_integration_organisation:edit", args=[organisation.pk])
    )
    page.fill("#id_postcode", "48653")
    with page.expect_navigation():
        page.locator('footer button[type="submit"]').first.click()
    organisation.refresh_from_db()
    assert organisation.postcode == "48653", "the snippet editor did not save"
    assert set(
        Organisation.objects.filter(translation_key=organisation.translation_key).values_list(
            "locale__language_code", "postcode"
        )
    ) == {("de", "48653"), ("ar", "48653"), ("en", "48653")}

    Site.clear_site_root_paths_cache()
    for code, direction, title in [("de", "ltr", TITLE), ("en", "ltr", TITLES["en"])]:
        translated = source if code == "de" else source.get_translation(locales[code])
        page.goto(base_url + translated.url)
        expect(page.locator("html")).to_have_attribute("lang", code)
        expect(page.locator("html")).to_have_attribute("dir", direction)
        expect(page.locator("h1")).to_have_text(title)
        expect(page.locator(".wi-organisation .wi-address__postcode")).to_have_text("48653")

    arabic = source.get_translation(locales["ar"])
    assert arabic.url.startswith("/ar/"), arabic.url
    page.goto(base_url + arabic.url)
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text(TITLES["ar"])
    expect(page.locator(".wi-organisation .wi-address__postcode")).to_have_text("48653")
    postcode_and_city_in_order(page)
    switcher = page.get_by_role("navigation").filter(has=page.locator('a[hreflang="de"]'))
    expect(switcher.locator('a[hreflang="en"]')).to_have_count(1)
    if ARABIC_CATALOGUE.is_dir():
        with translation.override("ar"):
            label = translation.gettext("Contact")
        assert label != "Contact", "the Arabic catalogue has no 'Contact'"
        expect(page.locator("main")).to_contain_text(label)
