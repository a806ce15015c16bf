"""Django settings for the test suite (pytest: DJANGO_SETTINGS_MODULE = "tests.settings").

Same apps and i18n settings as the example site. SQLite in memory by default;
DATABASE_URL (e.g. postgresql://ci:ci@127.0.0.1:5432/ci_test) selects another database.
"""

import atexit
import importlib.util
import os
import shutil
import tempfile

DEBUG = False
SECRET_KEY = "wagtail-integration-tests-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]

# API v3 ships with Wagtail 8; on Wagtail 7 the package serves API v2 only.
HAS_API_V3 = importlib.util.find_spec("wagtail.api.v3") is not None

INSTALLED_APPS = [
    "wagtail_integration",
    "tests.testapp",  # host variants of the abstract pages (not in the wheel)
    # The example site's home page type (after the package: its demo command stays the
    # package's here); the site-walk browser test builds the example site's tree.
    "example_site.example_site.home",
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

ROOT_URLCONF = "tests.urls"

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

if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

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

STATIC_URL = "/static/"
MEDIA_URL = "/media/"
MEDIA_ROOT = tempfile.mkdtemp(prefix="wagtail-integration-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Integration tests"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# wagtail-localize's offline dummy translator (reverses words): no network in tests.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
}

WAGTAIL_INTEGRATION = {}

# Wagtail 7 updates the search and reference indexes in tasks enqueued on commit, which a
# test's rolled-back transaction never reaches; run them at once, as Wagtail 8 does.
if not HAS_API_V3:
    TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "ENQUEUE_ON_COMMIT": False,
        }
    }
