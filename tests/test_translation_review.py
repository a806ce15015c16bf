"""Translators in Wagtail's standard "Editors" group: they submit pages for translation,
translate them in wagtail-localize's editor and, as they may not publish, submit the
translation for review; an approval publishes it (translation_review.py, workflows.py)."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowPage, WorkflowState
from wagtail_localize.models import StringTranslation, Translation

from wagtail_integration.translation_review import SUBMIT_NAME
from wagtail_integration.workflows import (
    TRANSLATION_GROUP,
    TRANSLATION_WORKFLOW,
    setup_press_workflows,
)

from . import factories as f

pytestmark = pytest.mark.django_db

TITLE = "Netzwerk Integration Hamm"
ENGLISH_TITLE = "Integration Network Hamm"


def member_of(client, django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username=username, password=None)
    user.groups.add(*Group.objects.filter(name__in=groups))
    client.force_login(user)
    return client


@pytest.fixture
def translation_world(client, django_user_model, root_page, django_capture_on_commit_callbacks):
    """Set-up as the administrator leaves it, a German network page, and the editor's English
    translation of it, submitted in the admin by an Editors-group member."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    setup_press_workflows()
    network = f.NetworkPageFactory(title=TITLE)
    network.save_revision().publish()
    editor = member_of(client, django_user_model, "uebersetzerin", "Editors")
    url = reverse("wagtail_localize:submit_page_translation", args=[network.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(url, {"locales": [english.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    translated = network.get_translation(english)
    return editor, network, translated


def translate_title(network, locale) -> None:
    """What the editor's segment field saves: the title's translation."""
    translation = Translation.objects.get(
        source__object_id=network.translation_key, target_locale=locale
    )
    segment = translation.source.stringsegment_set.get(string__data=TITLE)
    StringTranslation.objects.create(
        translation_of=segment.string, locale=locale, context=segment.context, data=ENGLISH_TITLE
    )


def last_message(response) -> tuple[str, str]:
    message = list(get_messages(response.wsgi_request))[-1]
    return message.level_tag, str(message)


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_editors_and_moderators_may_submit_translations():
    for name in ("Editors", "Moderators"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="submit_translation").exists(), name
    # Removed by an administrator (or missed by wagtail-localize's migration, which runs
    # before Wagtail creates the groups on some sites): the package grants it again.
    editors = Group.objects.get(name="Editors")
    editors.permissions.remove(*editors.permissions.filter(codename="submit_translation"))
    call_command("wagtail_integration_grant_permissions", stdout=io.StringIO())
    assert editors.permissions.filter(codename="submit_translation").exists()


def test_a_start_page_translated_after_set_up_gets_the_translation_review(translation_world):
    _, _, translated = translation_world
    home = translated.get_parent()
    assert home.depth == 2
    assert WorkflowPage.objects.get(page=home).workflow.name == TRANSLATION_WORKFLOW
    assert translated.specific.get_workflow().name == TRANSLATION_WORKFLOW
    reviewers = Group.objects.get(name=TRANSLATION_GROUP)
    assert reviewers.page_permissions.filter(page=home, permission__codename="change_page")


def test_the_editor_sees_submit_for_review_and_no_publish(translation_world, admin_client):
    editor, _, translated = translation_world
    html = editor.get(edit_url(translated)).content.decode()
    assert f'name="{SUBMIT_NAME}"' in html
    assert "&quot;canPublish&quot;: false" in html
    # Someone who may publish gets wagtail-localize's Publish, without the review form.
    html = admin_client.get(edit_url(translated)).content.decode()
    assert f'name="{SUBMIT_NAME}"' not in html
    assert "&quot;canPublish&quot;: true" in html


def test_submit_for_review_saves_the_translation_as_a_draft_and_an_approval_publishes_it(
    translation_world, client, django_user_model
):
    editor, network, translated = translation_world
    translate_title(network, translated.locale)
    response = editor.post(edit_url(translated), {SUBMIT_NAME: "1"})
    assert response.status_code == 302
    level, text = last_message(response)
    assert level == "success" and TRANSLATION_WORKFLOW in text, text
    page = Page.objects.get(pk=translated.pk).specific
    assert not page.live
    assert page.get_latest_revision_as_object().title == ENGLISH_TITLE
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == TRANSLATION_WORKFLOW
    assert state.requested_by.username == "uebersetzerin"

    # Submitting again while it waits changes nothing.
    response = editor.post(edit_url(translated), {SUBMIT_NAME: "1"})
    assert last_message(response)[0] == "error"
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1

    client.logout()
    reviewer = member_of(client, django_user_model, "pruefer", "Moderators", TRANSLATION_GROUP)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = reviewer.post(url)
    assert response.status_code in (200, 302), response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.live and page.title == ENGLISH_TITLE


def test_without_a_workflow_the_editor_is_told_and_nothing_changes(translation_world):
    editor, network, translated = translation_world
    translate_title(network, translated.locale)
    WorkflowPage.objects.all().delete()  # also Wagtail's default workflow on the tree's root
    revisions = translated.revisions.count()
    response = editor.post(edit_url(translated), {SUBMIT_NAME: "1"})
    assert response.status_code == 302
    assert last_message(response)[0] == "error"
    assert translated.revisions.count() == revisions
    assert not WorkflowState.objects.filter(object_id=str(translated.pk)).exists()
    html = editor.get(edit_url(translated)).content.decode()
    assert f'name="{SUBMIT_NAME}"' not in html
