"""System checks of wagtail_integration."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core import checks
from django.test import override_settings

from wagtail_integration.checks import check_i18n, check_installed_apps, check_urls


def ids(messages) -> list[str]:
    return [message.id for message in messages]


def test_test_settings_pass_every_check():
    messages = checks.run_checks(include_deployment_checks=False)
    ours = [m for m in messages if (m.id or "").startswith("wagtail_integration.")]
    assert ours == []


def test_check_functions_are_registered():
    registered = checks.registry.registry.get_checks()
    assert {check_installed_apps, check_i18n, check_urls} <= set(registered)


def test_test_settings_pass_each_check_function():
    assert check_installed_apps(None) == []
    assert check_i18n(None) == []
    assert check_urls(None) == []


@pytest.mark.parametrize(
    ("missing_app", "error_id"),
    [
        ("wagtail_localize", "wagtail_integration.E001"),
        ("wagtail_localize.locales", "wagtail_integration.E002"),
        ("rest_framework", "wagtail_integration.E003"),
        ("wagtail.api.v2", "wagtail_integration.E004"),
    ],
)
def test_missing_app_is_an_error(monkeypatch, missing_app, error_id):
    is_installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name != missing_app and is_installed(name)
    )
    messages = check_installed_apps(None)
    assert ids(messages) == [error_id]
    assert messages[0].level == checks.ERROR
    assert missing_app in messages[0].msg


def test_wagtail_locales_next_to_wagtail_localize_locales_is_an_error(monkeypatch):
    is_installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name == "wagtail.locales" or is_installed(name)
    )
    assert ids(check_installed_apps(None)) == ["wagtail_integration.E005"]


@override_settings(WAGTAIL_I18N_ENABLED=False)
def test_i18n_disabled_is_an_error():
    messages = check_i18n(None)
    assert ids(messages) == ["wagtail_integration.E006"]
    assert messages[0].level == checks.ERROR


@override_settings(WAGTAIL_INTEGRATION="x")
def test_settings_not_a_dict_is_an_error():
    assert ids(check_i18n(None)) == ["wagtail_integration.E007"]


@override_settings(WAGTAIL_INTEGRATION={"TYPO": 1, "PAGE_SIZE": 5})
def test_unknown_setting_key_is_a_warning():
    messages = check_i18n(None)
    assert ids(messages) == ["wagtail_integration.W001"]
    assert messages[0].level == checks.WARNING
    assert "TYPO" in messages[0].msg
    assert "PAGE_SIZE" not in messages[0].msg


@override_settings(WAGTAIL_INTEGRATION={}, ROOT_URLCONF="wagtail.urls")
def test_urls_not_included_is_a_warning():
    assert ids(check_urls(None)) == ["wagtail_integration.W002"]


@override_settings(WAGTAIL_INTEGRATION={"API_V2_ENABLED": False}, ROOT_URLCONF="wagtail.urls")
def test_urls_check_is_silent_without_api_v2():
    assert check_urls(None) == []
