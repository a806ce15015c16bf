"""The example site's production settings pass Django's deployment checks.

Each test runs ``manage.py check --deploy`` in a subprocess: the settings module reads the
environment at import time, so it cannot be loaded into the test process itself.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE_DIR = Path(__file__).resolve().parent.parent / "example_site"


def check_deploy(tmp_path: Path, **env: str | None) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WAGTAILADMIN_", "DEEPL_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="example_site.settings.production",
        # check --deploy never connects; a file that does not exist keeps it that way.
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    environment.update(env)
    environment = {key: value for key, value in environment.items() if value is not None}
    return subprocess.run(  # noqa: S603  (fixed command, no shell)
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=EXAMPLE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


SECRETS = {
    "DJANGO_ALLOWED_HOSTS": "integration.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://integration.example.org",
    "WAGTAILADMIN_BASE_URL": "https://integration.example.org",
}


def test_production_settings_pass_check_deploy(tmp_path):
    result = check_deploy(tmp_path, DJANGO_SECRET_KEY=secrets.token_urlsafe(50), **SECRETS)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNINGS" not in output and "ERRORS" not in output, output


def test_check_deploy_is_not_vacuous(tmp_path):
    """Switching off the SSL redirect must make the same command fail (security.W008)."""
    result = check_deploy(
        tmp_path,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_SECURE_SSL_REDIRECT="0",
        **SECRETS,
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY is not set"),
        ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS is not set"),
    ],
)
def test_missing_setting_fails_clearly(tmp_path, missing, message):
    env = {"DJANGO_SECRET_KEY": secrets.token_urlsafe(50), **SECRETS, missing: None}
    result = check_deploy(tmp_path, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr
