"""Settings shared by the example site's dev and production settings.

The app list, middleware and i18n settings follow the install contract in docs/install.md.
"""

import importlib.util
import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


# Application definition

# API v3 ships with Wagtail 8; on Wagtail 7 the package serves API v2 only.
HAS_API_V3 = importlib.util.find_spec("wagtail.api.v3") is not None

INSTALLED_APPS = [
    # The example site's home page; before wagtail_integration so that its demo command
    # (which first makes the site root a home page) replaces the package's.
    "example_site.home",
    "wagtail_integration",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces "wagtail.locales"
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    *HAS_API_V3 * ["wagtail.api.v3"],  # Wagtail 8 and newer
    "wagtail",
    "rest_framework",
    "corsheaders",  # CORS for front ends on other origins (WAGTAIL_INTEGRATION below)
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that preflight requests and error answers carry CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Compresses answers (API JSON shrinks about sixfold); before anything reading the body.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"

# No DIRS: the example site's templates are in its home app, the rest ship with
# wagtail_integration.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"


# Database: SQLite file by default, DATABASE_URL (e.g. postgresql://...) when set.

if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "db.sqlite3",
        }
    }


AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]


# Internationalisation

LANGUAGE_CODE = "de"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    # Easy-to-read German (Leichte Sprache) as a locale of its own: "de" plus a BCP 47
    # private-use subtag. Interface texts fall back to German; see docs/translators.md.
    ("de-x-ls", "Leichte Sprache"),
]

# Machine translation in wagtail-localize's editor with DeepL, when a key is set
# (DEEPL_API_KEY; a free-plan key ends in ":fx" and is sent to the free API).
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }


# Static and media files (both inside example_site/, both gitignored)

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields per form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


# Wagtail

WAGTAIL_SITE_NAME = "Integration example"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# Generated slugs transliterate: "Übersicht für Zuwanderer" → "ubersicht-fur-zuwanderer"
# instead of keeping "ü" (shown as %C3%BC in many places); see docs/install.md.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# Settings of the wagtail_integration app; every key and its default is listed in
# docs/install.md ("Settings"). An empty dict means "all defaults".
WAGTAIL_INTEGRATION = {
    # The package's base template plus the site's main navigation (example_site/home).
    "BASE_TEMPLATE": "home/base.html",
    # The privacy notice the demo command adds under the home page (a ContentPage).
    "PRIVACY_URL": "/datenschutz/",
    # A front end served from another origin may call the API and the headless preview.
    "CORS_ALLOWED_ORIGINS": [
        origin
        for origin in os.environ.get("FRONTEND_ORIGINS", "http://localhost:3000").split(",")
        if origin
    ],
}
