"""The press office's four-eyes workflow: set-up command, approval, no self-approval."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowState

from wagtail_integration import workflows as wf
from wagtail_integration.models import FourEyesApprovalTask

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def press_world(root_page, locale_en):
    index = f.PressReleaseIndexPageFactory(parent=root_page, title="Presse")
    root_en = root_page.copy_for_translation(locale_en)
    root_en.save_revision().publish()
    index_en = index.copy_for_translation(locale_en)
    index_en.save_revision().publish()
    return index, index_en.specific, root_en


def editor(django_user_model, name, *groups):
    user = django_user_model.objects.create_user(username=name, password=None)
    user.groups.add(*groups)
    return user


@pytest.fixture
def editors_group(press_world):
    """Editors write press releases but cannot publish them."""
    index = press_world[0]
    group = Group.objects.create(name="Redaktion")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=index, permission=Permission.objects.get(codename=codename)
        )
    return group


def test_command_sets_up_the_workflows_once(press_world, capsys):
    index, index_en, root_en = press_world
    call_command("wagtail_integration_press_workflow")
    first = capsys.readouterr().out
    assert "created workflow Pressefreigabe" in first
    call_command("wagtail_integration_press_workflow")
    assert "nothing to do" in capsys.readouterr().out
    names = [wf.PRESS_WORKFLOW, wf.TRANSLATED_PRESS_WORKFLOW, wf.TRANSLATION_WORKFLOW]
    assert Workflow.objects.filter(name__in=names).count() == 3
    assert FourEyesApprovalTask.objects.count() == 2
    assert WorkflowPage.objects.get(page=index).workflow.name == wf.PRESS_WORKFLOW
    translated = WorkflowPage.objects.get(page=index_en).workflow
    assert [t.name for t in translated.tasks] == [wf.TRANSLATION_TASK, wf.PRESS_TASK]
    assert WorkflowPage.objects.get(page=root_en).workflow.name == wf.TRANSLATION_WORKFLOW
    # A release gets the workflow of its index, a translated project that of its tree.
    release = f.PressReleasePageFactory(parent=index, live=False)
    assert release.get_workflow().name == wf.PRESS_WORKFLOW


def submit(page, user) -> WorkflowState:
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def approve(client, page, state):
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")


def test_second_person_approves_and_publishes(press_world, editors_group, django_user_model):
    index = press_world[0]
    wf.setup_press_workflows()
    press = Group.objects.get(name=wf.PRESS_GROUP)
    author = editor(django_user_model, "redakteurin", editors_group)
    officer = editor(django_user_model, "pressesprecher", press)
    page = f.PressReleasePageFactory(parent=index, live=False)
    state = submit(page, author)
    client = Client()
    client.force_login(officer)
    response = approve(client, page, state)
    assert response.status_code in (200, 302), response.content[:300]
    page = Page.objects.get(pk=page.pk)
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_submitter_cannot_approve_own_submission(press_world, django_user_model):
    """Even a member of the press office (or a superuser) needs a second person."""
    index = press_world[0]
    wf.setup_press_workflows()
    press = Group.objects.get(name=wf.PRESS_GROUP)
    officer = editor(django_user_model, "pressesprecherin", press)
    boss = django_user_model.objects.create_superuser("chefin", "chefin@example.org", None)
    for submitter in (officer, boss):
        page = f.PressReleasePageFactory(parent=index, live=False)
        state = submit(page, submitter)
        task = state.current_task_state.task.specific
        assert task.get_actions(page, submitter) == []
        client = Client()
        client.force_login(submitter)
        assert approve(client, page, state).status_code == 403
        assert not Page.objects.get(pk=page.pk).live
        moderated = task.get_task_states_user_can_moderate(submitter)
        assert not moderated.filter(workflow_state__requested_by=submitter).exists()
        # Someone else of the group can.
        other = editor(django_user_model, f"kollege-{submitter.pk}", press)
        assert [name for name, *_rest in task.get_actions(page, other)][:2] == [
            "reject",
            "approve",
        ]
