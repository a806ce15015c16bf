"""The snippet admin's delete confirmation and bulk delete, listing what a deletion touches
(``deletion.usage``)."""

from __future__ import annotations

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.functional import cached_property, classproperty
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.snippets import DeleteView

from .usage import LIMIT, Usage, find_usage


class ReferencesDeleteView(DeleteView):
    """Wagtail's snippet delete view, listing the page fields the deletion touches."""

    template_name = "wagtail_integration/admin/confirm_delete.html"

    @cached_property
    def references(self) -> Usage:
        return find_usage(self.object, self.request.user, usage_url=self.usage_url)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        usage = self.references
        context["usage"] = usage
        context["referrers"] = usage.referrers
        context["referrers_limit"] = LIMIT
        context["usage_count"] = usage.count
        context["is_protected"] = context.get("is_protected") or usage.is_protected
        return context


def _usage_url(snippet) -> str:
    name = snippet.snippet_viewset.get_url_name("usage")
    return reverse(name, args=(quote(snippet.pk),)) + "?describe_on_delete=1"


def _uses_references_view(model) -> bool:
    viewset = getattr(model, "snippet_viewset", None)
    view_class = getattr(viewset, "delete_view_class", None)
    return isinstance(view_class, type) and issubclass(view_class, ReferencesDeleteView)


class ReferencesDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete of snippets, with the same lists for each selected object."""

    template_name = "wagtail_integration/admin/confirm_bulk_delete.html"

    @classproperty
    def models(cls):
        return [model for model in DeleteBulkAction.models if _uses_references_view(model)]

    def object_context(self, snippet):
        context = super().object_context(snippet)
        # Wagtail 7 gives a usage URL only when one object is selected.
        context.setdefault("usage_url", _usage_url(snippet))
        usage = find_usage(snippet, self.request.user, usage_url=context["usage_url"])
        context["usage"] = usage
        context["usage_count"] = usage.count
        context["is_protected"] = context.get("is_protected") or usage.is_protected
        return context

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_protected"] = context.get("is_protected") or any(
            item["is_protected"] for item in context["items"]
        )
        return context
