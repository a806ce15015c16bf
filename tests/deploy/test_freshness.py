"""Three gunicorn workers on PostgreSQL and Redis: a change made in another process shows
in every worker's HTML and API answers at once; an unpublished page is gone at once."""

from __future__ import annotations

import secrets
import time
from http.cookiejar import CookieJar
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest

pytestmark = pytest.mark.deployed

PROFILE = """
import json
from wagtail_integration.models import OrganisationProfilePage
page = OrganisationProfilePage.objects.live().exclude(organisation=None).first()
print(json.dumps({"page": page.pk, "path": page.url_path, "url": page.get_url(),
                  "organisation": page.organisation_id, "name": page.organisation.name}))
"""


def set_phone(deployment, organisation_id: int, phone: str) -> None:
    deployment.shell(
        f"""
        from wagtail_integration.models import Organisation
        organisation = Organisation.objects.get(pk={organisation_id})
        organisation.phone = {phone!r}
        organisation.save()
        """
    )


def assert_every_worker_shows(deployment, path: str, marker: str, *, present: bool = True):
    """Every answer, from every worker, made after the change returned shows it."""
    started = time.monotonic()
    answers = deployment.every_worker(path)
    for answer in answers:
        assert answer.status == 200, (path, answer.status)
        shown = marker in answer.body
        assert shown is present, (
            f"worker {answer.pid} answered {path} {'without' if present else 'with'} "
            f"{marker!r} {time.monotonic() - started:.2f} s after the change"
        )
    return answers


@pytest.fixture(scope="module")
def profile(deployment):
    return deployment.shell(PROFILE)


def outputs(profile) -> list[str]:
    return [profile["url"], f"/api/v2/pages/{profile['page']}/"]


def test_three_workers_answer(deployment, profile):
    answers = deployment.every_worker(profile["url"])
    assert len({answer.pid for answer in answers}) == 3


def test_change_in_shell_shows_on_every_worker(deployment, profile):
    old = f"+49 30 {secrets.randbelow(10**6):06d}"
    set_phone(deployment, profile["organisation"], old)
    for path in outputs(profile):  # every worker caches the old value
        assert_every_worker_shows(deployment, path, old)
    new = f"+49 40 {secrets.randbelow(10**6):06d}"
    set_phone(deployment, profile["organisation"], new)
    for path in outputs(profile):
        assert_every_worker_shows(deployment, path, new)
        assert_every_worker_shows(deployment, path, old, present=False)


def test_import_command_shows_on_every_worker(deployment, profile, tmp_path):
    new = f"+49 89 {secrets.randbelow(10**6):06d}"
    csv = tmp_path / "organisations.csv"
    csv.write_text(f"name;phone\n{profile['name']};{new}\n", encoding="utf-8")
    deployment.manage("wagtail_integration_import_organisations", str(csv))
    for path in outputs(profile):
        assert_every_worker_shows(deployment, path, new)


class FormFields:
    """The fields a browser would submit for the first form with a CSRF token."""

    def __init__(self, html: str) -> None:
        from bs4 import BeautifulSoup

        form = next(
            form
            for form in BeautifulSoup(html, "html.parser").find_all("form")
            if form.find("input", attrs={"name": "csrfmiddlewaretoken"})
        )
        self.data: list[tuple[str, str]] = []
        for element in form.find_all(["input", "textarea", "select"]):
            name = element.get("name")
            if not name or element.get("disabled") is not None:
                continue
            if element.name == "textarea":
                self.data.append((name, element.text))
            elif element.name == "select":
                for option in element.find_all("option", selected=True):
                    self.data.append((name, option.get("value", option.text)))
            elif element.get("type") in {"checkbox", "radio"}:
                if element.get("checked") is not None:
                    self.data.append((name, element.get("value", "on")))
            elif element.get("type") not in {"submit", "button", "file", "image"}:
                self.data.append((name, element.get("value", "")))

    def set(self, name: str, value: str) -> None:
        self.data = [(key, value if key == name else old) for key, old in self.data]

    def encoded(self) -> bytes:
        return urlencode(self.data).encode()


def test_admin_edit_through_one_worker_shows_on_every_worker(deployment, profile):
    base = f"http://127.0.0.1:{deployment.gunicorn_port}"
    browser = build_opener(HTTPCookieProcessor(CookieJar()))
    browser.addheaders = [("Host", "localhost")]

    def submit(path: str, fields: FormFields) -> tuple[str, str]:
        """POST the form; the address it ended on (after redirects) and its HTML."""
        referer = {"Referer": base + path}
        request = Request(base + path, data=fields.encoded(), headers=referer)  # noqa: S310
        with browser.open(request, timeout=60) as response:
            return response.geturl(), response.read().decode()

    login = FormFields(browser.open(base + "/admin/login/", timeout=60).read().decode())
    login.set("username", "admin")
    login.set("password", "admin")
    submit("/admin/login/", login)
    edit = f"/admin/snippets/wagtail_integration/organisation/edit/{profile['organisation']}/"
    form = FormFields(browser.open(base + edit, timeout=60).read().decode())
    new = f"+49 221 {secrets.randbelow(10**6):06d}"
    form.set("phone", new)
    ended_on, html = submit(edit, form)
    # Saved: Wagtail redirects to the listing; a form error renders the edit form again.
    assert not ended_on.endswith(edit), html
    for path in outputs(profile):
        assert_every_worker_shows(deployment, path, new)


RELEASE = """
import json
from wagtail_integration.models import PhotoArchivePage, PressReleasePage
from wagtail_integration.models.photos import release_photo_specs
archive = PhotoArchivePage.objects.live().first()
release = next(r for r in PressReleasePage.objects.live().public() if release_photo_specs(r))
print(json.dumps({"archive": archive.pk, "archive_url": archive.get_url(),
                  "release": release.pk, "release_url": release.get_url()}))
"""


def test_unpublished_release_is_gone_at_once_on_every_worker(deployment):
    info = deployment.shell(RELEASE)
    marker = info["release_url"] + '"'
    archive_outputs = [
        info["archive_url"],
        f"/api/v2/pages/{info['archive']}/",
        "/api/v2/pages/?type=wagtail_integration.PhotoArchivePage&fields=photos",
        "/api/v2/pages/?type=wagtail_integration.PressReleasePage&fields=title",
    ]
    for path in archive_outputs:  # every worker has it cached
        assert_every_worker_shows(deployment, path, marker)
    deployment.shell(
        f"""
        from wagtail.models import Page
        Page.objects.get(pk={info["release"]}).specific.unpublish()
        """
    )
    try:
        for path in archive_outputs:
            assert_every_worker_shows(deployment, path, marker, present=False)
        for answer in deployment.every_worker(f"/api/v2/pages/{info['release']}/"):
            assert answer.status == 404, answer.pid
    finally:
        deployment.shell(
            f"""
            from wagtail.models import Page
            Page.objects.get(pk={info["release"]}).specific.get_latest_revision().publish()
            """
        )


def test_headless_preview_token_works_on_every_worker(deployment, profile):
    token = deployment.shell(
        f"""
        import json
        from wagtail.models import Page
        from wagtail_integration.preview import store_preview
        page = Page.objects.get(pk={profile["page"]}).specific
        page.title = "Vorschau-Titel"
        print(json.dumps({{"token": store_preview(page), "type": page._meta.label_lower}}))
        """
    )
    query = urlencode({"content_type": token["type"], "token": token["token"]})
    for answer in deployment.every_worker(f"/api/v2/page_preview/?{query}"):
        assert answer.status == 200, (answer.pid, answer.status)
        assert answer.json()["title"] == "Vorschau-Titel"
