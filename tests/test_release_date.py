"""A press release's release date and Wagtail's go-live date never contradict each other:
the admin explains both and refuses combinations that would publish a release early."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from . import factories as f
from .form_helpers import page_edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def release(root_page):
    return f.PressReleasePageFactory(release_date=datetime.date(2025, 3, 1))


def post(client, page, **changes):
    data = page_edit_data(client, page)
    for key, value in changes.items():
        data[key] = value
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def errors(response) -> str:
    assert response.status_code == 200, response.status_code
    return " ".join(str(e) for e in response.context["form"].errors.get("release_date", []))


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_release_date_field_explains_go_live(admin_client, release):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[release.pk]))
    assert "hält die Mitteilung nicht zurück" in response.content.decode()  # the admin is German


def test_publishing_now_with_a_future_release_date_is_refused(admin_client, release):
    response = post(
        admin_client, release, release_date=in_days(7).isoformat(), **{"action-publish": "1"}
    )
    assert "„Veröffentlicht ab“" in errors(response)  # Wagtail's German go-live label
    release.refresh_from_db()
    assert release.release_date == datetime.date(2025, 3, 1)


def test_a_draft_may_carry_a_future_release_date(admin_client, release):
    response = post(admin_client, release, release_date=in_days(7).isoformat())
    assert response.status_code == 302


def test_going_live_before_the_release_date_is_refused(admin_client, release):
    go_live = f"{in_days(3).isoformat()} 09:00"
    response = post(
        admin_client,
        release,
        release_date=in_days(7).isoformat(),
        go_live_at=go_live,
        **{"action-publish": "1"},
    )
    assert "vor ihrem Veröffentlichungsdatum" in errors(response)


def test_going_live_on_the_release_date_schedules_the_release(admin_client, release):
    response = post(
        admin_client,
        release,
        release_date=in_days(7).isoformat(),
        go_live_at=f"{in_days(7).isoformat()} 09:00",
        **{"action-publish": "1"},
    )
    assert response.status_code == 302
    release.refresh_from_db()
    revision = release.get_latest_revision()
    assert revision.approved_go_live_at is not None  # waits for publish_scheduled
