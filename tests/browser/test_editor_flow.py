"""An editor's flow through the Wagtail admin, in a real browser, then the published pages.

The snippets and the image are created in the ORM; choosing them through Wagtail's chooser
modals, filling the forms and publishing happens in the browser. The admin speaks German
(LANGUAGE_CODE "de"), so elements are found by names, ids and attributes, not label text.
"""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core.files.images import ImageFile
from playwright.sync_api import Page, expect
from wagtail.images import get_image_model
from wagtail.models import Site

from wagtail_integration.demo.builder import placeholder_png
from wagtail_integration.models import (
    NetworkPage,
    Organisation,
    Person,
    PressReleaseIndexPage,
    PressReleasePage,
)

pytestmark = [
    pytest.mark.browser,
    # Serialized rollback restores the tree root, default site and locale after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

USERNAME = "redakteurin"
PASSWORD = "browser-test-only"  # noqa: S105

NETWORK_TITLE = "Netzwerk Integration Kreis Borken"
NETWORK_INTRO = "Ein Zusammenschluss von Trägern der Integrationsarbeit im Kreis Borken."
PRESS_INDEX_TITLE = "Pressemitteilungen"
RELEASE_TITLE = "Netzwerk lädt zur Herbstkonferenz ein"
RELEASE_DATE = datetime.date(2026, 10, 15)
IMAGE_CAPTION = "Teilnehmende der Herbstkonferenz"
IMAGE_CREDIT = "Kreis Borken"


@pytest.fixture
def editor_data(django_user_model):
    """The editor account and what the editor chooses: a person, two organisations, an image."""
    user = django_user_model.objects.create_superuser(
        username=USERNAME, email="redakteurin@example.org", password=PASSWORD
    )
    caritas = Organisation.objects.create(
        name="Caritasverband für das Dekanat Borken", kind=Organisation.Kind.WELFARE_PROVIDER
    )
    kreis = Organisation.objects.create(
        name="Kreis Borken", unit="Kommunales Integrationszentrum", kind="public_body"
    )
    speaker = Person.objects.create(
        first_name="Ayşe", last_name="Demir", position="Leiterin", organisation=kreis
    )
    image_model = get_image_model()
    image = image_model(title="Herbstkonferenz 2026")
    png = placeholder_png("Herbstkonferenz 2026", (32, 84, 140), size=(640, 360))
    image.file = ImageFile(io.BytesIO(png), name="herbstkonferenz.png")
    image.save()
    return {"user": user, "organisations": [caritas, kreis], "speaker": speaker, "image": image}


def log_in(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.locator('form[action^="/admin/login/"] button[type="submit"]').click()
    page.wait_for_url(f"{base_url}/admin/")


def start_subpage(page: Page, base_url: str, parent_id: int, model_name: str) -> None:
    """Add a child page the way an editor does: 'add child page', then pick the page type.

    Wagtail skips the choice (redirects to the form) when the parent allows one type only.
    """
    create_path = f"/admin/pages/add/wagtail_integration/{model_name}/{parent_id}/"
    page.goto(f"{base_url}/admin/pages/{parent_id}/add_subpage/")
    if not page.url.endswith(create_path):
        page.locator(f'a[href$="{create_path}"]').click()
        page.wait_for_url(f"**{create_path}")
    expect(page.locator("#id_title")).to_be_visible()


def fill_title(page: Page, title: str) -> None:
    """Type the title and leave the field: Wagtail fills the slug from it on blur."""
    page.fill("#id_title", title)
    page.locator("#id_title").press("Tab")
    expect(page.locator("#id_slug")).not_to_have_value("")


def choose_in_modal(page: Page, chooser_id: str, object_id: int) -> None:
    """Open the chooser widget ``chooser_id`` and pick ``object_id`` in its modal."""
    page.locator(f"#{chooser_id} .unchosen [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.locator(f'a[data-chooser-modal-choice][href$="/chosen/{object_id}/"]').click()
    expect(page.locator(".modal-dialog")).to_have_count(0)
    # The widget's hidden input (id without "-chooser") now holds the chosen object's id.
    input_id = chooser_id.removesuffix("-chooser")
    expect(page.locator(f'input[type="hidden"][id="{input_id}"]')).to_have_value(str(object_id))


def publish(page: Page) -> None:
    """Open the footer's action menu and press 'publish'; fail with Wagtail's errors if any."""
    editor_url = page.url
    footer = page.locator("footer .w-dropdown--dropdown-button")
    footer.locator('[data-w-dropdown-target="toggle"]').click()
    with page.expect_navigation():
        page.locator('button[name="action-publish"]').click()
    # Published: Wagtail redirects to the parent's listing. Rejected: the form comes back.
    if page.url == editor_url:
        errors = page.locator(".messages .error, .error-message").all_inner_texts()
        pytest.fail(f"Wagtail did not publish the page: {errors}")


def test_editor_creates_network_and_press_release(page: Page, live_server, editor_data):
    base_url = live_server.url
    root_id = Site.objects.get(is_default_site=True).root_page_id
    caritas, kreis = editor_data["organisations"]
    speaker = editor_data["speaker"]

    log_in(page, base_url)

    # Network page with two member organisations and a speaker.
    start_subpage(page, base_url, root_id, "networkpage")
    fill_title(page, NETWORK_TITLE)
    page.locator('[data-contentpath="introduction"] [contenteditable="true"]').click()
    page.keyboard.type(NETWORK_INTRO)
    page.fill("#id_region", "Kreis Borken")
    for index, organisation in enumerate((caritas, kreis)):
        page.locator("#id_memberships-ADD").click()
        choose_in_modal(page, f"id_memberships-{index}-organisation-chooser", organisation.pk)
    page.locator("#speakers-root .c-sf-add-button").first.click()
    choose_in_modal(page, "speakers-0-value-person-chooser", speaker.pk)
    page.fill("#speakers-0-value-role", "Sprecherin")
    publish(page)

    network = NetworkPage.objects.get(title=NETWORK_TITLE)
    assert network.live
    assert network.get_parent().pk == root_id
    assert [m.organisation_id for m in network.memberships.all()] == [caritas.pk, kreis.pk]
    assert network.speakers[0].value["person"] == speaker

    # Press release index, then a press release with an image in its media stream.
    start_subpage(page, base_url, root_id, "pressreleaseindexpage")
    fill_title(page, PRESS_INDEX_TITLE)
    publish(page)
    press_index = PressReleaseIndexPage.objects.get(title=PRESS_INDEX_TITLE)

    start_subpage(page, base_url, press_index.pk, "pressreleasepage")
    fill_title(page, RELEASE_TITLE)
    page.fill("#id_release_date", RELEASE_DATE.isoformat())
    page.keyboard.press("Escape")  # close the date picker
    page.fill("#id_lead", "Das Netzwerk Integration lädt zur Herbstkonferenz nach Borken ein.")
    page.locator("#media-root .c-sf-add-button").first.click()
    # The block picker lists "image with credit" and "document"; pick it by its icon.
    page.locator('[role="option"]:has(use[href="#icon-image"])').click()
    choose_in_modal(page, "media-0-value-image-chooser", editor_data["image"].pk)
    page.fill("#media-0-value-caption", IMAGE_CAPTION)
    page.fill("#media-0-value-credit", IMAGE_CREDIT)
    publish(page)

    release = PressReleasePage.objects.get(title=RELEASE_TITLE)
    assert release.live
    assert release.release_date == RELEASE_DATE
    assert release.media[0].value["image"] == editor_data["image"]

    # The published pages, as a visitor sees them.
    page.goto(base_url + network.url)
    expect(page.locator("h1")).to_have_text(NETWORK_TITLE)
    expect(page.locator(".wi-intro")).to_contain_text(NETWORK_INTRO)
    members = page.locator(".wi-members > li")
    expect(members).to_have_count(2)
    expect(members.nth(0)).to_contain_text(caritas.name)
    expect(members.nth(1)).to_contain_text(kreis.name)
    expect(page.locator(".wi-team")).to_contain_text(speaker.full_name)
    expect(page.locator(".wi-team")).to_contain_text("Sprecherin")

    page.goto(base_url + press_index.url)
    expect(page.locator("h1")).to_have_text(PRESS_INDEX_TITLE)
    expect(page.get_by_role("link", name=RELEASE_TITLE)).to_have_attribute("href", release.url)

    page.goto(base_url + release.url)
    expect(page.locator("h1")).to_have_text(RELEASE_TITLE)
    expect(page.locator(f'time[datetime="{RELEASE_DATE.isoformat()}"]')).to_be_visible()
    image = page.locator(".wi-media img")
    expect(image).to_be_visible()
    expect(image).to_have_attribute("src", re.compile(r"^/media/images/"))
    image.scroll_into_view_if_needed()  # the image loads lazily
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    expect(page.locator(".wi-media figcaption")).to_contain_text(IMAGE_CAPTION)
    expect(page.locator(".wi-media figcaption")).to_contain_text(IMAGE_CREDIT)
