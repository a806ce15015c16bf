"""The deployment check that warns about a per-process cache behind several workers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.test import override_settings

from wagtail_integration.checks import check_shared_cache

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DUMMY = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
# Building the backend does not connect, so no Redis server is needed here.
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}
PREVIEW = {"HEADLESS_PREVIEW_URL": "https://frontend.example/preview"}


def ids(messages) -> list[str]:
    return [message.id for message in messages]


def test_is_a_deployment_check():
    assert check_shared_cache in checks.registry.registry.get_checks(include_deployment_checks=True)
    assert check_shared_cache not in checks.registry.registry.get_checks()


@override_settings(CACHES=LOCMEM, DEBUG=False, WAGTAIL_INTEGRATION={})
def test_api_cache_in_local_memory_warns():
    messages = check_shared_cache(None)
    assert ids(messages) == ["wagtail_integration.W020"]
    assert "process-local" in messages[0].msg


@override_settings(CACHES=LOCMEM, DEBUG=False, WAGTAIL_INTEGRATION=PREVIEW)
def test_headless_preview_in_local_memory_warns():
    assert ids(check_shared_cache(None)) == [
        "wagtail_integration.W020",
        "wagtail_integration.W021",
    ]


@override_settings(CACHES=DUMMY, DEBUG=False, WAGTAIL_INTEGRATION=PREVIEW)
def test_headless_preview_with_dummy_cache_warns():
    # A dummy cache forgets every token at once: no preview can ever load.
    assert "wagtail_integration.W021" in ids(check_shared_cache(None))


@override_settings(CACHES=REDIS, DEBUG=False, WAGTAIL_INTEGRATION=PREVIEW)
def test_shared_cache_passes():
    assert check_shared_cache(None) == []


@override_settings(CACHES=LOCMEM, DEBUG=False, WAGTAIL_INTEGRATION={"API_CACHE_TIMEOUT": 0})
def test_api_cache_off_passes():
    assert check_shared_cache(None) == []


@override_settings(CACHES=LOCMEM, DEBUG=True, WAGTAIL_INTEGRATION=PREVIEW)
def test_debug_runserver_passes():
    assert check_shared_cache(None) == []


EXAMPLE_DIR = Path(__file__).resolve().parent.parent / "example_site"
SHOW_CACHE = (
    "from django.conf import settings; c = settings.CACHES['default']; "
    "print(c['BACKEND'], c['LOCATION'])"
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [(None, "redis://127.0.0.1:6379/0"), ("redis://cache.internal:6380/2", None)],
)
def test_production_settings_use_redis(tmp_path, url, expected):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="example_site.settings.production",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="integration.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    )
    if url:
        env["DJANGO_REDIS_URL"] = url
    result = subprocess.run(  # noqa: S603  (fixed command, no shell)
        [sys.executable, "manage.py", "shell", "-c", SHOW_CACHE],
        cwd=EXAMPLE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "django.core.cache.backends.redis.RedisCache",
        expected or url,
    ]
