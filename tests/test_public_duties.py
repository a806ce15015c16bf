"""Accessibility statement (with its feedback form), Impressum and the package footer."""

from __future__ import annotations

import datetime
import time

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from wagtail_integration.duties.feedback import TOKEN_SALT
from wagtail_integration.models import AccessibilityFeedback, AccessibilityStatementPage

from . import factories as f

pytestmark = pytest.mark.django_db

requires_api_v3 = pytest.mark.skipif(
    not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
)


def aged_token(seconds: float = 10) -> str:
    """The form's token as if it had been shown ``seconds`` ago."""
    return signing.dumps(time.time() - seconds, salt=TOKEN_SALT)


def feedback_data(**overrides) -> dict:
    data = {
        "name": "Emine Kaya",
        "email": "emine.kaya@example.org",
        "content_url": "https://www.example.org/formulare/",
        "message": "Das Anmeldeformular lässt sich mit der Tastatur nicht absenden.",
        "homepage": "",
        "token": aged_token(),
    }
    data.update(overrides)
    return data


def form_errors(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.select_one(".wi-feedback-form .wi-form-error")
    return box.get_text(" ", strip=True) if box else ""


# --- Statement page --------------------------------------------------------------------


def test_statement_shows_every_part_of_the_model_statement(client):
    page = f.AccessibilityStatementPageFactory(enforcement_email="ombudsstelle@example.org")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "teilweise vereinbar" in text or "partially compliant" in text
    assert "Ältere PDF-Formulare haben keine Tags." in text
    assert "als Word-Datei" in text  # the alternative
    assert soup.select_one('time[datetime="2026-09-01"]') is not None
    assert soup.select_one('time[datetime="2026-11-02"]') is not None
    assert "Ombudsstelle für barrierefreie Informationstechnik" in text
    assert soup.select_one('a[href="mailto:ombudsstelle@example.org"]') is not None
    form = soup.select_one("form.wi-feedback-form")
    assert form is not None and form.select_one('input[name="csrfmiddlewaretoken"]')
    # Every visible control has a label; the honeypot is hidden from assistive technology.
    for control in form.select("input:not([type=hidden]), textarea"):
        assert form.select_one(f'label[for="{control["id"]}"]'), control
    assert form.select_one("#id_homepage").find_parent(attrs={"aria-hidden": "true"})


def test_federal_conciliation_body_comes_with_its_contact(client):
    page = f.AccessibilityStatementPageFactory(enforcement_body="federal")
    text = BeautifulSoup(client.get(page.url).content, "html.parser").get_text(" ")
    assert "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz" in text
    assert "Mauerstraße 53" in text and "info@schlichtungsstelle-bgg.de" in text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"non_accessible_content": []}, "non_accessible_content"),
        ({"last_reviewed_on": datetime.date(2026, 1, 1)}, "last_reviewed_on"),
        ({"enforcement_body": "other"}, "enforcement_name"),
        ({"enforcement_body": "other", "enforcement_name": "Stelle"}, "enforcement_address"),
        ({"method_note": "Prüfung\r\nBcc: x@example.org"}, "method_note"),
    ],
)
def test_statement_refuses_incomplete_data(changes, field):
    page = f.AccessibilityStatementPageFactory()
    for name, value in changes.items():
        setattr(page, name, value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert field in error.value.message_dict


def test_fully_compliant_statement_needs_no_list():
    page = f.AccessibilityStatementPageFactory(conformance_status="full", non_accessible_content=[])
    page.full_clean()


# --- Feedback form ---------------------------------------------------------------------


def test_feedback_is_stored_and_mailed(client):
    page = f.AccessibilityStatementPageFactory()
    response = client.post(page.url, feedback_data())
    assert response.status_code == 302
    assert response["Location"].endswith("?feedback=sent#feedback")
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.page_id == page.pk and feedback.mailed
    assert feedback.message.startswith("Das Anmeldeformular")
    assert feedback.content_url == "https://www.example.org/formulare/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["barrierefreiheit@example.org"]
    assert message.reply_to == ["emine.kaya@example.org"]
    assert "Das Anmeldeformular" in message.body
    thanks = client.get(response["Location"])
    status = BeautifulSoup(thanks.content, "html.parser").select_one('[role="status"]')
    assert status is not None


def test_configured_address_receives_feedback(client, settings):
    settings.WAGTAIL_INTEGRATION = {"ACCESSIBILITY_FEEDBACK_EMAIL": "zentrale@example.org"}
    page = f.AccessibilityStatementPageFactory()
    client.post(page.url, feedback_data(email=""))
    assert mail.outbox[0].to == ["zentrale@example.org"]
    assert mail.outbox[0].reply_to == []


def test_feedback_without_any_address_is_stored_only(client):
    page = f.AccessibilityStatementPageFactory(feedback_email="")
    assert client.post(page.url, feedback_data()).status_code == 302
    assert AccessibilityFeedback.objects.get().mailed is False
    assert mail.outbox == []


def test_honeypot_holds_spam_back(client):
    page = f.AccessibilityStatementPageFactory()
    response = client.post(page.url, feedback_data(homepage="https://spam.example/"))
    assert response.status_code == 302  # the bot learns nothing
    assert not AccessibilityFeedback.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(lambda: signing.dumps(time.time(), salt=TOKEN_SALT), id="too-fast"),
        pytest.param(lambda: "", id="missing"),
        pytest.param(lambda: "1700000000.0:forged", id="forged"),
        pytest.param(lambda: aged_token(2 * 24 * 60 * 60), id="two-days-old"),
        pytest.param(lambda: signing.dumps("jetzt", salt=TOKEN_SALT), id="not-a-time"),
        pytest.param(lambda: signing.dumps(time.time() - 10, salt="other"), id="other-salt"),
    ],
)
def test_bad_token_is_a_form_error_and_the_form_can_be_sent_again(client, token):
    page = f.AccessibilityStatementPageFactory()
    response = client.post(page.url, feedback_data(token=token()))
    assert response.status_code == 200
    assert "send it again" in form_errors(response) or "erneut" in form_errors(response)
    assert not AccessibilityFeedback.objects.exists()
    soup = BeautifulSoup(response.content, "html.parser")
    fresh = soup.select_one('input[name="token"]')["value"]
    assert signing.loads(fresh, salt=TOKEN_SALT) > time.time() - 60
    # What the person typed is kept.
    assert "Anmeldeformular" in soup.select_one("#id_message").get_text()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("message", ""),
        ("message", "kurz"),
        ("message", "x" * 5001),
        ("message", "Text mit NUL \x00 darin, lang genug"),
        ("message", "Text mit Steuerzeichen \x1b[31m, lang genug"),
        ("name", "Emine\r\nBcc: alle@example.org"),
        ("name", "n" * 201),
        ("email", "emine@example.org\nBcc: alle@example.org"),
        ("email", "keine-adresse"),
        ("content_url", "javascript:alert(1)"),
        ("content_url", "ftp://example.org/datei"),
        ("content_url", "https://example.org/\x00"),
    ],
)
def test_hostile_feedback_input_is_a_form_error(client, field, value):
    page = f.AccessibilityStatementPageFactory()
    response = client.post(page.url, feedback_data(**{field: value}))
    assert response.status_code == 200
    assert form_errors(response), (field, value)
    assert not AccessibilityFeedback.objects.exists()
    assert mail.outbox == []
    soup = BeautifulSoup(response.content, "html.parser")
    control = soup.select_one(f"#id_{field}")
    assert control.get("aria-invalid") == "true"
    assert f"id_{field}_error" in control.get("aria-describedby", "")


def test_markup_in_feedback_is_text_in_the_admin(client, admin_en_client):
    page = f.AccessibilityStatementPageFactory()
    client.post(page.url, feedback_data(message="<script>alert('x')</script> funktioniert nicht"))
    feedback = AccessibilityFeedback.objects.get()
    listing = admin_en_client.get("/admin/accessibility_feedback/")
    assert listing.status_code == 200
    inspect = admin_en_client.get(f"/admin/accessibility_feedback/inspect/{feedback.pk}/")
    assert inspect.status_code == 200
    for response in (listing, inspect):
        assert b"<script>alert" not in response.content
        assert b"&lt;script&gt;alert" in response.content


def test_feedback_admin_is_read_only(admin_en_client):
    feedback = AccessibilityFeedback.objects.create(message="Kontrast der Buttons zu schwach.")
    assert admin_en_client.get("/admin/accessibility_feedback/add/").status_code in (302, 403, 404)
    edit = admin_en_client.get(f"/admin/accessibility_feedback/edit/{feedback.pk}/")
    assert edit.status_code in (302, 403, 404)
    post = admin_en_client.post(
        f"/admin/accessibility_feedback/edit/{feedback.pk}/", {"message": "geändert"}
    )
    assert post.status_code in (302, 403, 404)
    feedback.refresh_from_db()
    assert feedback.message == "Kontrast der Buttons zu schwach."
    delete = admin_en_client.post(f"/admin/accessibility_feedback/delete/{feedback.pk}/")
    assert delete.status_code == 302
    assert not AccessibilityFeedback.objects.exists()


def test_feedback_admin_needs_a_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    feedback = AccessibilityFeedback.objects.create(message="Untertitel fehlen im Video.")
    editor = django_user_model.objects.create_user(username="redakteur", password=None)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(f"/admin/accessibility_feedback/inspect/{feedback.pk}/").status_code in (
        302,
        403,
    )
    editor.user_permissions.add(Permission.objects.get(codename="view_accessibilityfeedback"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    response = client.get(f"/admin/accessibility_feedback/inspect/{feedback.pk}/")
    assert response.status_code == 200 and b"Untertitel fehlen" in response.content


# --- Impressum -------------------------------------------------------------------------


def test_impressum_shows_the_structured_fields(client):
    page = f.ImpressumPageFactory(
        legal_form="Körperschaft des öffentlichen Rechts",
        phone="02551 69-0",
        supervisory_authority="Bezirksregierung Musterstadt",
        vat_id="DE123456789",
    )
    text = BeautifulSoup(client.get(page.url).content, "html.parser").get_text(" ", strip=True)
    for fact in (
        "Kreis Musterland",
        "Körperschaft des öffentlichen Rechts",
        "Der Landrat",
        "Kreishausstraße 1",
        "48000 Musterstadt",
        "info@example.org",
        "02551 69-0",
        "Bezirksregierung Musterstadt",
        "DE123456789",
        "Pressestelle Kreis Musterland",
        "§ 18 Abs. 2 MStV",  # the German citation of § 18 (2) MStV
    ):
        assert fact in text, fact


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("vat_id", "DE12345"),
        ("vat_id", "AT123456789"),
        ("represented_by", "Der Landrat\nBcc: x"),
        ("phone", "0800 CALL ME"),
        ("postcode", "<b>"),
    ],
)
def test_impressum_refuses_bad_values(field, value):
    page = f.ImpressumPageFactory()
    setattr(page, field, value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert field in error.value.message_dict


# --- API -------------------------------------------------------------------------------


def test_api_v2_types_the_statement(client):
    page = f.AccessibilityStatementPageFactory(enforcement_body="federal")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["conformance_status"] == "partial"
    assert data["prepared_on"] == "2026-09-01"
    item = data["non_accessible_content"][0]
    assert item["reason"] == "disproportionate_burden" and item["reason_label"]
    assert item["alternative"].startswith("Wir senden")
    assert data["enforcement"]["email"] == "info@schlichtungsstelle-bgg.de"
    for field in AccessibilityStatementPage.api_fields:
        assert field.name in data


def test_api_v2_impressum(client):
    page = f.ImpressumPageFactory()
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["provider_name"] == "Kreis Musterland"
    assert data["editor_name"] == "Pressestelle Kreis Musterland"


@requires_api_v3
def test_api_v3_types_the_statement_and_the_impressum(client):
    statement = f.AccessibilityStatementPageFactory()
    impressum = f.ImpressumPageFactory()
    schema = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    assert "AccessibilityStatementPageSchema" in schema and "ImpressumPageSchema" in schema
    assert "NonAccessibleItemOut" in schema and "EnforcementOut" in schema
    assert set(schema["NonAccessibleItemOut"]["properties"]) >= {"reason", "alternative"}
    data = client.get(f"/api/v3/pages/{statement.pk}/").json()
    assert data["non_accessible_content"][0]["reason"] == "disproportionate_burden"
    assert data["enforcement"]["body"] == "nw"
    data = client.get(f"/api/v3/pages/{impressum.pk}/").json()
    assert data["represented_by"] == "Der Landrat"


# --- Footer ----------------------------------------------------------------------------


def footer_links(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    nav = soup.select_one("footer .wi-footer-links")
    return {a.get_text(strip=True): a["href"] for a in nav.select("a")} if nav else {}


def test_footer_links_statement_impressum_and_privacy(client, settings):
    settings.WAGTAIL_INTEGRATION = {"PRIVACY_URL": "https://www.example.org/datenschutz/"}
    statement = f.AccessibilityStatementPageFactory()
    impressum = f.ImpressumPageFactory()
    project = f.ProjectPageFactory()
    links = footer_links(client.get(project.url))
    assert links["Impressum"] == impressum.url
    assert links["Erklärung zur Barrierefreiheit"] == statement.url
    assert list(links.values()) == [
        impressum.url,
        "https://www.example.org/datenschutz/",
        statement.url,
    ]


def test_footer_links_the_translation_and_falls_back_to_the_site_language(
    client, root_page, locale_en
):
    statement = f.AccessibilityStatementPageFactory()
    impressum = f.ImpressumPageFactory()
    root_en = root_page.copy_for_translation(locale_en)
    root_en.save_revision().publish()
    statement_en = statement.copy_for_translation(locale_en)
    statement_en.title = "Accessibility statement"
    statement_en.save_revision().publish()
    project = f.ProjectPageFactory()
    projects_en = project.get_parent().copy_for_translation(locale_en)
    projects_en.save_revision().publish()
    project_en = project.copy_for_translation(locale_en)
    project_en.save_revision().publish()
    links = footer_links(client.get(project_en.url))
    assert links["Accessibility statement"] == statement_en.url
    assert links["Impressum"] == impressum.url  # no English one: the German is linked
    soup = BeautifulSoup(client.get(project_en.url).content, "html.parser")
    impressum_link = soup.select_one('footer a[hreflang="de"]')
    assert impressum_link is not None and impressum_link["lang"] == "de"


def test_footer_skips_drafts_and_private_pages(client):
    draft = f.AccessibilityStatementPageFactory(live=False)
    impressum = f.ImpressumPageFactory()
    PageViewRestriction.objects.create(page=impressum, restriction_type="login")
    project = f.ProjectPageFactory()
    assert footer_links(client.get(project.url)) == {}
    draft.save_revision().publish()
    assert list(footer_links(client.get(project.url))) == ["Erklärung zur Barrierefreiheit"]


def test_footer_costs_at_most_three_queries(rf, root_page):
    from django.template import Context, Template
    from django.utils import translation

    f.AccessibilityStatementPageFactory()
    f.ImpressumPageFactory()
    for n in range(5):  # more pages of other types do not cost more
        f.ProjectPageFactory(title=f"Projekt {n}")
    request = rf.get("/")
    template = Template("{% load wagtail_integration_duties %}{% legal_links %}")
    from wagtail.models import Site

    # The site and its root paths are looked up (and cached) by the base template already.
    Site.find_for_request(request)
    root_page.get_url(request)
    translation.activate("de")
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"request": request}))
    assert "Impressum" in html and "Barrierefreiheit" in html
    assert len(queries) <= 3, "\n".join(q["sql"][:150] for q in queries)
    with CaptureQueriesContext(connection) as queries:
        template.render(Context({"request": request}))
    assert len(queries) == 0  # remembered for the request


def test_translations_of_statement_and_impressum(root_page, locale_en, superuser):
    from wagtail_localize.operations import TranslationCreator

    statement = f.AccessibilityStatementPageFactory()
    impressum = f.ImpressumPageFactory()
    creator = TranslationCreator(superuser, [locale_en])
    creator.create_translations(root_page)
    for page in (statement, impressum):
        creator.create_translations(page)
        translation = page.get_translation(locale_en)
        assert translation.specific.title == page.title
    statement_en = statement.get_translation(locale_en).specific
    assert statement_en.prepared_on == statement.prepared_on  # synchronised data
    assert statement_en.enforcement_body == "nw"


# --- Leichte Sprache and sign language -------------------------------------------------


def test_header_links_leichte_sprache_and_sign_language(client):
    easy_read = f.full_easy_read_page()
    project = f.ProjectPageFactory()
    soup = BeautifulSoup(client.get(project.url).content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select("header .wi-easy-read-links a")}
    assert links == {
        "Leichte Sprache": f"{easy_read.url}#leichte-sprache",
        "Gebärdensprache": f"{easy_read.url}#gebaerdensprache",
    }
    page = BeautifulSoup(client.get(easy_read.url).content, "html.parser")
    track = page.select_one("video track")
    assert track["kind"] == "captions" and track["src"] == easy_read.sign_language_captions.url
    assert page.select_one("#leichte-sprache") and page.select_one("#gebaerdensprache")


def test_header_links_only_the_text_without_a_video(client):
    f.EasyReadPageFactory()
    soup = BeautifulSoup(client.get(f.ProjectPageFactory().url).content, "html.parser")
    assert [a.get_text() for a in soup.select("header .wi-easy-read-links a")] == [
        "Leichte Sprache"
    ]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sign_language_captions": None}, "sign_language_captions"),
        ({"sign_language_transcript": ""}, "sign_language_transcript"),
        ({"sign_language_video": "captions"}, "sign_language_video"),
        ({"sign_language_captions": "video"}, "sign_language_captions"),
    ],
)
def test_sign_language_video_needs_captions_and_a_transcript(changes, field):
    page = f.full_easy_read_page()
    files = {"video": page.sign_language_video, "captions": page.sign_language_captions}
    for name, value in changes.items():
        setattr(page, name, files.get(value, value) if isinstance(value, str) else value)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert field in error.value.message_dict


def test_api_types_the_sign_language_files(client):
    page = f.full_easy_read_page()
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["sign_language_captions"]["file_extension"] == "vtt"
    assert data["sign_language_video"]["url"].endswith(".mp4")
    if apps.is_installed("wagtail.api.v3"):
        data = client.get(f"/api/v3/pages/{page.pk}/").json()
        assert data["sign_language_captions"]["file_extension"] == "vtt"
        schema = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
        assert "EasyReadPageSchema" in schema
