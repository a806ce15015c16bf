"""Right-to-left pages keep the order of data written left to right: on an Arabic page the
postcode stays left of the city ("48653 Coesfeld"), as on the letter box."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from wagtail_integration.translation import translate_page_tree

from .. import factories as f

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_postcode_stays_left_of_the_city_on_an_arabic_page(page: Page, live_server):
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    event = f.EventFactory(
        title="Netzwerktreffen", venue="Kreishaus", postcode="48653", city="Coesfeld"
    )
    listing = f.PartnerListingPageFactory(title="Partner", events=[("event", event)])
    translate_page_tree(listing, [arabic])
    # The Arabic translator wrote the venue in Arabic: the line starts right to left.
    event.get_translation(arabic).__class__.objects.filter(
        translation_key=event.translation_key, locale=arabic
    ).update(venue="دار المقاطعة", street="")
    translated = listing.get_translation(arabic)
    page.goto(live_server.url + translated.url)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    place = page.locator(".wi-event__venue .wi-address__place").first
    expect(place).to_be_visible()
    postcode = place.locator(".wi-address__postcode").bounding_box()
    city = place.locator(".wi-address__city").bounding_box()
    assert postcode["x"] + postcode["width"] <= city["x"], (postcode, city)


def test_image_sizes_read_left_to_right_on_an_arabic_page(page: Page, live_server):
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    release = f.full_press_release_page(media=1)
    translate_page_tree(release, [arabic], include_related_objects=False)
    page.goto(live_server.url + release.get_translation(arabic).url)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    meta = page.locator(".wi-download__meta")
    expect(meta.first).to_be_visible()
    # An isolate of its own, left to right: "(2400 × 1600 px, 520,1 KB)" keeps its order.
    style = meta.evaluate_all(
        "els => els.map(el => [getComputedStyle(el).direction, getComputedStyle(el).unicodeBidi])"
    )
    assert style and all(item == ["ltr", "isolate"] for item in style), style
