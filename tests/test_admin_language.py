"""The admin speaks German: labels from the package's catalogue for a German admin user."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from wagtail_integration.models import NetworkPage, Organisation

# msgid → German msgstr from wagtail_integration/locale/de/LC_MESSAGES/django.po
NETWORK_LABELS = {
    "founded in": "gegründet",
    "way of working": "Arbeitsweise",
    "meeting rhythm": "Treffenrhythmus",
    "Member organisations": "Mitgliedsorganisationen",
    "Working groups": "Arbeitskreise",
    "speaker team": "Sprecherteam",
}
ORGANISATION_LABELS = {
    "short name": "Kurzname",
    "municipality": "Kommune",
    "topics": "Themen",
    "Public body": "Öffentliche Stelle",
}


def admin_client(client, user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def german_labels_in(html: str, labels: dict[str, str]) -> list[str]:
    """The German labels in the visible text, compared case-insensitively (Django capitalises
    field labels). Element ids are left out: Wagtail derives them from the panel headings in
    the language of the first request and caches them for all users."""
    text = BeautifulSoup(html, "html.parser").get_text(" ").casefold()
    return [msgstr for msgstr in labels.values() if msgstr.casefold() in text]


@pytest.mark.parametrize(
    ("language", "expect_german"), [("de", True), ("en", False)], ids=["de", "en"]
)
def test_network_page_add_form_labels(client, superuser, root_page, language, expect_german):
    client = admin_client(client, superuser, language)
    url = reverse(
        "wagtailadmin_pages:add",
        args=[NetworkPage._meta.app_label, NetworkPage._meta.model_name, root_page.pk],
    )
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    german = german_labels_in(html, NETWORK_LABELS)
    if expect_german:
        assert german == list(NETWORK_LABELS.values())
        assert 'lang="de"' in html
    else:
        assert german == []
        assert "Way of working" in html


def test_organisation_snippet_form_labels_in_german(client, superuser, locale_de):
    client = admin_client(client, superuser, "de")
    url = reverse(
        f"wagtailsnippets_{Organisation._meta.app_label}_{Organisation._meta.model_name}:add"
    )
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert german_labels_in(html, ORGANISATION_LABELS) == list(ORGANISATION_LABELS.values())
