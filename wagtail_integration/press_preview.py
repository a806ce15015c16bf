"""Journalists' preview links: the public view and the admin viewset that issues them.

The view shows the published version of a press release under embargo to whoever holds a
valid link; anything else (unknown or tampered token, expired or revoked link, a release not
yet published) answers a short page with 403 or 404 and never any of the release's content.
Every use with a known link is logged (time, truncated network address, user agent, outcome).
"""

from __future__ import annotations

from django import forms
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, PageChooserPanel
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from .conf import integration_settings
from .models import AbstractPressReleasePage, PressPreviewAccess, PressPreviewLink
from .visibility import is_visible

REFUSALS = {
    "unknown": (404, _("This preview link is not valid.")),
    "revoked": (403, _("This preview link has been revoked.")),
    "expired": (403, _("This preview link has expired.")),
    "not_published": (404, _("This press release is not available for preview.")),
}


def _refuse(request, reason: str) -> TemplateResponse:
    status, message = REFUSALS[reason]
    response = TemplateResponse(
        request,
        "wagtail_integration/press_preview_refused.html",
        {"message": message, "base_template": integration_settings.BASE_TEMPLATE},
        status=status,
    )
    return _private(response)


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def press_preview(request, token: str):
    link = PressPreviewLink.find(token)
    if link is None:
        return _refuse(request, "unknown")
    reason = link.refusal()
    page = link.page.specific
    if reason is None and (not page.live or not isinstance(page, AbstractPressReleasePage)):
        reason = "not_published"
    if reason is not None:
        PressPreviewAccess.log(link, request, reason)
        return _refuse(request, reason)
    if is_visible(page) and page.url:  # the embargo is over: the public page is the source
        PressPreviewAccess.log(link, request, "public")
        return HttpResponseRedirect(page.url)
    PressPreviewAccess.log(link, request, "shown")
    request.is_preview = True  # templates may mark it; Wagtail's own preview does the same
    return _private(page.serve(request))


class PressPreviewLinkForm(WagtailAdminModelForm):
    def clean_page(self):
        page = self.cleaned_data["page"]
        if page is not None and not issubclass(page.specific_class, AbstractPressReleasePage):
            raise forms.ValidationError(_("Choose a press release."), code="not_press_release")
        return page

    def clean_expires_at(self):
        value = self.cleaned_data["expires_at"]
        if not self.instance.pk and value is not None and value <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."), code="past")
        return value


class PressPreviewLinkCreateView(CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        self._token = instance.issue_token()
        instance.created_by = self.request.user
        instance.save()
        return instance

    def get_success_message(self, instance):
        url = self.request.build_absolute_uri(
            reverse("wagtail_integration_press_preview", args=[self._token])
        )
        return _(
            "Preview link for “%(recipient)s”: %(url)s – copy it now, it is shown only once."
        ) % {"recipient": instance.recipient, "url": url}


class _PressPreviewViewSet(ModelViewSet):
    """The press preview's two admin views: side by side in the main menu, inspectable."""

    add_to_admin_menu = True
    inspect_view_enabled = True


class PressPreviewLinkViewSet(_PressPreviewViewSet):
    model = PressPreviewLink
    add_view_class = PressPreviewLinkCreateView
    icon = "link"
    menu_label = _("Press preview links")
    menu_order = 350
    list_display = ["recipient", "page", "expires_at", "revoked", "created_at"]
    list_filter = ["revoked"]
    inspect_view_fields = ["page", "recipient", "expires_at", "revoked", "created_at", "created_by"]
    edit_handler = ObjectList(
        [
            PageChooserPanel("page", ["wagtail_integration.PressReleasePage"]),
            FieldPanel("recipient"),
            FieldPanel("expires_at"),
            FieldPanel("revoked"),
        ],
        base_form_class=PressPreviewLinkForm,
    )


class PressPreviewAccessViewSet(_PressPreviewViewSet):
    """The access log: read only."""

    model = PressPreviewAccess
    icon = "list-ul"
    menu_label = _("Press preview log")
    menu_order = PressPreviewLinkViewSet.menu_order + 1
    list_display = ["accessed_at", "link", "outcome", "ip_network", "user_agent"]
    list_filter = ["outcome"]
    form_fields = ["outcome"]
