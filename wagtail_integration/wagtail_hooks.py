from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import admin_views
from .snippets import IntegrationViewSetGroup

register_snippet(IntegrationViewSetGroup)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path(
            "integration/organisations/import/",
            admin_views.ImportOrganisationsView.as_view(),
            name="wagtail_integration_import_organisations",
        ),
        path(
            "integration/organisations/export/",
            admin_views.ExportOrganisationsView.as_view(),
            name="wagtail_integration_export_organisations",
        ),
    ]


@hooks.register("register_wagtail_integration_menu_item")
def register_import_menu_item():
    return admin_views.import_menu_item()
