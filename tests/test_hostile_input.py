"""Hostile input through the real entry points: admin forms, API v3 writes, spreadsheet import.

Every value is either rejected with a message that names the field, or stored as it was sent
and shown as inert text: HTML pages escape it, JSON returns it unchanged (plain text fields are
data; rich text fields are sanitised HTML). Never a server error, never a silent change.
"""

from __future__ import annotations

import io
import json

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from wagtail_integration.models import (
    Event,
    Funding,
    NetworkPage,
    Organisation,
    Person,
    PressReleasePage,
)
from wagtail_integration.organisations_io.importing import apply_import, plan_import

from . import factories as f

pytestmark = pytest.mark.django_db

HAS_V3 = apps.is_installed("wagtail.api.v3")
needs_v3 = pytest.mark.skipif(not HAS_V3, reason="API v3 needs Wagtail 8 or newer")

# Text that must come back as text: (value, its HTML-escaped form).
INERT_TEXT = {
    "script": ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    "img-onerror": ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    "end-script": ("Verein </script><b>fett</b>", "Verein &lt;/script&gt;&lt;b&gt;fett&lt;/b&gt;"),
    "quotes": ("Verein \"A\" & 'B'", "Verein &quot;A&quot; &amp; &#x27;B&#x27;"),
    "bidi-override": ("Verein \u202eevil\u202c e. V.", "Verein \u202eevil\u202c e. V."),
    "emoji": ("Sprachcafé 🌍☕ e. V.", "Sprachcafé 🌍☕ e. V."),
}
BAD_URLS = {
    "javascript": "javascript:alert(1)",
    "javascript-caps": "JaVaScRiPt:alert(1)",
    "data": "data:text/html,<script>alert(1)</script>",
    "vbscript": "vbscript:msgbox(1)",
}
LONG = "Ä" * 10_000
NUL = "Verein\x00Nord"
CRLF_EMAIL = "info@verein.example\r\nBcc: alle@example.org"
CRLF_PHONE = "0591 1234\r\n5678"


def assert_field_error(response, field: str, *fragments: str) -> None:
    """A form shown again with an error on ``field`` (status 200, not a redirect or 500)."""
    assert response.status_code == 200, response.status_code
    errors = response.context["form"].errors
    assert field in errors, dict(errors)
    with translation.override("en"):  # the messages are lazy; the admin user reads English
        text = " ".join(str(message) for message in errors[field])
    for fragment in fragments:
        assert fragment in text, text


# --- Admin: snippets -----------------------------------------------------------------------

ORGANISATION = {
    "name": "Caritasverband Emsland e. V.",
    "short_name": "",
    "kind": "welfare_provider",
    "unit": "",
    "street": "Domhof 2",
    "postcode": "49716",
    "city": "Meppen",
    "municipality": "Meppen",
    "website": "https://caritas.example.org/",
    "email": "info@caritas.example.org",
    "phone": "05931 9844-0",
    "fax": "",
}
PERSON = {
    "academic_title": "",
    "first_name": "Ayşe",
    "last_name": "Demir",
    "position": "Beraterin",
    "email": "demir@example.org",
    "phone": "0591 123",
    "fax": "",
    "building": "",
    "room": "",
    "street": "",
    "postcode": "",
    "city": "",
}
EVENT = {
    "title": "Plenum",
    "kind": "meeting",
    "topic": "",
    "start_date": "2025-06-10",
    "venue": "Kreishaus",
    "street": "",
    "postcode": "",
    "city": "Meppen",
    "registration_url": "",
}
FUNDING = {"name": "LEADER", "funder": "EU", "attribution": "", "url": ""}


def snippet_url(model, view="add", *args) -> str:
    return reverse(
        f"wagtailsnippets_wagtail_integration_{model._meta.model_name}:{view}", args=args
    )


@pytest.mark.parametrize("case", INERT_TEXT, ids=str)
def test_organisation_name_is_stored_and_rendered_as_text(admin_en_client, root_page, case):
    value, escaped = INERT_TEXT[case]
    response = admin_en_client.post(
        snippet_url(Organisation), {**ORGANISATION, "name": value, "unit": value}
    )
    assert response.status_code == 302, response.context["form"].errors
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.unit) == (value, value)  # nothing changed

    network = f.NetworkPageFactory()
    f.NetworkMembershipFactory(page=network, organisation=organisation, note=value)
    html = Client().get(network.url).content.decode()
    assert escaped in html
    if escaped != value:
        assert value not in html

    response = Client().get(f"/api/v2/organisations/{organisation.pk}/")
    assert response["Content-Type"].startswith("application/json")
    assert (response.json()["name"], response.json()["unit"]) == (value, value)  # data, unchanged
    (membership,) = Client().get(f"/api/v2/pages/{network.pk}/").json()["memberships"]
    assert membership["note"] == value and membership["organisation"]["name"] == value


@pytest.mark.parametrize("name", BAD_URLS)
@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (Organisation, ORGANISATION, "website"),
        (Event, EVENT, "registration_url"),
        (Funding, FUNDING, "url"),
    ],
    ids=["organisation", "event", "funding"],
)
def test_script_urls_are_rejected(admin_en_client, model, data, field, name):
    response = admin_en_client.post(snippet_url(model), {**data, field: BAD_URLS[name]})
    assert_field_error(response, field, "Enter a valid URL.")
    assert not model.objects.exists()


@pytest.mark.parametrize(
    ("model", "data"), [(Organisation, ORGANISATION), (Person, PERSON)], ids=["org", "person"]
)
@pytest.mark.parametrize("field", ["email", "phone", "fax"])
def test_line_breaks_in_email_and_phone_are_rejected(admin_en_client, model, data, field):
    value = CRLF_EMAIL if field == "email" else CRLF_PHONE
    response = admin_en_client.post(snippet_url(model), {**data, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not model.objects.exists()


@pytest.mark.parametrize("model", [Organisation, Person], ids=["org", "person"])
@pytest.mark.parametrize("field", ["email", "phone", "fax"])
def test_model_validation_rejects_line_breaks(model, field, locale_de):
    """The same rule without a form (imports, scripts): ``full_clean`` refuses them."""
    from django.core.exceptions import ValidationError

    factory = f.OrganisationFactory if model is Organisation else f.PersonFactory
    obj = factory.build(locale=locale_de)
    for value in (
        "info@verein.example\n" if field == "email" else "0591 1234\n",
        CRLF_EMAIL if field == "email" else CRLF_PHONE,
    ):
        setattr(obj, field, value)
        with pytest.raises(ValidationError) as excinfo:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        assert field in excinfo.value.message_dict


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (Organisation, ORGANISATION, "name"),
        (Person, PERSON, "last_name"),
        (Event, EVENT, "title"),
        (Funding, FUNDING, "name"),
    ],
    ids=["organisation", "person", "event", "funding"],
)
def test_overlong_and_nul_text_are_form_errors(admin_en_client, model, data, field):
    response = admin_en_client.post(snippet_url(model), {**data, field: LONG})
    assert_field_error(response, field, "at most")
    response = admin_en_client.post(snippet_url(model), {**data, field: NUL})
    assert_field_error(response, field, "Null characters are not allowed.")
    assert not model.objects.exists()
    assert admin_en_client.post(snippet_url(model), data).status_code == 302  # the valid twin


def test_nul_in_rich_text_description_is_a_form_error(admin_en_client):
    contentstate = json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "Text\x00mit NUL",
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                }
            ],
            "entityMap": {},
        }
    )
    response = admin_en_client.post(
        snippet_url(Organisation), {**ORGANISATION, "description": contentstate}
    )
    assert response.status_code in (200, 302)
    if response.status_code == 302:  # stored: then without the NUL byte
        assert "\x00" not in Organisation.objects.get().description
    else:
        assert "description" in response.context["form"].errors


def link_contentstate(url: str) -> str:
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "Hier klicken",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 12, "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


@pytest.mark.parametrize("name", BAD_URLS)
def test_script_links_in_rich_text_lose_their_href(admin_en_client, root_page, name):
    url = BAD_URLS[name]
    response = admin_en_client.post(
        snippet_url(Organisation), {**ORGANISATION, "description": link_contentstate(url)}
    )
    assert response.status_code == 302, response.context["form"].errors
    organisation = Organisation.objects.get()
    assert "Hier klicken" in organisation.description  # the text is kept
    scheme = url.split(":")[0].lower() + ":"
    assert scheme not in organisation.description.lower()
    api = Client().get(f"/api/v2/organisations/{organisation.pk}/").json()
    assert scheme not in api["description"].lower()


# --- Admin: pages --------------------------------------------------------------------------


def network_form(**fields) -> dict:
    data = {"title": "Netzwerk", "slug": "netzwerk", "action-publish": "action-publish"}
    for field in NetworkPage._meta.get_fields():
        if isinstance(field, StreamField):
            data[field.name] = streamfield([])
    data["memberships"] = inline_formset([])
    data["working_groups"] = inline_formset([])
    data.update(fields)
    return nested_form_data(data)


def network_add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["wagtail_integration", "networkpage", parent.pk])


@pytest.mark.parametrize("case", INERT_TEXT, ids=str)
def test_page_text_is_stored_and_rendered_as_text(admin_en_client, root_page, case):
    value, escaped = INERT_TEXT[case]
    response = admin_en_client.post(
        network_add_url(root_page),
        network_form(
            title=value,
            region=value,
            goals=streamfield([("item", value)]),
            working_groups=inline_formset([{"name": value, "description": value}]),
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    page = NetworkPage.objects.get()
    assert (page.title, page.region, page.goals[0].value) == (value, value, value)
    assert page.working_groups.get().name == value
    html = Client().get(page.url).content.decode()
    assert escaped in html
    if escaped != value:
        assert value not in html
    data = Client().get(f"/api/v2/pages/{page.pk}/").json()
    assert data["title"] == value and data["working_groups"][0]["name"] == value


def test_page_title_too_long_or_with_nul_is_a_form_error(admin_en_client, root_page):
    response = admin_en_client.post(network_add_url(root_page), network_form(title=LONG))
    assert_field_error(response, "title", "at most")
    response = admin_en_client.post(network_add_url(root_page), network_form(title=NUL))
    assert_field_error(response, "title", "Null characters are not allowed.")
    response = admin_en_client.post(
        network_add_url(root_page), network_form(goals=streamfield([("item", NUL)]))
    )
    assert response.status_code == 200
    assert "goals" in response.context["form"].errors
    assert not NetworkPage.objects.exists()
    assert admin_en_client.post(network_add_url(root_page), network_form()).status_code == 302


@pytest.mark.parametrize("name", BAD_URLS)
def test_page_url_field_rejects_script_urls(admin_en_client, root_page, name):
    response = admin_en_client.post(
        network_add_url(root_page), network_form(more_info_url=BAD_URLS[name])
    )
    assert_field_error(response, "more_info_url", "Enter a valid URL.")
    assert not NetworkPage.objects.exists()


@pytest.mark.parametrize("name", BAD_URLS)
def test_page_rich_text_script_links_are_not_rendered(admin_en_client, root_page, name):
    url = BAD_URLS[name]
    response = admin_en_client.post(
        network_add_url(root_page), network_form(introduction=link_contentstate(url))
    )
    assert response.status_code == 302, response.context["form"].errors
    page = NetworkPage.objects.get()
    scheme = url.split(":")[0].lower() + ":"
    html = Client().get(page.url).content.decode().lower()
    assert "hier klicken" in html
    assert f'href="{scheme}' not in html
    api = Client().get(f"/api/v2/pages/{page.pk}/").json()
    assert scheme not in api["introduction"].lower()


# --- API v3 writes -------------------------------------------------------------------------


@pytest.fixture
def token_client(superuser):
    from wagtail.models import APIToken

    _, plaintext = APIToken.create_token(user=superuser, name="redaktion")
    client = Client(raise_request_exception=False)
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
    return client


def post_release(client, parent, **fields):
    data = {
        "meta": {"parent_id": parent.pk, "type": "wagtail_integration.PressReleasePage"},
        "title": "Neue Sprachcafés",
        "slug": "sprachcafes",
        "release_date": "2025-06-01",
        "dateline": "Lingen",
        "lead": "Ab Juni öffnen drei Sprachcafés.",
        **fields,
    }
    return client.post("/api/v3/pages/", json.dumps(data), content_type="application/json")


@needs_v3
@pytest.mark.parametrize("case", INERT_TEXT, ids=str)
def test_api_write_stores_text_as_sent(token_client, root_page, case):
    value, escaped = INERT_TEXT[case]
    index = f.PressReleaseIndexPageFactory()
    response = post_release(token_client, index, title=value, lead=value, dateline=value[:100])
    assert response.status_code == 201, response.content[:500]
    page = PressReleasePage.objects.get()
    assert (page.title, page.lead) == (value, value)
    page.save_revision().publish()
    html = Client().get(page.url).content.decode()
    assert escaped in html
    if escaped != value:
        assert value not in html
    data = Client().get(f"/api/v3/pages/{page.pk}/").json()
    assert data["title"] == value and data["lead"] == value


@needs_v3
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", LONG),
        ("title", NUL),
        ("lead", NUL),
        ("dateline", LONG),
        ("dateline", NUL),
        ("subheadline", "x" * 501),
        ("slug", "<script>"),
    ],
    ids=[
        "title-long",
        "title-nul",
        "lead-nul",
        "dateline-long",
        "dateline-nul",
        "sub-long",
        "slug",
    ],
)
def test_api_write_rejects_bad_text_with_field_name(token_client, root_page, field, value):
    index = f.PressReleaseIndexPageFactory()
    response = post_release(token_client, index, **{field: value})
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    assert field in response.content.decode()
    assert not PressReleasePage.objects.exists()


@needs_v3
def test_api_write_sanitises_rich_text(token_client, root_page):
    index = f.PressReleaseIndexPageFactory()
    body = [
        {
            "type": "paragraph",
            "value": (
                "<p>Text <script>alert(1)</script><img src=x onerror=alert(1)>"
                '<a href="javascript:alert(1)">eins</a> '
                '<a href="data:text/html,<script>alert(1)</script>">zwei</a> '
                '<a href="https://example.org/" onclick="alert(1)">drei</a></p>'
            ),
        }
    ]
    response = post_release(token_client, index, body=body)
    assert response.status_code in (201, 400, 422), response.content[:500]
    if response.status_code != 201:
        assert "body" in response.content.decode()
        return
    page = PressReleasePage.objects.get()
    page.save_revision().publish()
    stored = page.body[0].value.source.lower()
    for text in (
        Client().get(f"/api/v3/pages/{page.pk}/?rich_text_format=html").content.decode(),
        Client().get(page.url).content.decode(),
        stored,
    ):
        lowered = text.lower()
        assert "<script>alert" not in lowered and "onerror" not in lowered
        assert "javascript:" not in lowered and "data:text/html" not in lowered
        assert "onclick" not in lowered
    assert "eins" in stored and "drei" in stored  # the words are kept


# --- Spreadsheet import --------------------------------------------------------------------


def csv_data(*rows) -> bytes:
    import csv

    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode()


def xlsx_data(*rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("case", INERT_TEXT, ids=str)
def test_import_stores_text_and_the_directory_escapes_it(locale_de, root_page, case, fmt):
    value, escaped = INERT_TEXT[case]
    rows = (["name", "unit", "municipality"], [value, value, "Rheine"])
    data = csv_data(*rows) if fmt == "csv" else xlsx_data(*rows)
    plan = plan_import(data, f"x.{fmt}", locale_de)
    assert plan.ok, [str(e) for e in plan.errors]
    apply_import(plan)
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.unit) == (value, value)
    directory = f.DirectoryPageFactory()
    html = Client().get(directory.url).content.decode()
    assert escaped in html
    if escaped != value:
        assert value not in html


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("website", "javascript:alert(1)", "http"),
        ("website", "data:text/html,<script>alert(1)</script>", "http"),
        ("website", "JAVASCRIPT:alert(1)", "http"),
        ("email", CRLF_EMAIL, ""),
        ("email", "info@verein.example\n", ""),
        ("phone", CRLF_PHONE, ""),
        ("phone", "0591 1234\n", ""),
        ("name", LONG, "10000"),
        ("name", NUL, "NUL"),
        ("description", "Text\x00", "NUL"),
        ("description", "x" * 10_001, "10001"),
    ],
    ids=[
        "js-url",
        "data-url",
        "js-caps",
        "email-crlf",
        "email-lf-end",
        "phone-crlf",
        "phone-lf-end",
        "long-name",
        "nul-name",
        "nul-text",
        "long-text",
    ],
)
def test_import_rejects_bad_cells_naming_line_and_column(locale_de, column, value, fragment):
    header = ["name", column] if column != "name" else ["name"]
    good = ["Guter Verein", "Gut"] if column == "description" else ["Guter Verein"]
    row = ["Verein", value] if column != "name" else [value]
    with translation.override("en"):
        plan = plan_import(csv_data(header, good, row), "x.csv", locale_de)
    assert not plan.ok
    with translation.override("en"):
        messages = [str(error) for error in plan.errors]
    assert any(f"Line 3, column “{column}”" in m and fragment in m for m in messages), messages
    assert not any("Line 2" in m for m in messages)
    assert not Organisation.objects.exists()


def test_import_line_break_in_email_cell_of_xlsx_is_rejected(locale_de):
    data = xlsx_data(["name", "email", "phone"], ["Verein", CRLF_EMAIL, "0591 1"])
    plan = plan_import(data, "x.xlsx", locale_de)
    assert [error.column for error in plan.errors] == ["email"]
