"""Press embargo (Sperrfrist), the time-based visibility rule and journalists' preview links."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from wagtail_integration.models import PressPreviewAccess, PressPreviewLink
from wagtail_integration.models.embargo import hash_token, truncate_ip
from wagtail_integration.visibility import is_visible, visible

from . import factories as f

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def press_index(root_page):
    return f.PressReleaseIndexPageFactory(parent=root_page, title="Presse")


def release(press_index, **kwargs):
    kwargs.setdefault("lead", "Vertraulicher Vorlauf zur Haushaltsrede.")
    return f.PressReleasePageFactory(parent=press_index, title="Haushalt 2027", **kwargs)


def test_embargoed_release_goes_public_by_itself(press_index):
    """Nothing has to run at the embargo time: the rule reads the clock."""
    embargo = timezone.now() + HOUR
    page = release(press_index, embargo_until=embargo)
    client = Client()
    assert client.get(page.url).status_code == 404
    assert not is_visible(page, now=embargo - datetime.timedelta(seconds=1))
    assert is_visible(page, now=embargo)
    PressReleasePage = type(page)
    PressReleasePage.objects.filter(pk=page.pk).update(embargo_until=timezone.now())
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Vertraulicher Vorlauf" in response.content.decode()


def test_expired_page_is_gone_before_publish_scheduled_runs(press_index):
    page = release(press_index)
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=5))
    assert Page.objects.get(pk=page.pk).live  # Wagtail has not unpublished it yet
    assert Client().get(page.url).status_code == 404
    assert not visible(Page.objects.filter(pk=page.pk)).exists()


def test_future_expiry_keeps_the_page(press_index):
    page = release(press_index, expire_at=timezone.now() + HOUR)
    assert Client().get(page.url).status_code == 200
    assert visible(Page.objects.filter(pk=page.pk)).exists()


def test_embargo_note_shows_once_live_when_wanted(press_index):
    embargo = timezone.now() - HOUR
    page = release(press_index, embargo_until=embargo)
    html = Client().get(page.url).content.decode()
    assert "wi-embargo" in html
    type(page).objects.filter(pk=page.pk).update(show_embargo_note=False)
    assert "wi-embargo" not in Client().get(page.url).content.decode()


def test_translation_shares_the_embargo(press_index, locale_en):
    """``embargo_until`` is synchronised: wagtail-localize copies it into translations."""
    from wagtail_localize.models import TranslationSource

    embargo = timezone.now().replace(second=0, microsecond=0) + HOUR  # the admin takes minutes
    page = release(press_index, embargo_until=embargo)
    root_en = press_index.get_parent().copy_for_translation(locale_en)
    root_en.save_revision().publish()
    press_index.copy_for_translation(locale_en).save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = source.create_or_update_translation(locale_en, fallback=True)
    assert translation.embargo_until == page.embargo_until
    translation.save_revision().publish()
    translation.refresh_from_db()
    assert translation.live
    assert Client().get(translation.url).status_code == 404


# --- Preview links ------------------------------------------------------------------------


def make_link(page, **kwargs) -> tuple[PressPreviewLink, str]:
    link = PressPreviewLink(page=page, recipient="Redaktion Kreisanzeiger", **kwargs)
    token = link.issue_token()
    link.save()
    return link, token


def preview_url(token: str) -> str:
    return reverse("wagtail_integration_press_preview", args=[token])


@pytest.fixture
def embargoed(press_index):
    return release(press_index, embargo_until=timezone.now() + HOUR)


def test_valid_link_shows_the_embargoed_release_and_logs_the_use(embargoed):
    link, token = make_link(embargoed)
    client = Client(HTTP_USER_AGENT="Kreisanzeiger-Browser/1.0", REMOTE_ADDR="203.0.113.77")
    response = client.get(preview_url(token))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vertraulicher Vorlauf" in html
    assert "wi-embargo" in html  # the journalist sees the Sperrfrist
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    access = PressPreviewAccess.objects.get(link=link)
    assert access.outcome == "shown"
    assert access.ip_network == "203.0.113.0/24"  # not the person's address
    assert access.user_agent == "Kreisanzeiger-Browser/1.0"
    assert link.token_hash == hash_token(token) and token not in link.token_hash


@pytest.mark.parametrize(
    ("change", "status", "outcome"),
    [
        ({"revoked": True}, 403, "revoked"),
        ({"expires_at": timezone.now() - HOUR}, 403, "expired"),
    ],
    ids=["revoked", "expired"],
)
def test_revoked_or_expired_link_shows_nothing(embargoed, change, status, outcome):
    link, token = make_link(embargoed)
    PressPreviewLink.objects.filter(pk=link.pk).update(**change)
    response = Client().get(preview_url(token))
    assert response.status_code == status
    html = response.content.decode()
    assert "Vertraulicher Vorlauf" not in html and embargoed.title not in html
    assert PressPreviewAccess.objects.get(link=link).outcome == outcome


@pytest.mark.parametrize("tamper", ["flip", "cut", "long", "unicode"])
def test_tampered_token_is_not_found(embargoed, tamper):
    _link, token = make_link(embargoed)
    bad = {
        "flip": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "cut": token[:-3],
        "long": token * 5,
        "unicode": token[:-1] + "ä",
    }[tamper]
    response = Client().get(preview_url(bad))
    assert response.status_code == 404
    assert "Vertraulicher Vorlauf" not in response.content.decode()
    assert not PressPreviewAccess.objects.exists()


def test_unpublished_release_is_not_previewed(press_index):
    draft = release(press_index, embargo_until=timezone.now() + HOUR, live=False)
    link, token = make_link(draft)
    response = Client().get(preview_url(token))
    assert response.status_code == 404
    assert "Vertraulicher Vorlauf" not in response.content.decode()
    assert PressPreviewAccess.objects.get(link=link).outcome == "not_published"


def test_link_after_the_embargo_leads_to_the_public_page(embargoed):
    link, token = make_link(embargoed)
    type(embargoed).objects.filter(pk=embargoed.pk).update(embargo_until=timezone.now())
    response = Client().get(preview_url(token))
    assert response.status_code == 302 and response["Location"] == embargoed.url
    assert PressPreviewAccess.objects.get(link=link).outcome == "public"


def test_truncate_ip():
    assert truncate_ip("2001:db8:1234:5678::1") == "2001:db8:1234::/48"
    assert truncate_ip("not an address") == ""
    assert truncate_ip(None) == ""


def test_editor_creates_link_in_the_admin_and_sees_it_once(admin_client, embargoed):
    url = reverse("press_preview_links:add")
    expires = (timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    response = admin_client.post(
        url,
        {"page": embargoed.pk, "recipient": "Lokalradio", "expires_at": expires},
        follow=True,
    )
    assert response.status_code == 200
    link = PressPreviewLink.objects.get()
    assert link.recipient == "Lokalradio" and link.created_by is not None
    message = " ".join(str(m) for m in response.context["messages"])
    token = message.split("/press-preview/")[1].split("/")[0]
    assert link.token_hash == hash_token(token)
    assert Client().get(preview_url(token)).status_code == 200


def test_admin_refuses_a_page_that_is_no_press_release(admin_client, root_page):
    project = f.ProjectPageFactory(parent=f.ProjectIndexPageFactory(parent=root_page))
    past = (timezone.localtime() - HOUR).strftime("%Y-%m-%d %H:%M")
    response = admin_client.post(
        reverse("press_preview_links:add"),
        {"page": project.pk, "recipient": "Lokalradio", "expires_at": past},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "page" in errors and "expires_at" in errors
    assert not PressPreviewLink.objects.exists()


def test_demo_builds_an_embargoed_release_and_the_workflow(db):
    import io

    from django.core.management import call_command
    from wagtail.models import WorkflowPage

    call_command("wagtail_integration_demo", stdout=io.StringIO())
    page = Page.objects.get(slug="arbeitskreis-migrantenorganisationen-jahresbilanz").specific
    assert page.live and page.embargo_until > timezone.now() + datetime.timedelta(days=6)
    assert Client().get(page.url).status_code == 404
    assert WorkflowPage.objects.get(page=page.get_parent()).workflow.name == "Pressefreigabe"
    link, token = make_link(page)
    assert "Jahresbilanz" in Client().get(preview_url(token)).content.decode()
