"""Package settings: ``WAGTAIL_INTEGRATION = {...}``."""

from __future__ import annotations

import pytest
from django.test import override_settings

from wagtail_integration.conf import DEFAULTS, integration_settings


def test_defaults():
    assert integration_settings.BASE_TEMPLATE == "wagtail_integration/base.html"
    for name, value in DEFAULTS.items():
        assert getattr(integration_settings, name) == value


def test_override_settings_changes_a_value_and_restores_it():
    with override_settings(WAGTAIL_INTEGRATION={"BASE_TEMPLATE": "custom.html"}):
        assert integration_settings.BASE_TEMPLATE == "custom.html"
        assert integration_settings.PAGE_SIZE == DEFAULTS["PAGE_SIZE"]
    assert integration_settings.BASE_TEMPLATE == "wagtail_integration/base.html"


@override_settings(WAGTAIL_INTEGRATION=None)
def test_none_means_defaults():
    assert integration_settings.BASE_TEMPLATE == DEFAULTS["BASE_TEMPLATE"]


def test_unknown_attribute_raises_attribute_error():
    with pytest.raises(AttributeError, match="NOT_A_SETTING"):
        integration_settings.NOT_A_SETTING  # noqa: B018
    assert not hasattr(integration_settings, "ALSO_NOT_A_SETTING")


@pytest.mark.django_db
def test_pages_extend_the_configured_base_template(client, settings, tmp_path):
    from . import factories

    (tmp_path / "custom.html").write_text(
        "<!doctype html><title>Eigene Vorlage</title>{% block content %}{% endblock %}"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [str(tmp_path)]},
    ]
    settings.WAGTAIL_INTEGRATION = {"BASE_TEMPLATE": "custom.html"}
    page = factories.NetworkPageFactory(title="Netzwerk mit eigener Vorlage")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Eigene Vorlage" in response.content.decode()
    assert "Netzwerk mit eigener Vorlage" in response.content.decode()
