from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailIntegrationConfig(AppConfig):
    name = "wagtail_integration"
    label = "wagtail_integration"
    verbose_name = _("Integration networks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from . import checks  # noqa: F401  (registers the system checks)
        from .api.cache import connect_signals
        from .api.http import connect_cors
        from .api.v3 import install_routers
        from .purge import connect_signals as connect_purge_signals
        from .review import checks as review_checks  # noqa: F401
        from .review.rules import connect_signals as connect_review_signals
        from .translation import draft_new_translations, parent_copied_for_translation
        from .translation_sync import connect_signals as connect_translation_sync
        from .workflows import review_new_translated_root

        connect_signals()  # outdates cached API items when content changes
        connect_purge_signals()  # purges an HTTP cache in front when frontend_cache is set up
        # Before the translation sync: a review date moved on publish reaches translations.
        connect_review_signals()
        connect_translation_sync()  # synchronised fields follow the source at once
        draft_new_translations()  # nothing half-translated goes live on "Translate"
        post_save.connect(
            parent_copied_for_translation, dispatch_uid="wagtail_integration_copied_parents"
        )
        post_save.connect(
            review_new_translated_root, dispatch_uid="wagtail_integration_review_new_root"
        )
        install_routers()  # API v3 resources, before any URLconf reads ``api.urls``
        connect_cors()  # the CORS_ALLOWED_ORIGINS setting, through django-cors-headers
