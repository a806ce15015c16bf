"""System checks of wagtail_integration."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core import checks
from django.test import override_settings

from wagtail_integration.checks import (
    check_i18n,
    check_installed_apps,
    check_language_setup,
    check_url_layout,
    check_urls,
)


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


# --- The install guide's steps, each left out once in a test host --------------------------

STEPS = "tests.install_steps."


def layout_ids() -> list[str]:
    return ids(check_url_layout(None))


def test_full_install_passes_the_layout_and_language_checks():
    assert check_url_layout(None) == []
    assert check_language_setup(None) == []


@override_settings(ROOT_URLCONF=STEPS + "after_catch_all")
def test_package_urls_after_the_catch_all_are_a_warning():
    messages = check_url_layout(None)
    assert ids(messages) == ["wagtail_integration.W003"]
    assert messages[0].level == checks.WARNING
    assert "catch-all" in messages[0].msg


@override_settings(ROOT_URLCONF=STEPS + "without_i18n_patterns")
def test_pages_outside_i18n_patterns_are_a_warning():
    messages = check_url_layout(None)
    assert ids(messages) == ["wagtail_integration.W004"]
    assert "i18n_patterns" in messages[0].msg


@override_settings(ROOT_URLCONF=STEPS + "without_package_urls")
def test_missing_include_names_the_calendar_and_vcard_links():
    messages = check_urls(None)
    assert ids(messages) == ["wagtail_integration.W002"]
    assert ".ics" in messages[0].msg and ".vcf" in messages[0].msg
    assert layout_ids() == []  # W002 says it already


@override_settings(
    ROOT_URLCONF=STEPS + "without_package_urls", WAGTAIL_INTEGRATION={"API_V2_ENABLED": False}
)
def test_missing_include_without_the_api_still_warns_of_calendar_and_vcard_links():
    assert check_urls(None) == []
    messages = check_url_layout(None)
    assert ids(messages) == ["wagtail_integration.W007"]
    assert ".ics" in messages[0].msg and ".vcf" in messages[0].msg


def test_missing_locale_middleware_is_a_warning(settings):
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "django.middleware.locale.LocaleMiddleware"
    ]
    messages = check_language_setup(None)
    assert ids(messages) == ["wagtail_integration.W005"]
    assert "LocaleMiddleware" in messages[0].msg


@override_settings(LANGUAGE_CODE="en-us")
def test_language_code_of_wagtail_start_is_a_warning():
    messages = check_language_setup(None)
    assert ids(messages) == ["wagtail_integration.W006"]
    assert "'en-us'" in messages[0].msg and '"de"' in messages[0].hint


@pytest.mark.parametrize(
    ("urlconf", "check_id"),
    [
        ("after_catch_all", "wagtail_integration.W003"),
        ("without_i18n_patterns", "wagtail_integration.W004"),
        ("without_package_urls", "wagtail_integration.W002"),
    ],
)
def test_manage_py_check_reports_each_left_out_url_step(settings, urlconf, check_id):
    settings.ROOT_URLCONF = STEPS + urlconf
    found = ids(checks.run_checks(include_deployment_checks=False))
    assert check_id in found


def test_install_step_checks_are_registered():
    registered = set(checks.registry.registry.get_checks())
    assert {check_url_layout, check_language_setup} <= registered


def test_every_check_id_names_one_check():
    """Two checks with one id would send an installer to the wrong fix in docs/install.md."""
    import re
    from collections import Counter
    from pathlib import Path

    import wagtail_integration

    ids = Counter(
        match
        for path in Path(wagtail_integration.__file__).parent.rglob("*.py")
        for match in re.findall(r'id="(wagtail_integration\.[EW]\d{3})"', path.read_text())
    )
    assert ids, "no check ids found"
    assert [check for check, count in ids.items() if count > 1] == []
