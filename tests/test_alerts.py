"""Alert banners: scope, order, schedule, markup, API v2/v3, caching, the emergency permission."""

from __future__ import annotations

import datetime
import re
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from tests import factories as f
from wagtail_integration import purge
from wagtail_integration.alerts.caching import limit_response
from wagtail_integration.alerts.selection import alerts_for, next_change
from wagtail_integration.models import Alert

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
requires_api_v3 = pytest.mark.skipif(
    not __import__("django.apps").apps.apps.is_installed("wagtail.api.v3"),
    reason="API v3 needs Wagtail 8 or newer",
)


@pytest.fixture
def section(root_page):
    return f.ProjectIndexPageFactory(parent=root_page, title="Projekte")


def max_age(response) -> int:
    return int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))


def test_order_is_severity_then_start_and_scope_is_site_or_section(root_page, section):
    now = timezone.now()
    project = f.ProjectPageFactory(parent=section)
    elsewhere = f.NetworkPageFactory(parent=root_page)
    later_info = f.AlertFactory(title="Info spät", starts_at=now - HOUR)
    early_info = f.AlertFactory(title="Info früh", starts_at=now - 3 * HOUR)
    emergency = f.AlertFactory(title="Notfall", severity="emergency", starts_at=now - HOUR)
    warning = f.AlertFactory(title="Warnung", severity="warning", section=section)
    assert alerts_for(project) == [emergency, warning, early_info, later_info]
    assert alerts_for(section) == [emergency, warning, early_info, later_info]
    assert alerts_for(elsewhere) == [emergency, early_info, later_info]


def test_outside_its_window_an_alert_is_not_shown(root_page):
    now = timezone.now()
    f.AlertFactory(title="Bald", starts_at=now + HOUR, ends_at=now + 2 * HOUR)
    f.AlertFactory(title="Vorbei", starts_at=now - 2 * HOUR, ends_at=now - HOUR)
    open_ended = f.AlertFactory(title="Offen", ends_at=None)
    assert alerts_for(root_page) == [open_ended]
    assert next_change(root_page) == now + HOUR


def test_end_must_follow_start_and_link_text_needs_a_link():
    alert = f.AlertFactory.build(ends_at=timezone.now() - 2 * HOUR, link_text="Mehr")
    with pytest.raises(Exception) as error:
        alert.full_clean()
    assert {"ends_at", "link_url"} <= set(error.value.message_dict)


def test_banner_markup_announces_by_role_and_text(client, root_page, section):
    page = f.ProjectPageFactory(parent=section)
    f.AlertFactory(title="Hochwasser", severity="emergency", link_url="https://example.org/lage")
    f.AlertFactory(title="Sprechzeiten geändert", severity="info")
    html = client.get(page.url).content.decode()
    emergency = re.search(r'<div class="wi-alert wi-alert--emergency" role="alert"[^>]*>', html)
    info = re.search(r'<div class="wi-alert wi-alert--info" role="status"[^>]*>', html)
    assert emergency and info and emergency.start() < info.start()
    assert "Notfall:</span>" in html and "Information:</span>" in html  # text, not colour
    assert re.search(r"<h2 class=\"wi-alert__title\" id=\"wi-alert-\d+\">", html)
    assert 'aria-hidden="true"' in html
    assert 'href="https://example.org/lage"' in html and "Weitere Informationen" in html


def test_section_alert_shows_on_translations_of_the_section(root_page, section, locale_en):
    alert = f.AlertFactory(title="Baustelle", section=section)
    alert_en = alert.copy_for_translation(locale_en)
    alert_en.title = "Road works"
    alert_en.save()
    root_en = root_page.copy_for_translation(locale_en)
    root_en.save_revision().publish()
    section_en = section.copy_for_translation(locale_en)
    section_en.save_revision().publish()
    assert alerts_for(section_en) == [alert_en]
    assert alerts_for(section) == [alert]


def test_api_v2_lists_the_alerts_of_a_page(client, root_page, section):
    page = f.ProjectPageFactory(parent=section)
    alert = f.AlertFactory(title="Baustelle", section=section, severity="warning")
    f.AlertFactory(title="Woanders", section=f.NetworkPageFactory(parent=root_page))
    body = client.get(f"/api/v2/alerts/?page={page.pk}").json()
    assert [item["title"] for item in body["items"]] == ["Baustelle"]
    item = body["items"][0]
    assert item["role"] == "status" and item["scope"] == "section"
    assert item["section"] == section.pk and item["locale"] == "de"
    assert client.get(f"/api/v2/alerts/{alert.pk}/").json()["title"] == "Baustelle"
    assert client.get("/api/v2/alerts/").json()["count"] == 0  # site-wide only


@pytest.mark.parametrize(
    "query",
    ["?page=abc", "?page=-1", "?locale=xx", "?unknown=1", f"?page={2**63}", "?page=%00"],
)
def test_api_v2_bad_parameters_answer_400(client, query):
    assert client.get(f"/api/v2/alerts/{query}").status_code == 400


def test_api_v2_hidden_page_answers_404(client, root_page):
    draft = f.ProjectPageFactory(parent=root_page, live=False)
    assert client.get(f"/api/v2/alerts/?page={draft.pk}").status_code == 404
    assert client.get("/api/v2/alerts/999999/").status_code == 404


@requires_api_v3
def test_api_v3_lists_alerts_typed_in_openapi(client, root_page):
    f.AlertFactory(title="Notruf gestört", severity="emergency")
    body = client.get(f"/api/v3/alerts/?page={root_page.pk}").json()
    assert body["items"][0]["role"] == "alert" and body["items"][0]["scope"] == "site"
    assert client.get("/api/v3/alerts/?locale=xx").status_code == 400
    assert client.get(f"/api/v3/alerts/?page={2**63}").status_code in (400, 422)
    document = client.get("/api/v3/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert schemas["AlertOut"]["properties"]["severity"]["enum"] == [
        "info",
        "warning",
        "emergency",
    ]
    assert "/api/v3/alerts/" in document["paths"]


@pytest.mark.parametrize(
    "path", ["/api/v2/alerts/", pytest.param("/api/v3/alerts/", marks=requires_api_v3)]
)
def test_api_answer_is_not_cached_past_the_end_of_an_alert(client, settings, path):
    settings.WAGTAIL_INTEGRATION = {"API_MAX_AGE": 600, "API_STALE_WHILE_REVALIDATE": 600}
    now = timezone.now()
    f.AlertFactory(title="Kurz", ends_at=now + datetime.timedelta(seconds=120))
    response = client.get(path)
    assert response.json()["count"] == 1
    assert max_age(response) <= 120
    assert "stale-while-revalidate=0" in response["Cache-Control"]
    # After the end the same URL (same ETag sent back) answers without it, never a 304.
    later = now + datetime.timedelta(seconds=121)
    with mock.patch("django.utils.timezone.now", return_value=later):
        again = client.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 200 and again.json()["count"] == 0


def test_api_answer_before_a_start_expires_at_the_start(client, settings):
    settings.WAGTAIL_INTEGRATION = {"API_MAX_AGE": 600}
    f.AlertFactory(
        title="Morgen", starts_at=timezone.now() + datetime.timedelta(seconds=90), ends_at=None
    )
    response = client.get("/api/v2/alerts/")
    assert response.json()["count"] == 0 and max_age(response) <= 90


def test_html_lifetime_ends_at_the_next_change(client, root_page, settings, superuser):
    settings.WAGTAIL_INTEGRATION = {"API_MAX_AGE": 600}
    page = f.ProjectPageFactory(parent=root_page)
    f.AlertFactory(ends_at=timezone.now() + datetime.timedelta(seconds=300))
    response = client.get(page.url)
    assert "private" not in response["Cache-Control"] and max_age(response) <= 300
    client.force_login(superuser)
    assert "private" in client.get(page.url)["Cache-Control"]
    # An existing longer lifetime is cut, a shorter one kept.
    request = type("R", (), {"_wagtail_integration_alert_change": timezone.now() + HOUR})()
    from django.http import HttpResponse

    longer = HttpResponse()
    longer["Cache-Control"] = "public, max-age=86400, s-maxage=86400"
    limit_response(request, longer)
    assert "max-age=3599" in longer["Cache-Control"] or "max-age=3600" in longer["Cache-Control"]
    assert "s-maxage=86400" not in longer["Cache-Control"]
    shorter = HttpResponse()
    shorter["Cache-Control"] = "public, max-age=60"
    limit_response(request, shorter)
    assert shorter["Cache-Control"] == "public, max-age=60"


def test_html_without_alerts_keeps_its_headers(client, root_page):
    page = f.ProjectPageFactory(parent=root_page)
    assert not client.get(page.url).has_header("Cache-Control")


def test_saving_an_alert_purges_its_scope(root_page, section):
    site_wide = f.AlertFactory()
    assert "http://localhost/" in purge.urls_for_change(site_wide)
    in_section = f.AlertFactory(section=section)
    urls = purge.urls_for_change(in_section)
    assert section.get_full_url() in urls and "http://localhost/" not in urls


# --- The emergency permission ------------------------------------------------------------


@pytest.fixture
def alert_editor(django_user_model, root_page):
    user = django_user_model.objects.create_user(username="redaktion", password=None)
    group = Group.objects.create(name="Alert editors")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_alert", "change_alert", "view_alert"]
        )
    )
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    client.group = group
    return client


def alert_data(**values) -> dict:
    data = {
        "severity": "info",
        "title": "Sprechzeiten",
        "text": rich_text("<p>Geschlossen am Freitag.</p>"),
        "link_url": "",
        "link_text": "",
        "section": "",
        "starts_at": "2026-12-01 08:00",
        "ends_at": "2026-12-05 18:00",
    }
    data.update(values)
    return data


def add_url() -> str:
    return reverse("wagtailsnippets_wagtail_integration_alert:add") + "?locale=de"


def test_editor_without_permission_cannot_create_an_emergency_alert(alert_editor):
    response = alert_editor.post(add_url(), alert_data(severity="emergency", title="Notfall"))
    assert response.status_code == 200
    assert "You may not create or change emergency alerts" in response.content.decode(
        "utf-8"
    ) or "Notfallhinweise" in response.content.decode("utf-8")
    assert not Alert.objects.filter(title="Notfall").exists()
    response = alert_editor.post(add_url(), alert_data(title="Nur Info"))
    assert response.status_code == 302 and Alert.objects.filter(title="Nur Info").exists()


def test_editor_without_permission_cannot_change_an_emergency_alert(alert_editor):
    alert = f.AlertFactory(severity="emergency", title="Notfall")
    url = reverse("wagtailsnippets_wagtail_integration_alert:edit", args=[alert.pk])
    response = alert_editor.post(url, alert_data(severity="info", title="Entschärft"))
    assert response.status_code == 200
    alert.refresh_from_db()
    assert alert.severity == "emergency" and alert.title == "Notfall"


def test_editor_with_permission_creates_an_emergency_alert(alert_editor):
    alert_editor.group.permissions.add(Permission.objects.get(codename="publish_emergency_alert"))
    response = alert_editor.post(add_url(), alert_data(severity="emergency", title="Notfall"))
    assert response.status_code == 302
    assert Alert.objects.get(title="Notfall").is_emergency


def test_moderators_get_the_emergency_permission_editors_do_not():
    moderators = Group.objects.get(name="Moderators").permissions
    editors = Group.objects.get(name="Editors").permissions
    assert moderators.filter(codename="publish_emergency_alert").exists()
    assert not editors.filter(codename="publish_emergency_alert").exists()
    assert editors.filter(codename="add_alert").exists()


def test_banners_cost_one_query_and_agree_with_the_separate_lookups(
    root_page, section, django_assert_max_num_queries
):
    from wagtail_integration.alerts.selection import banners

    now = timezone.now()
    page = f.ProjectPageFactory(parent=section)
    f.AlertFactory(title="Info", starts_at=now - 2 * HOUR)
    f.AlertFactory(title="Notfall", severity="emergency", section=section)
    f.AlertFactory(title="Später", starts_at=now + HOUR, ends_at=now + 3 * HOUR)
    with django_assert_max_num_queries(1):
        current, change = banners(page, now=now)
    assert current == alerts_for(page, now=now)
    assert change == next_change(page, now=now)
