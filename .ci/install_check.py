#!/usr/bin/env python3
"""Install the built wheel into a fresh `wagtail start` site exactly as the README says.

Usage: python3 .ci/install_check.py dist/wagtail_integration-*.whl

Applies the five install-contract steps (pip install, INSTALLED_APPS + i18n settings, URL
include, migrate, demo command), then checks: `manage.py check` has no warnings, the demo
command is idempotent, every demo page serves every fact of its seed (tests/seed_facts.py),
the API answers, the dashboard lists the demo's overdue review date and the review
reminder command runs; then the duty pages created as in an existing host (accessibility
statement with its feedback form, Impressum, Leichte Sprache and sign language, a press
release under embargo) render and are served by API v2. Standard library only; works in a
throwaway directory.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
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

# The duty pages as an installer creates them in an existing host (not through the demo):
# each renders and is in API v2; the embargoed release is hidden until its time; the
# statement's feedback form stores and mails a message.
DUTIES = r"""
import datetime, re, time
from django.core import mail, signing
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Site
from wagtail_integration.duties import feedback
from wagtail_integration.models import (
    AccessibilityFeedback, AccessibilityStatementPage, EasyReadPage, ImpressumPage,
    PressReleaseIndexPage, PressReleasePage,
)

home = Site.objects.get(is_default_site=True).root_page
client = Client()

def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page.__class__.objects.get(pk=page.pk)

def served(page, *texts):
    response = client.get(page.url)
    assert response.status_code == 200, (page.url, response.status_code)
    html = response.content.decode()
    for text in texts:
        assert text in html, (page.url, text)
    detail = client.get(f"/api/v2/pages/{page.pk}/")
    assert detail.status_code == 200, (page.url, detail.status_code)
    assert detail.json()["meta"]["type"] == page._meta.label, detail.json()["meta"]
    print("served", type(page).__name__, page.url, "and /api/v2/pages/%d/" % page.pk)
    return html

def listed(page):
    answer = client.get("/api/v2/pages/", {"type": page._meta.label, "limit": 20})
    assert answer.status_code == 200, answer.status_code
    return page.pk in [item["id"] for item in answer.json()["items"]]

statement = publish(home, AccessibilityStatementPage(
    title="Erklärung zur Barrierefreiheit (Host)", slug="barrierefreiheit-host",
    conformance_status="partial", prepared_on=datetime.date(2026, 9, 1),
    feedback_email="barrierefreiheit@example.org", enforcement_body="nw",
    non_accessible_content=[("item", {
        "content": "Ältere PDF-Formulare sind nicht getaggt.",
        "reason": "disproportionate_burden", "explanation": "",
        "alternative": "Die Formulare gibt es auf Anfrage als Word-Datei.", "planned_fix": "",
    })],
))
impressum = publish(home, ImpressumPage(
    title="Impressum (Host)", slug="impressum-host", provider_name="Kreis Hostland",
    represented_by="Die Landrätin", street="Am Kreishaus 2", postcode="49000",
    city="Hoststadt", email="info@hostland.example", editor_name="Pressestelle Hostland",
    editor_address="Am Kreishaus 2, 49000 Hoststadt",
))
Document = get_document_model()
video = Document.objects.create(
    title="DGS-Video", file=ContentFile(b"\0\0\0\x18ftypmp42", "dgs.mp4")
)
captions = Document.objects.create(
    title="Untertitel", file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo.\n", "dgs.vtt")
)
easy_read = publish(home, EasyReadPage(
    title="Leichte Sprache (Host)", slug="leichte-sprache-host",
    easy_read_text="<p>Hier steht, was es auf dieser Seite gibt.</p>",
    sign_language_video=video, sign_language_captions=captions,
    sign_language_transcript="<p>Hallo. Hier erklären wir die Seite.</p>",
))
press = publish(home, PressReleaseIndexPage(title="Presse (Host)", slug="presse-host"))
release = publish(press, PressReleasePage(
    title="Sperrfrist-Meldung (Host)", slug="sperrfrist-host",
    release_date=datetime.date(2026, 12, 2),
    embargo_until=timezone.now() + datetime.timedelta(hours=2),
))

served(statement, "Ältere PDF-Formulare sind nicht getaggt.", 'name="token"')
served(impressum, "Kreis Hostland", "Die Landrätin")
served(easy_read, "Hier steht, was es auf dieser Seite gibt.", "<video", ".vtt")
served(press)

# Before its time the release is in no HTML and no API answer.
assert client.get(release.url).status_code == 404, "embargoed release served"
assert client.get(f"/api/v2/pages/{release.pk}/").status_code == 404, "embargoed release in v2"
assert not listed(release), "embargoed release in the v2 listing"
assert "Sperrfrist-Meldung" not in client.get(press.url).content.decode()
print("hidden before its embargo:", release.url)
PressReleasePage.objects.filter(pk=release.pk).update(
    embargo_until=timezone.now() - datetime.timedelta(seconds=1)
)
served(release, "Sperrfrist-Meldung (Host)")
assert listed(release), "released page missing from the v2 listing"
print("live after its embargo:", release.url)

with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
    mail.outbox = []
    token = signing.dumps(time.time() - 10, salt=feedback.TOKEN_SALT)  # shown 10 s ago
    response = client.post(statement.url, {
        "name": "Erika Muster", "email": "erika@example.org",
        "content_url": "https://www.example.org/formulare", "homepage": "", "token": token,
        "message": "Das Formular lässt sich mit der Tastatur nicht absenden.",
    })
    assert response.status_code == 302, (response.status_code, response.content[:500])
    stored = AccessibilityFeedback.objects.get(page=statement)
    assert stored.mailed and "Tastatur" in stored.message, stored
    assert [m.to for m in mail.outbox] == [["barrierefreiheit@example.org"]], mail.outbox
    assert "Tastatur" in mail.outbox[0].body
print("feedback stored and mailed:", stored.pk)
print("DUTIES OK")
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
    duties_script = work / "duties.py"
    duties_script.write_text(DUTIES)
    started = time.monotonic()
    run([*manage, "shell", "-c", f"exec(open({str(duties_script)!r}).read())"], cwd=site)
    print(f"duty pages checked in {time.monotonic() - started:.1f} s")
    shutil.rmtree(work)
    print("install check OK")


if __name__ == "__main__":
    main()
