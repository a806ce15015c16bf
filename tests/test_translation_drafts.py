"""Nothing half-translated goes live: “Translate” creates drafts, parents included, and a
language prefix without a translation answers 404 instead of the German page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page

from wagtail_integration.models import PressReleaseIndexPage
from wagtail_integration.translation import page_translations

from . import factories as f
from .outputs.test_sitemaps import sitemap


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def press(db):
    index = f.PressReleaseIndexPageFactory(title="Presse", slug="presse")
    release = f.PressReleasePageFactory(parent=index, title="Neue Beratungsstelle")
    return index, release


def submit(admin_client, page, locale, capture):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    with capture(execute=True):
        response = admin_client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, response.content[:500]
    return page.get_translation(locale).specific


def test_translate_creates_a_draft_and_a_draft_parent(
    admin_client, press, english, django_capture_on_commit_callbacks
):
    index, release = press
    translation = submit(admin_client, release, english, django_capture_on_commit_callbacks)
    assert not translation.live
    # The parent was copied for the translation: a draft translation, not a live alias.
    parent = translation.get_parent().specific
    assert parent.locale == english and parent.translation_key == index.translation_key
    assert not parent.live and parent.alias_of_id is None
    home = parent.get_parent()
    assert home.locale == english and not home.live and home.alias_of_id is None
    # Translators find the copied parents in their editor (they are real translations).
    from wagtail_localize.models import Translation

    assert Translation.objects.filter(
        source__object_id=index.translation_key, target_locale=english
    ).exists()

    # Not advertised anywhere while it is a draft.
    assert [t.language_code for t in page_translations(release)] == ["de"]
    urls = sitemap()
    assert all("/en/" not in location for location in urls)
    assert all("en" not in links for links in urls.values())
    api = Client().get(f"/api/v2/pages/{release.pk}/").json()
    assert api["translations"] == []
    assert Client().get(f"/en{release.url}").status_code == 404


def test_a_published_translation_is_listed(
    admin_client, press, english, django_capture_on_commit_callbacks
):
    index, release = press
    translation = submit(admin_client, release, english, django_capture_on_commit_callbacks)
    # Translators publish from the top: the copied home and press pages, then the release.
    for page in [*translation.get_ancestors().filter(depth__gt=1), translation]:
        with django_capture_on_commit_callbacks(execute=True):
            page.get_latest_revision().publish()
    assert [t.language_code for t in page_translations(release)] == ["de", "en"]
    assert Client().get(Page.objects.get(pk=translation.pk).url).status_code == 200


@pytest.mark.parametrize("suffix", ["", "feed/atom/", "feed/rss/"])
def test_a_language_prefix_without_translation_answers_404(press, english, suffix):
    index, _release = press
    client = Client()
    assert client.get(f"{index.url}{suffix}").status_code == 200
    for code in ("en", "ar", "de-x-ls"):
        Locale.objects.get_or_create(language_code=code)
        response = client.get(f"/{code}{index.url}{suffix}")
        assert response.status_code == 404, (code, suffix)
    # Unknown prefixes are not languages at all: a plain 404 as well.
    assert client.get(f"/xx{index.url}{suffix}").status_code == 404


def test_the_site_root_is_refused_under_a_prefix_too(db, english):
    root = Page.objects.get(depth=2, locale__language_code="de")
    assert Client().get(root.url).status_code == 200
    assert Client().get(f"/en{root.url}").status_code == 404


def test_translate_page_tree_still_publishes_for_code(
    db, superuser, press, english, django_capture_on_commit_callbacks
):
    from wagtail_integration.translation import translate_page_tree

    index, release = press
    with django_capture_on_commit_callbacks(execute=True):
        translate_page_tree(index, [english], user=superuser)
    translated = PressReleaseIndexPage.objects.get(
        translation_key=index.translation_key, locale=english
    )
    assert translated.live and translated.alias_of_id is None
    assert release.get_translation(english).live
    home = translated.get_parent()
    assert home.locale == english and home.live and home.alias_of_id is None
