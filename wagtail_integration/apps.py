from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailIntegrationConfig(AppConfig):
    name = "wagtail_integration"
    label = "wagtail_integration"
    verbose_name = _("Integration networks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
        from .api.cache import connect_signals
        from .api.v3 import install_routers
        from .purge import connect_signals as connect_purge_signals

        connect_signals()  # outdates cached API items when content changes
        connect_purge_signals()  # purges an HTTP cache in front when frontend_cache is set up
        install_routers()  # API v3 resources, before any URLconf reads ``api.urls``
