"""The migrations match the models."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_missing_migrations():
    try:
        call_command("makemigrations", "wagtail_integration", "--check", "--dry-run", verbosity=1)
    except SystemExit as exc:  # pragma: no cover - only on failure
        pytest.fail(f"wagtail_integration has model changes without a migration ({exc})")


@pytest.mark.django_db
def test_the_test_apps_migrations_are_committed():
    try:
        call_command("makemigrations", "testapp", "--check", "--dry-run", verbosity=1)
    except SystemExit as exc:  # pragma: no cover - only on failure
        pytest.fail(f"tests/testapp has model changes without a migration ({exc})")
