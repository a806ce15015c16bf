"""WSGI config for the example site; set DJANGO_SETTINGS_MODULE for production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.dev")

application = get_wsgi_application()
