"""The press office's four-eyes workflow and the review step for translations.

``setup_press_workflows()`` (also ``manage.py wagtail_integration_press_workflow``) creates, or
brings back in line, without duplicating anything:

- the groups "Pressestelle" (approves and publishes press releases) and
  "Übersetzungsprüfung" (reviews translations), with access to the admin;
- a four-eyes approval task for each: a member of the group approves, but never the person
  who submitted;
- the workflow "Pressefreigabe" (press office approval) on every press release index in the
  source language, "Pressefreigabe mit Übersetzungsprüfung" (translation review, then press
  office approval) on the translated press release indexes, and "Übersetzungsprüfung" on the
  root pages of the translated trees, so every other translated page is reviewed as well.

A start page translated later (a language's first translation creates it) gets the translation
review when it is created (``review_new_translated_root``), once the set-up has run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import FourEyesApprovalTask, PressReleaseIndexPage

PRESS_GROUP = "Pressestelle"
TRANSLATION_GROUP = "Übersetzungsprüfung"
PRESS_TASK = "Freigabe durch die Pressestelle"
TRANSLATION_TASK = "Prüfung der Übersetzung"
PRESS_WORKFLOW = "Pressefreigabe"
TRANSLATED_PRESS_WORKFLOW = "Pressefreigabe mit Übersetzungsprüfung"
TRANSLATION_WORKFLOW = "Übersetzungsprüfung"


@dataclass
class SetupResult:
    created: list[str] = field(default_factory=list)
    assigned: list[Page] = field(default_factory=list)


def _group(name: str, result: SetupResult) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    if created:
        result.created.append(f"group {name}")
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(access)
    return group


def _task(name: str, group: Group, result: SetupResult) -> FourEyesApprovalTask:
    task = FourEyesApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(name=name)
        result.created.append(f"task {name}")
    task.groups.add(group)
    return task


def _workflow(name: str, tasks: list, result: SetupResult) -> Workflow:
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
        result.created.append(f"workflow {name}")
    if [t.pk for t in workflow.tasks.order_by("workflow_tasks__sort_order")] != [
        t.pk for t in tasks
    ]:
        WorkflowTask.objects.filter(workflow=workflow).delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def _assign(workflow: Workflow, page: Page, result: SetupResult) -> None:
    current = WorkflowPage.objects.filter(page=page).first()
    if current is None or current.workflow_id != workflow.pk:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        result.assigned.append(page)


def _grant(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def source_locale() -> Locale:
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.filter(language_code=code).first() or Locale.get_default()


@transaction.atomic
def setup_press_workflows() -> SetupResult:
    result = SetupResult()
    press = _group(PRESS_GROUP, result)
    reviewers = _group(TRANSLATION_GROUP, result)
    press_task = _task(PRESS_TASK, press, result)
    review_task = _task(TRANSLATION_TASK, reviewers, result)
    press_flow = _workflow(PRESS_WORKFLOW, [press_task], result)
    translated_press_flow = _workflow(TRANSLATED_PRESS_WORKFLOW, [review_task, press_task], result)
    review_flow = _workflow(TRANSLATION_WORKFLOW, [review_task], result)
    source = source_locale()
    for index in PressReleaseIndexPage.objects.all():
        flow = press_flow if index.locale_id == source.pk else translated_press_flow
        _assign(flow, index, result)
        # The press office edits and publishes releases (its approval publishes them).
        _grant(press, index, ["add_page", "change_page", "publish_page"])
    for site in Site.objects.select_related("root_page"):
        for root in site.root_page.get_translations().exclude(locale=source):
            _assign(review_flow, root, result)
            _grant(reviewers, root, ["change_page"])
    return result


def review_new_translated_root(sender, instance, created=False, raw=False, **kwargs):
    """``post_save``: a site's start page created in another language (wagtail-localize copies
    it for the first translation into that language) gets the translation review at once, as
    ``setup_press_workflows`` gives it to those that existed then."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    workflow = Workflow.objects.filter(name=TRANSLATION_WORKFLOW, active=True).first()
    if workflow is None or instance.locale_id == source_locale().pk:
        return
    if WorkflowPage.objects.filter(page_id=instance.pk).exists():
        return
    if not Site.objects.filter(root_page__translation_key=instance.translation_key).exists():
        return
    WorkflowPage.objects.create(page_id=instance.pk, workflow=workflow)
    reviewers = Group.objects.filter(name=TRANSLATION_GROUP).first()
    if reviewers is not None:
        _grant(reviewers, Page.objects.get(pk=instance.pk), ["change_page"])
