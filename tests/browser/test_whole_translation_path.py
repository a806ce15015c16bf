"""The whole translation path in a real browser, as docs/translators.md describes it.

Set-up creates the content locales; an editor submits a network page for translation into
Arabic and English in wagtail-localize's admin, translates its title in each language's
translation editor and publishes the copied home page and then the page, from the top. Then
the editor changes the contact organisation's postcode (a synchronised field) in German, and
the new postcode shows on the German, English and Arabic pages. The Arabic page states
``lang="ar" dir="rtl"``, shows Arabic interface text once an Arabic catalogue ships, and keeps
"48653 Coesfeld" in that order.

The admin speaks German, so elements are found by names, values and roles, not label text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect
from wagtail.models import Locale, Site

import wagtail_integration
from wagtail_integration.locales import set_up_locales
from wagtail_integration.models import NetworkPage, Organisation

from .. import factories as f
from .test_editor_flow import PASSWORD, USERNAME, log_in
from .test_translation_flow import fill_segments_and_publish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.every_database,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Netzwerk Integration Kreis Coesfeld"
TITLES = {"ar": "شبكة الاندماج في دائرة كوسفيلد", "en": "Integration Network Coesfeld District"}
ARABIC_CATALOGUE = Path(wagtail_integration.__file__).parent / "locale" / "ar"


@pytest.fixture
def network(django_user_model):
    set_up_locales()
    django_user_model.objects.create_superuser(
        username=USERNAME, email="redaktion@example.org", password=PASSWORD
    )
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


def translate_and_publish(page: Page, base_url: str, target, texts: dict[str, str]) -> None:
    """In wagtail-localize's editor: fill the given segments, then publish."""
    page.goto(base_url + reverse("wagtailadmin_pages:edit", args=[target.pk]))
    fill_segments_and_publish(page, texts)
    target.refresh_from_db()
    assert target.live, f"{target} ({target.locale}) not published"


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
    log_in(page, base_url)

    # The editor submits the page (and the snippets it uses) for Arabic and English.
    page.goto(base_url + reverse("wagtail_localize:submit_page_translation", args=[source.pk]))
    for locale in locales.values():
        page.locator(f'input[name="locales"][value="{locale.pk}"]').check()
    with page.expect_navigation():
        page.locator('form:has(input[name="locales"]) [type="submit"]').click()
    # With two languages the admin returns to the explorer (docs/translators.md, step 2).
    explorer = reverse("wagtailadmin_explore", args=[source.get_parent().pk])
    assert page.url.endswith(explorer), page.url

    for code, locale in locales.items():
        translated = source.get_translation(locale)
        assert not translated.live, "a new translation starts as a draft"
        # Translators publish from the top: the home page copied for the translation first.
        for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
            translate_and_publish(page, base_url, ancestor, {})
        translate_and_publish(page, base_url, translated, {TITLE: TITLES[code]})

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
