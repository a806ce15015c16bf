"""Translators who may not publish submit a translation for review in wagtail-localize's editor.

wagtail-localize's editor offers *Publish* only to people who may publish the page: everyone
else could fill in segments but had no way to put them on the page or into its workflow. For
them the package's version of the editor template (``wagtail_localize/admin/edit_translation.html``)
adds *Submit for review*: it writes the translated segments into a new draft revision of the
page and starts the page's workflow, as *Submit for moderation* does in Wagtail's own editor.
Whoever approves the last task publishes the translation (``workflows.py``: the translation
review on the translated trees).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import Translation

SUBMIT_NAME = "wagtail_integration-submit-translation"


def submit_translation_for_review(request, page):
    """``before_edit_page`` (before wagtail-localize's): the editor's *Submit for review*."""
    if request.method != "POST" or SUBMIT_NAME not in request.POST:
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    page = Page.objects.get(pk=page.pk).specific
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    workflow = page.get_workflow()
    if page.workflow_in_progress:
        messages.error(request, _("“%(page)s” is already awaiting review.") % {"page": page})
    elif workflow is None or not permissions.can_submit_for_moderation():
        messages.error(
            request,
            _(
                "“%(page)s” has no review workflow: ask someone who may publish it to "
                "publish the translation."
            )
            % {"page": page},
        )
    else:
        try:
            with transaction.atomic():
                translation.save_target(user=request.user, publish=False)
                page.refresh_from_db()
                workflow.start(page, request.user)
        except ValidationError as error:
            messages.error(
                request,
                _("The translation could not be saved: %(errors)s")
                % {"errors": "; ".join(error.messages)},
            )
        else:
            messages.success(
                request,
                _("“%(page)s” in %(language)s has been submitted to “%(workflow)s”.")
                % {
                    "page": page,
                    "language": translation.target_locale.get_display_name(),
                    "workflow": workflow.name,
                },
            )
    return redirect(request.path)
