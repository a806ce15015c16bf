"""A workflow task for the four-eyes principle: the person who submits cannot approve."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


def _submitted_by(obj, user) -> bool:
    state = getattr(obj, "current_workflow_state", None)
    return state is not None and user is not None and state.requested_by_id == user.pk


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, except that nobody approves their own submission, not even
    a superuser: a second person of the chosen groups has to."""

    def get_actions(self, obj, user):
        if _submitted_by(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        state = task_state.workflow_state
        if action_name == "approve" and user is not None and state.requested_by_id == user.pk:
            raise PermissionDenied(_("A second person has to approve your submission."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve; whoever submitted cannot approve it "
            "themselves (four-eyes principle)"
        )

    class Meta:
        verbose_name = _("four-eyes approval task")
        verbose_name_plural = _("four-eyes approval tasks")
