"""``manage.py wagtail_integration_import_organisations FILE``: organisations from CSV or XLSX."""

from wagtail_integration.organisations_io.commands import ImportOrganisationsCommand as Command

__all__ = ["Command"]
