"""The leak matrix of alert banners: an alert outside its window or its scope never shows.

Each cell builds one alert with a marker in its title, fetches one output once (warming any
cache, HTTP validators included) and again ``STEP`` later with the first answer's ``ETag``;
the second answer is checked. ``current`` and ``starts_while_cached`` must show the marker
(controls: each cell can fail); every other state must not. Detail outputs are not bound to a
page, so only the time states apply to them.
"""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.apps import apps
from django.test import Client
from django.utils import timezone

from . import factories as f

pytestmark = pytest.mark.django_db

HAS_V3 = apps.is_installed("wagtail.api.v3")
STEP = datetime.timedelta(minutes=10)
DAY = datetime.timedelta(days=1)
MARKER = "Ampelausfall"

STATES = {
    # name: (start, end) relative to the first fetch, or a scope change
    "current": (-DAY, DAY),
    "starts_while_cached": (STEP / 2, DAY),
    "scheduled": (DAY, 2 * DAY),
    "ended": (-2 * DAY, -DAY),
    "ends_while_cached": (-DAY, STEP / 2),
    "other_section": (-DAY, DAY),
    "other_locale": (-DAY, DAY),
}
SHOWN = {"current", "starts_while_cached"}
TIME_STATES = {"current", "starts_while_cached", "scheduled", "ended", "ends_while_cached"}

OUTPUTS = {
    "html_page": lambda page, alert: page.url,
    "api_v2_list": lambda page, alert: f"/api/v2/alerts/?page={page.pk}",
    "api_v3_list": lambda page, alert: f"/api/v3/alerts/?page={page.pk}",
    "api_v2_detail": lambda page, alert: f"/api/v2/alerts/{alert.pk}/",
    "api_v3_detail": lambda page, alert: f"/api/v3/alerts/{alert.pk}/",
}
DETAIL = {"api_v2_detail", "api_v3_detail"}

CELLS = [
    pytest.param(
        state,
        output,
        marks=[pytest.mark.skipif(not HAS_V3, reason="API v3 needs Wagtail 8")]
        if "v3" in output
        else [],
        id=f"{output}-{state}",
    )
    for output in OUTPUTS
    for state in STATES
    if output not in DETAIL or state in TIME_STATES
]


@pytest.mark.parametrize(("state", "output"), CELLS)
def test_alert_cell(root_page, locale_en, state, output):
    now = timezone.now()
    section = f.ProjectIndexPageFactory(parent=root_page, title="Verkehr")
    sibling = f.ProjectIndexPageFactory(parent=root_page, title="Kultur")
    page = f.ProjectPageFactory(parent=section, title="Baustellen")
    start, end = STATES[state]
    alert = f.AlertFactory(
        title=f"{MARKER}: Kreuzung gesperrt",
        severity="warning",
        section=sibling if state == "other_section" else section,
        locale=locale_en if state == "other_locale" else root_page.locale,
        starts_at=now + start,
        ends_at=now + end,
    )
    client = Client()
    url = OUTPUTS[output](page, alert)
    with mock.patch("django.utils.timezone.now", return_value=now):
        first = client.get(url)
    headers = {"HTTP_IF_NONE_MATCH": first["ETag"]} if first.has_header("ETag") else {}
    with mock.patch("django.utils.timezone.now", return_value=now + STEP):
        second = client.get(url, **headers)
    # A 304 tells the client to keep showing the first answer.
    shown = first if second.status_code == 304 else second
    body = shown.content.decode()
    if state in SHOWN:
        assert shown.status_code == 200 and MARKER in body
    else:
        assert shown.status_code in (200, 404) and MARKER not in body
