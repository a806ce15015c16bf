"""Production settings: everything secret or host-specific comes from the environment.

Required:
  DJANGO_SECRET_KEY              long random string, e.g.
                                 python3 -c "import secrets; print(secrets.token_urlsafe(50))"
  DJANGO_ALLOWED_HOSTS           comma-separated host names, e.g. integration.example.org
Optional:
  DATABASE_URL                   e.g. postgresql://user:password@db:5432/name (default: SQLite)
  DJANGO_CSRF_TRUSTED_ORIGINS    comma-separated https://... origins
  WAGTAILADMIN_BASE_URL          e.g. https://integration.example.org
  DJANGO_SECURE_PROXY_SSL_HEADER 1 behind a TLS proxy that sets X-Forwarded-Proto
  DJANGO_SECURE_SSL_REDIRECT     1 (default) or 0 when the proxy redirects to HTTPS itself
  DJANGO_SECURE_COOKIES          1 (default): session and CSRF cookies only over HTTPS
  DJANGO_SECURE_HSTS_SECONDS     default 31536000 (one year); 0 switches HSTS off
  DJANGO_SECURE_HSTS_PRELOAD     1 (default); 0 before the domain is ready for preload lists
  DJANGO_CONN_MAX_AGE            seconds a database connection is reused (default 60)
  DJANGO_REDIS_URL               the shared cache (default redis://127.0.0.1:6379/0); every
                                 worker and machine of the site must use the same one
  DJANGO_FRONTEND_CACHE_URL      an HTTP cache in front that accepts PURGE, e.g.
                                 http://127.0.0.1:6081 (Varnish; see docs/reliability.md)
  DJANGO_STATIC_ROOT, DJANGO_MEDIA_ROOT   directories for collectstatic and uploads
  DEEPL_API_KEY                  machine translation with DeepL in wagtail-localize

With the defaults, this passes
`python manage.py check --deploy --fail-level WARNING --settings=example_site.settings.production`
(tests/test_deploy.py). Switching an HTTPS option off makes that check warn, on purpose.
Static and media files are not served by Django here: let the web server in front serve
STATIC_ROOT at /static/ and MEDIA_ROOT at /media/.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, MIDDLEWARE, STORAGES


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0, not {value!r}.")


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


DEBUG = False

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip()
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. The production settings read the secret key from the "
        "environment; generate one with "
        'python3 -c "import secrets; print(secrets.token_urlsafe(50))" '
        "and keep it out of version control."
    )

ALLOWED_HOSTS = _env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set: give the site's host names, comma-separated "
        "(e.g. integration.example.org). With DEBUG off Django answers 400 to every other host."
    )
CSRF_TRUSTED_ORIGINS = _env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

if os.environ.get("WAGTAILADMIN_BASE_URL"):
    WAGTAILADMIN_BASE_URL = os.environ["WAGTAILADMIN_BASE_URL"]

# Reusing connections saves a connect per request, which dominates short API requests.
DATABASES["default"]["CONN_MAX_AGE"] = _env_int("DJANGO_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# While the database is unreachable: 503 with Retry-After and one log line per error class
# and interval, not a 500 with a traceback per request (wagtail_integration/middleware.py).
MIDDLEWARE = [
    MIDDLEWARE[0],  # SecurityMiddleware
    "wagtail_integration.middleware.DatabaseUnavailableMiddleware",
    *MIDDLEWARE[1:],
]

# One cache for every worker and machine: the API item cache's generation number and the
# headless preview's tokens only hold when all processes see the same cache (Django's default,
# a local-memory cache, is per process). Django's own Redis backend needs `pip install redis`.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("DJANGO_REDIS_URL", "").strip() or "redis://127.0.0.1:6379/0",
        "KEY_PREFIX": "wagtail_integration_example",
    }
}

# Purge requests to an HTTP cache in front (Varnish, nginx): every URL that shows a changed
# page, snippet, image or document (wagtail_integration.purge, docs/reliability.md).
if os.environ.get("DJANGO_FRONTEND_CACHE_URL"):
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["DJANGO_FRONTEND_CACHE_URL"],
        }
    }

if os.environ.get("DJANGO_STATIC_ROOT"):
    STATIC_ROOT = os.environ["DJANGO_STATIC_ROOT"]
if os.environ.get("DJANGO_MEDIA_ROOT"):
    MEDIA_ROOT = os.environ["DJANGO_MEDIA_ROOT"]

# Machine translation with DeepL when DEEPL_API_KEY is set: see base.py.

# HTTPS only, each part switchable for setups where the proxy in front does it.
if _env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _env_bool("DJANGO_SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = _env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0 and _env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)

# Headers; Wagtail's preview iframe sets SAMEORIGIN on its own views, so DENY is safe.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Hashed file names so browsers never keep outdated CSS/JS after an upgrade
# (needs `manage.py collectstatic` before the first request).
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"

# With DEBUG off Django only mails errors to ADMINS; log them to stderr so the WSGI server's
# log shows the traceback of every 500.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
        "wagtail_integration": {"handlers": ["console"], "level": "WARNING"},
    },
}
