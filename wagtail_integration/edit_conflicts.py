"""Saves based on an outdated version are refused on the server, not only in the browser.

Pages:

Wagtail's editor sends the revision it loaded (``loaded_revision_id`` and
``loaded_revision_created_at``, or ``overwrite_revision_id`` after an autosave). Wagtail
itself refuses an outdated *autosave* but saves an outdated normal "Save draft" or
"Publish", so an editor who opened the page before a colleague published it overwrote the
colleague's change. ``refuse_outdated_page_save`` (a ``before_edit_page`` hook) answers such
a POST with the edit view of the newest version and a message naming who changed the page
and when; the editor can then copy their change into it. A POST with no revision
information (scripts, tests) is left alone, as Wagtail does, and so is a newer revision by
the same editor: the editor's own autosave can land while the editor presses "Publish".

Snippets of the package (organisations, people, funding, topics, events) have no revisions.
``refuse_outdated_snippet_save`` (a ``before_edit_snippet`` hook) keeps the values an editor's
edit form showed in their session and refuses a save when the stored object has changed since
then, naming the fields that changed. Two tabs of the same editor share the session: the
form opened last counts.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

SESSION_PREFIX = "wagtail_integration:snippet_form:"


def is_outdated(request, page) -> bool:
    """The same rule as Wagtail's edit view applies to autosaves."""
    latest = page.get_latest_revision()
    if latest is None or latest.user_id == getattr(request.user, "pk", None):
        return False
    if overwrite := request.POST.get("overwrite_revision_id"):
        return overwrite != str(latest.pk)
    if loaded := request.POST.get("loaded_revision_id"):
        if loaded != str(latest.pk):
            return True
        created = request.POST.get("loaded_revision_created_at", "")
        return created != latest.created_at.isoformat()
    return False


def refuse_outdated_page_save(request, page):
    if request.method != "POST" or request.headers.get("Accept") == "application/json":
        return None  # Wagtail refuses outdated autosaves itself
    if not is_outdated(request, page):
        return None
    latest = page.get_latest_revision()
    who = (
        (latest.user.get_full_name() or latest.user.get_username()) if latest.user else _("someone")
    )
    when = formats.date_format(timezone.localtime(latest.created_at), "DATETIME_FORMAT")
    messages.error(
        request,
        _(
            "Not saved: %(who)s changed “%(title)s” on %(when)s, after you opened it. "
            "Saving would have overwritten that change. The newest version is shown; "
            "make your change again."
        )
        % {"who": who, "title": page.get_admin_display_title(), "when": when},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def _values(instance) -> dict[str, str]:
    return {
        field.name: str(field.value_from_object(instance))
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }


def refuse_outdated_snippet_save(request, instance):
    if instance._meta.app_label != "wagtail_integration" or instance.pk is None:
        return None
    key = f"{SESSION_PREFIX}{instance._meta.label_lower}:{instance.pk}"
    current = _values(instance)  # loaded from the database by this request
    if request.method == "GET":
        request.session[key] = current
        return None
    if request.method != "POST" or key not in request.session:
        return None
    shown = request.session[key]
    changed = [name for name, value in current.items() if shown.get(name) != value]
    if not changed:
        return None
    fields = [str(instance._meta.get_field(name).verbose_name) for name in changed]
    messages.error(
        request,
        _(
            "Not saved: someone else changed %(fields)s of “%(object)s” after you opened it. "
            "Saving would have overwritten that change. The newest version is shown; make "
            "your change again."
        )
        % {"fields": get_text_list(fields, _("and")), "object": instance},
    )
    return redirect(request.get_full_path())
