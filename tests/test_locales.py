"""Locales in one step: ``wagtail_integration_locales`` (also run by the demo)."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Locale

from . import factories as f

CONTENT_LANGUAGES = ["de", "en", "tr", "ar", "uk", "de-x-ls"]


def run(*args) -> str:
    out = io.StringIO()
    call_command("wagtail_integration_locales", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def codes() -> list[str]:
    return sorted(Locale.objects.values_list("language_code", flat=True))


def test_creates_every_content_language_once(db):
    assert codes() == ["de"]
    output = run()
    assert codes() == sorted(CONTENT_LANGUAGES)
    assert "Created locales: en, tr, ar, uk, de-x-ls" in output
    assert "Created" not in run()  # idempotent


def test_a_site_first_migrated_with_en_us_is_explained_then_converted(db):
    # As after ``migrate`` with LANGUAGE_CODE = "en-us", then switching to "de".
    Locale.objects.filter(language_code="de").update(language_code="en-us")
    page = f.NetworkPageFactory(title="Netzwerk Integration")
    with pytest.raises(CommandError, match=r"--rename en-us=de"):
        run()
    assert codes() == ["en-us"]  # nothing half done

    run("--rename", "en-us=de")
    assert codes() == sorted(CONTENT_LANGUAGES)
    page.refresh_from_db()
    assert page.locale.language_code == "de"
    html = Client().get(page.url).content.decode()
    assert '<html lang="de"' in html


@pytest.mark.parametrize(
    ("argument", "message"),
    [("en-us", "OLD=NEW"), ("xx=de", "no locale"), ("de=fr", "not in WAGTAIL_CONTENT")],
)
def test_bad_renames_are_refused_clearly(db, argument, message):
    with pytest.raises(CommandError, match=message):
        run("--rename", argument)


def test_the_demo_creates_the_locales(db):
    from .test_demo import run_demo

    run_demo()
    assert codes() == sorted(CONTENT_LANGUAGES)


# -- Machine translation in the example site ---------------------------------------------------


def example_translator(settings_module: str, **env: str) -> str:
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "example_site"
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEEPL_"))}
    environ.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    code = (
        "from django.conf import settings;"
        "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS', '-'))"
    )
    result = subprocess.run(  # noqa: S603  (fixed command, no shell)
        [sys.executable, "-c", code], cwd=root, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_example_site_uses_deepl_when_a_key_is_set():
    deepl = "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    assert example_translator("example_site.settings.dev", DEEPL_API_KEY="k:fx") == deepl
    assert example_translator("example_site.settings.dev") == "-"


def test_the_translation_editor_offers_machine_translation(
    admin_client, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    english = Locale.objects.create(language_code="en")
    page = f.NetworkPageFactory(title="Netzwerk Integration")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"locales": [english.pk]})
    from wagtail_localize.models import Translation

    target = page.get_translation(english)
    record = Translation.objects.get(source__object_id=page.translation_key, target_locale=english)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    button = reverse("wagtail_localize:machine_translate", args=[record.pk])
    assert button in response.content.decode()  # the editor's "Machine translate" action
