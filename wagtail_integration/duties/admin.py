"""Admin of the accessibility feedback: a read-only list with an inspect view.

Messages come from the public form only; editors read and delete them, never add or change
them (the permission policy refuses ``add`` and ``change`` even to superusers).
"""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from ..models import AccessibilityFeedback

try:
    from wagtail.permissions import register_permission_policy
except ImportError:  # Wagtail 7
    register_permission_policy = None


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    READ_ONLY_REFUSED = frozenset({"add", "change"})

    def user_has_permission(self, user, action):
        if action in self.READ_ONLY_REFUSED:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.READ_ONLY_REFUSED)


class AccessibilityFeedbackViewSet(ModelViewSet):
    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Accessibility feedback")
    menu_order = 900
    add_to_admin_menu = True
    name = "accessibility_feedback"
    list_display = ["__str__", "submitted_at", "page", "email", "mailed"]
    list_filter = ["mailed", "language"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "submitted_at",
        "page",
        "language",
        "name",
        "email",
        "content_url",
        "message",
        "mailed",
    ]
    copy_view_enabled = False
    form_fields = ["message"]  # never offered: add and change are refused

    if register_permission_policy is None:  # Wagtail 7: the viewset names its policy

        @cached_property
        def permission_policy(self):
            return ReadOnlyPermissionPolicy(self.model)


if register_permission_policy is not None:  # Wagtail 8 keeps policies in a registry
    register_permission_policy(
        AccessibilityFeedback, ReadOnlyPermissionPolicy(AccessibilityFeedback)
    )


accessibility_feedback_viewset = AccessibilityFeedbackViewSet()
