"""``manage.py wagtail_integration_export_organisations FILE``: organisations as CSV or XLSX."""

from wagtail_integration.organisations_io.commands import ExportOrganisationsCommand as Command

__all__ = ["Command"]
