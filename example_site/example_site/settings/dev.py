"""Local development settings (the default of manage.py)."""

from .base import *  # noqa: F403

DEBUG = True

# Development only: a fixed key is fine here, production.py reads it from the environment.
SECRET_KEY = "django-insecure-wagtail-integration-example-site-dev-only"  # noqa: S105  # nosec B105

ALLOWED_HOSTS = ["*"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
