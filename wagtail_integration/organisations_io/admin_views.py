"""Admin views: import organisations from a spreadsheet (upload, preview, confirm) and export.

The logic lives in ``importing.py``, shared with the management commands. Import needs the
permission to add organisations; export the permission to add, change or view them.
The uploaded file travels from preview to confirmation inside the form (compressed, base64),
so nothing is stored on the server between the two steps; confirming validates it again.
"""

from __future__ import annotations

import base64
import binascii
import zlib

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from .columns import COLUMNS
from .exporting import export_organisations
from .import_lock import ImportConflict
from .importing import apply_import, plan_import
from .reading import EXTENSIONS, MAX_FILE_BYTES, ImportFileError

IMPORT_PERMISSION = "wagtail_integration.add_organisation"
# Rows that change an existing organisation need this as well.
CHANGE_PERMISSION = "wagtail_integration.change_organisation"
EXPORT_PERMISSIONS = [
    "wagtail_integration.add_organisation",
    "wagtail_integration.change_organisation",
    "wagtail_integration.view_organisation",
]
PREVIEW_ROWS = 200


def can_import(user) -> bool:
    return user.has_perm(IMPORT_PERMISSION)


def refuse_updates_without_permission(plan, user) -> None:
    """Rows that would change an existing organisation become errors for a user who may add
    organisations but not change them: the import is no back door around the admin."""
    if user.has_perm(CHANGE_PERMISSION):
        return
    for row in plan.rows:
        if row.action == "update":
            plan.add_error(
                row.line,
                "name",
                _(
                    "“%(name)s” exists already; changing it needs the permission to change "
                    "organisations. Remove the row or ask an administrator."
                )
                % {"name": row.values.get("name", "")},
            )


def can_export(user) -> bool:
    return any(user.has_perm(permission) for permission in EXPORT_PERMISSIONS)


def locale_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=gettext_lazy("Language"),
        queryset=Locale.objects.all().order_by("language_code"),
        initial=Locale.get_default,
        empty_label=None,
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy(
            "CSV (UTF-8 or Windows-1252, commas or semicolons) or Excel workbook (.xlsx) "
            "with a header row."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"] = locale_field()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB; split it into smaller files.")
                % {"size": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


class ConfirmForm(forms.Form):
    data = forms.CharField(widget=forms.HiddenInput)
    filename = forms.CharField(widget=forms.HiddenInput, max_length=255)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"] = locale_field()
        self.fields["locale"].widget = forms.HiddenInput()

    def clean_data(self) -> bytes:
        try:
            return unpack(self.cleaned_data["data"])
        except (binascii.Error, ValueError, zlib.error) as exc:
            raise forms.ValidationError(_("The upload was damaged; upload it again.")) from exc


def pack(data: bytes) -> str:
    """The file for the confirmation form: compressed, so it stays well below Django's
    DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB of form data) for CSV files of many megabytes."""
    return base64.b64encode(zlib.compress(data, 6)).decode("ascii")


def unpack(text: str) -> bytes:
    decompressor = zlib.decompressobj()
    data = decompressor.decompress(base64.b64decode(text, validate=True), MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES or decompressor.unconsumed_tail:
        raise ValueError("too large")
    return data


class ImportOrganisationsView(WagtailAdminTemplateMixin, View):
    template_name = "wagtail_integration/admin/import_organisations.html"
    page_title = gettext_lazy("Import organisations")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": listing_url(), "label": _("Organisations")},
            {"url": "", "label": self.get_page_title()},
        ]

    def render(self, **context):
        return self.render_to_response(
            self.get_context_data(
                columns=COLUMNS,
                export_csv_url=reverse("wagtail_integration_export_organisations") + "?format=csv",
                export_xlsx_url=reverse("wagtail_integration_export_organisations")
                + "?format=xlsx",
                **context,
            )
        )

    def get(self, request):
        return self.render(upload_form=UploadForm())

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        upload_form = UploadForm(request.POST, request.FILES)
        if not upload_form.is_valid():
            return self.render(upload_form=upload_form)
        upload = upload_form.cleaned_data["file"]
        data = upload.read()
        locale = upload_form.cleaned_data["locale"]
        return self.preview(data, upload.name, locale, upload_form)

    def preview(self, data: bytes, filename: str, locale: Locale, upload_form=None):
        try:
            plan = plan_import(data, filename, locale)
        except ImportFileError as exc:
            return self.render(upload_form=upload_form or UploadForm(), file_error=str(exc))
        refuse_updates_without_permission(plan, self.request.user)
        confirm_form = None
        if plan.ok:
            confirm_form = ConfirmForm(
                initial={
                    "data": pack(data),
                    "filename": filename,
                    "locale": locale.pk,
                }
            )
        return self.render(
            upload_form=UploadForm(),
            plan=plan,
            filename=filename,
            preview_rows=plan.rows[:PREVIEW_ROWS],
            more_rows=max(0, len(plan.rows) - PREVIEW_ROWS),
            counts={
                "create": plan.count("create"),
                "update": plan.count("update"),
                "unchanged": plan.count("unchanged"),
            },
            confirm_form=confirm_form,
        )

    def confirm(self, request):
        form = ConfirmForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The upload was damaged; upload it again."))
            return redirect("wagtail_integration_import_organisations")
        data, filename = form.cleaned_data["data"], form.cleaned_data["filename"]
        locale = form.cleaned_data["locale"]
        try:
            plan = plan_import(data, filename, locale)
        except ImportFileError as exc:
            return self.render(upload_form=UploadForm(), file_error=str(exc))
        refuse_updates_without_permission(plan, request.user)
        if not plan.ok:  # the database changed since the preview (or the data was altered)
            return self.preview(data, filename, locale)
        try:
            result = apply_import(plan)
        except ImportConflict as conflict:  # another import or an editor got there first
            for error in conflict.errors:
                messages.error(request, str(error))
            return self.preview(data, filename, locale)
        messages.success(
            request,
            _(
                "Imported %(file)s: %(created)s created, %(updated)s updated, "
                "%(unchanged)s unchanged."
            )
            % {
                "file": filename,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )
        return redirect(listing_url())


class ExportOrganisationsView(View):
    def get(self, request):
        if not can_export(request.user):
            return permission_denied(request)
        file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
        locale = Locale.objects.filter(language_code=request.GET.get("locale", "")).first()
        locale = locale or Locale.get_default()
        filename = f"organisations-{locale.language_code}.{file_format}"
        content_type = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            if file_format == "xlsx"
            else "text/csv; charset=utf-8"
        )
        german = request.GET.get("headers") == "de"
        data = export_organisations(locale, filename, german=german)
        response = HttpResponse(data, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def listing_url() -> str:
    from ..models import Organisation

    return reverse(Organisation.snippet_viewset.get_url_name("list"))


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


def import_menu_item() -> MenuItem:
    return ImportMenuItem(
        gettext_lazy("Import organisations"),
        reverse("wagtail_integration_import_organisations"),
        icon_name="upload",
        order=900,
    )
