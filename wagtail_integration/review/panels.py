"""The dashboard panel "Due for review": the editor's own pages and snippets."""

from __future__ import annotations

from wagtail.admin.ui.components import Component

# Rows shown at most; more are counted.
PANEL_LIMIT = 20


class ReviewDatesPanel(Component):
    name = "wagtail_integration_review_dates"
    template_name = "wagtail_integration/review/panel.html"
    order = 220  # after Wagtail's moderation panels, before the recent edits

    def __init__(self, request) -> None:
        self.request = request

    def get_context_data(self, parent_context=None):
        from ..conf import integration_settings
        from .items import due_items

        user = self.request.user
        # Administrators also see what nobody is responsible for (content created by code).
        items = due_items(user=user, limit=PANEL_LIMIT + 1, unassigned=user.is_superuser)
        return {
            "items": items[:PANEL_LIMIT],
            "more": len(items) > PANEL_LIMIT,
            "due_days": integration_settings.REVIEW_DUE_DAYS,
            "request": self.request,
        }
