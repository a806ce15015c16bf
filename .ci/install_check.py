#!/usr/bin/env python3
"""Install the built wheel into a fresh `wagtail start` site exactly as the README says.

Usage: python3 .ci/install_check.py dist/wagtail_integration-*.whl

Applies the five install-contract steps (pip install, INSTALLED_APPS + i18n settings, URL
include, migrate, demo command), then checks: `manage.py check` has no warnings, the demo
command is idempotent, every demo page serves every fact of its seed (tests/seed_facts.py),
the API answers, the dashboard lists the demo's overdue review date and the review
reminder command runs. Standard library only; works in a throwaway directory.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

APPS = [
    "wagtail_integration",
    "wagtail_localize",
    "wagtail_localize.locales",
    "rest_framework",
    "wagtail.api.v2",
    "wagtail.api.v3",
]

SETTINGS_APPENDIX = """
# wagtail_integration install contract, step 2
WAGTAIL_I18N_ENABLED = True
LANGUAGE_CODE = "de"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
"""

COUNTS = """
from django.apps import apps
from wagtail.models import Page, Revision
from wagtail.images import get_image_model
names = ["Organisation", "Person", "Funding", "Event", "Topic"]
counts = [Page.objects.count(), Revision.objects.count(), get_image_model().objects.count()]
counts += [apps.get_model("wagtail_integration", n).objects.count() for n in names]
print("COUNTS", counts)
"""

SERVE = """
import importlib.util, re, sys
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page
spec = importlib.util.spec_from_file_location("seed_facts", sys.argv[-1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
client = Client()
missing = []
for key, seed in module.SEED_FACTS.items():
    page = Page.objects.get(slug=seed["url_path_slug"]).specific
    response = client.get(page.url)
    assert response.status_code == 200, (key, page.url, response.status_code)
    text = re.sub(r"\\s+", " ", BeautifulSoup(response.content, "html.parser").get_text(" "))
    missing += [(key, fact) for fact in seed["facts"] if fact not in text]
    print("served", key, page.url, len(seed["facts"]), "facts")
for url in ["/api/v2/pages/", "/api/v3/pages/", "/api/v3/openapi.json"]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    print("served", url)
assert not missing, missing
print("SERVE OK")
"""

# Review dates: the demo's overdue organisation shows in an administrator's dashboard panel.
REVIEW_PANEL = """
from django.contrib.auth import get_user_model
from django.test import Client
user = get_user_model().objects.create_superuser("pruefung", "pruefung@example.org", None)
client = Client()
client.force_login(user)
html = client.get("/admin/").content.decode()
assert "wagtail-integration-review-dates" in html, "no review-dates panel on the dashboard"
assert "Integrationsagentur Herne" in html, "the demo's overdue organisation is not listed"
print("REVIEW PANEL OK")
"""


def run(cmd: list[str], cwd: Path, capture: bool = False) -> str:
    print("$", " ".join(cmd), flush=True)
    result = subprocess.run(cmd, cwd=cwd, text=True, capture_output=capture)
    if result.returncode != 0:
        if capture:
            print(result.stdout, result.stderr, sep="\n")
        sys.exit(f"install check FAILED: {' '.join(cmd)} exited {result.returncode}")
    if capture:
        print(result.stdout, end="")
        return result.stdout + result.stderr
    return ""


def apply_settings(path: Path) -> None:
    text = path.read_text()
    text = text.replace('    "wagtail.locales",\n', "")
    apps = "".join(f'    "{app}",\n' for app in APPS)
    text, n = re.subn(r"INSTALLED_APPS = \[\n", "INSTALLED_APPS = [\n" + apps, text, count=1)
    if n != 1:
        sys.exit("install check FAILED: INSTALLED_APPS not found in the generated settings")
    session = '    "django.contrib.sessions.middleware.SessionMiddleware",\n'
    if session not in text:
        sys.exit("install check FAILED: SessionMiddleware not found in the generated settings")
    # install contract step 4: LocaleMiddleware after SessionMiddleware
    text = text.replace(session, session + '    "django.middleware.locale.LocaleMiddleware",\n', 1)
    path.write_text(text + SETTINGS_APPENDIX)


def apply_urls(path: Path) -> None:
    text = path.read_text()
    marker = '    path("", include(wagtail_urls)),'
    if marker not in text:
        sys.exit("install check FAILED: Wagtail's catch-all include not found in urls.py")
    include = '    path("", include("wagtail_integration.urls")),\n'
    # install contract step 5: the package's include first, Wagtail's inside i18n_patterns
    text = text.replace(marker, include, 1)
    text = "from django.conf.urls.i18n import i18n_patterns\n" + text
    text += (
        "\nurlpatterns += i18n_patterns(\n"
        '    path("", include(wagtail_urls)), prefix_default_language=False\n)\n'
    )
    path.write_text(text)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    wheel = Path(sys.argv[1]).resolve()
    work = Path(tempfile.mkdtemp(prefix="wi-install-"))
    venv = work / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=work)
    python = str(venv / "bin" / "python")
    # step 1: pip install the wheel (beautifulsoup4 comes with Wagtail)
    run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)], work)
    run([str(venv / "bin" / "wagtail"), "start", "mysite"], cwd=work)
    site = work / "mysite"
    # steps 2 and 3
    apply_settings(site / "mysite" / "settings" / "base.py")
    apply_urls(site / "mysite" / "urls.py")
    manage = [python, "manage.py"]
    run([*manage, "migrate", "--noinput", "-v", "0"], cwd=site)  # step 4
    check = run([*manage, "check", "--fail-level", "WARNING"], cwd=site, capture=True)
    if "System check identified no issues" not in check:
        sys.exit("install check FAILED: manage.py check reported issues")
    run([*manage, "wagtail_integration_demo"], cwd=site)  # step 5
    first = run([*manage, "shell", "-c", COUNTS], cwd=site, capture=True)
    run([*manage, "wagtail_integration_demo"], cwd=site)
    second = run([*manage, "shell", "-c", COUNTS], cwd=site, capture=True)
    if first.strip() != second.strip():
        sys.exit(f"install check FAILED: second demo run changed data:\n{first}\n{second}")
    serve_script = work / "serve.py"
    serve_script.write_text(SERVE)
    facts = str(REPO / "tests" / "seed_facts.py")
    run(
        [
            *manage,
            "shell",
            "-c",
            f"import sys; sys.argv.append({facts!r}); exec(open({str(serve_script)!r}).read())",
        ],
        cwd=site,
    )
    run([*manage, "shell", "-c", REVIEW_PANEL], cwd=site)
    reminders = run([*manage, "wagtail_integration_review_reminders", "--dry-run"], site, True)
    if "Dry run:" not in reminders:
        sys.exit(f"install check FAILED: review reminders said:\n{reminders}")
    shutil.rmtree(work)
    print("install check OK")


if __name__ == "__main__":
    main()
