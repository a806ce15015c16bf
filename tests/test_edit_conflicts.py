"""Two editors: a page save based on an outdated revision is refused by the server."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from . import factories as f
from .form_helpers import page_edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors(superuser, django_user_model):
    from wagtail.users.models import UserProfile

    second = django_user_model.objects.create_superuser(
        username="zweite",
        email="zweite@example.org",
        password=None,
        first_name="Zoe",
        last_name="Zweite",
    )
    clients = []
    for user in (superuser, second):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


@pytest.fixture
def page(root_page):
    page = f.NetworkPageFactory(parent=root_page, title="Netzwerk Integration")
    page.save_revision().publish()
    return page


def test_publish_based_on_an_outdated_revision_is_refused(editors, page):
    first, second = editors
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    first_data = page_edit_data(first, page)  # both open the page
    second_data = page_edit_data(second, page)
    if "loaded_revision_id" not in first_data:
        pytest.skip("Wagtail 7's page editor does not send the revision it loaded")
    assert first_data["loaded_revision_id"] == str(page.latest_revision_id)

    second_data["title"] = "Netzwerk Integration (Zoe)"
    second_data["action-publish"] = "action-publish"
    response = second.post(url, second_data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Netzwerk Integration (Zoe)"

    first_data["title"] = "Netzwerk Integration (alt)"
    first_data["action-publish"] = "action-publish"
    response = first.post(url, first_data, follow=True)
    page.refresh_from_db()
    assert page.title == "Netzwerk Integration (Zoe)"  # the colleague's change is kept
    assert page.get_latest_revision().content["title"] == "Netzwerk Integration (Zoe)"
    text = response.content.decode()
    assert "Not saved: Zoe Zweite changed" in text
    assert "after you opened it" in text


def test_save_draft_based_on_an_outdated_revision_is_refused(editors, page):
    first, second = editors
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    first_data = page_edit_data(first, page)
    second_data = page_edit_data(second, page)
    if "loaded_revision_id" not in first_data:
        pytest.skip("Wagtail 7's page editor does not send the revision it loaded")
    second_data["title"] = "Entwurf von Zoe"
    assert second.post(url, second_data).status_code == 302
    revisions = page.revisions.count()
    first_data["title"] = "Entwurf, veraltet"
    first.post(url, first_data)
    assert page.revisions.count() == revisions
    page.refresh_from_db()
    assert page.get_latest_revision().content["title"] == "Entwurf von Zoe"


def test_save_based_on_the_latest_revision_works(editors, page):
    first, _ = editors
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = page_edit_data(first, page)
    data["title"] = "Netzwerk Integration neu"
    data["action-publish"] = "action-publish"
    assert first.post(url, data).status_code == 302
    page.refresh_from_db()
    assert page.title == "Netzwerk Integration neu"


def test_a_newer_revision_by_the_same_editor_is_no_conflict(editors, page, superuser):
    # The editor's own autosave can create a revision while the editor presses "Publish".
    first, _ = editors
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = page_edit_data(first, page)
    if "loaded_revision_id" not in data:
        pytest.skip("Wagtail 7's page editor does not send the revision it loaded")
    page.save_revision(user=superuser)  # the first client's user
    data["title"] = "Netzwerk Integration, eigene Fassung"
    data["action-publish"] = "action-publish"
    assert first.post(url, data).status_code == 302
    page.refresh_from_db()
    assert page.title == "Netzwerk Integration, eigene Fassung"


def snippet_form(client, url):
    from bs4 import BeautifulSoup
    from wagtail.test.utils.form_data import _querydict_from_form

    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    form = next(form for form in soup.find_all("form") if "/edit/" in (form.get("action") or ""))
    return _querydict_from_form(form, exclude_csrf=True)


def test_snippet_save_based_on_an_outdated_version_is_refused(editors):
    from wagtail_integration.models import Organisation

    first, second = editors
    organisation = f.OrganisationFactory(
        name="Caritas Rheine", phone="05971 1", email="", description=""
    )
    url = reverse("wagtailsnippets_wagtail_integration_organisation:edit", args=[organisation.pk])
    # Saved once through the form, as every edited organisation is (rich text normalised).
    assert first.post(url, snippet_form(first, url)).status_code == 302
    first_data = snippet_form(first, url)
    second_data = snippet_form(second, url)

    second_data["phone"] = "05971 2"
    assert second.post(url, second_data).status_code == 302
    first_data["email"] = "info@caritas.example"
    response = first.post(url, first_data, follow=True)
    organisation = Organisation.objects.get(pk=organisation.pk)
    assert organisation.phone == "05971 2"  # kept
    assert organisation.email == ""  # refused, not half-saved
    text = response.content.decode()
    assert "Not saved: someone else changed phone of" in text, text[text.find("Not saved") :][:300]

    # Opened again, the newest version saves.
    data = snippet_form(first, url)
    data["email"] = "info@caritas.example"
    assert first.post(url, data).status_code == 302
    organisation = Organisation.objects.get(pk=organisation.pk)
    assert (organisation.phone, organisation.email) == ("05971 2", "info@caritas.example")
