"""The migrations match the models."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.module_loading import import_string


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


def migration_block_paths() -> set[str]:
    """The package's block classes the committed migrations name by dotted path."""
    folder = Path(__file__).resolve().parent.parent / "wagtail_integration" / "migrations"
    pattern = re.compile(r"[\"'](wagtail_integration\.blocks\.[A-Za-z_.]+)[\"']")
    return {path for file in folder.glob("0*.py") for path in pattern.findall(file.read_text())}


def test_blocks_deconstruct_to_the_paths_the_migrations_name():
    """``blocks`` is a package now: a chooser block still deconstructs to
    ``wagtail_integration.blocks.<Name>``, so new migrations name what the old ones do."""
    paths = migration_block_paths()
    assert paths, "the migrations name no block of the package"
    for path in sorted(paths):
        block = import_string(path)()
        assert block.deconstruct()[0] == path
