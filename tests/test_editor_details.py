"""Editor details: page-type descriptions, the document credit label, German slugs."""

from __future__ import annotations

import importlib

import pytest
from django.utils import translation
from wagtail.models import Page, get_page_models

from wagtail_integration.blocks import DocumentItemBlock

PACKAGE_PAGE_TYPES = [
    model for model in get_page_models() if model._meta.app_label == "wagtail_integration"
]


@pytest.mark.parametrize("model", PACKAGE_PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_describes_itself_in_german_and_english(model):
    with translation.override("en"):
        english = str(model.get_page_description())
    with translation.override("de"):
        german = str(model.get_page_description())
    assert english, f"{model.__name__} has no page_description"
    assert german != english, f"{model.__name__}: page_description not translated: {german}"


def test_the_document_credit_is_not_labelled_as_an_image_credit():
    with translation.override("de"):
        label = str(DocumentItemBlock().child_blocks["credit"].label)
    assert label == "Urheber/Quelle"


def test_generated_slugs_transliterate_umlauts(settings, root_page):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = False
    page = root_page.add_child(instance=Page(title="Übersicht für Zuwanderer"))
    # Wagtail (Django's slugify, the admin's urlify) drops the diaeresis: ü → u, not "%C3%BC".
    assert page.slug == "ubersicht-fur-zuwanderer"
    assert page.url_path.endswith("/ubersicht-fur-zuwanderer/")


def test_the_example_site_turns_unicode_slugs_off():
    base = importlib.import_module("example_site.example_site.settings.base")
    assert base.WAGTAIL_ALLOW_UNICODE_SLUGS is False
