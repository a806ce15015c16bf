"""System checks that tell an installer, in one sentence each, what is missing."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.urls import NoReverseMatch, reverse

REQUIRED_APPS = [
    ("wagtail_localize", "E001"),
    ("wagtail_localize.locales", "E002"),
    ("rest_framework", "E003"),
    ("wagtail.api.v2", "E004"),
]


@register(Tags.compatibility)
def check_installed_apps(app_configs, **kwargs):
    errors = []
    for app, code in REQUIRED_APPS:
        if not apps.is_installed(app):
            errors.append(
                Error(
                    f"wagtail_integration needs '{app}' in INSTALLED_APPS.",
                    hint=f"Add '{app}' to INSTALLED_APPS (see the install guide).",
                    id=f"wagtail_integration.{code}",
                )
            )
    if apps.is_installed("wagtail.locales") and apps.is_installed("wagtail_localize.locales"):
        errors.append(
            Error(
                "'wagtail.locales' and 'wagtail_localize.locales' are both installed.",
                hint="Remove 'wagtail.locales' from INSTALLED_APPS; "
                "'wagtail_localize.locales' replaces it.",
                id="wagtail_integration.E005",
            )
        )
    return errors


@register(Tags.compatibility)
def check_i18n(app_configs, **kwargs):
    errors = []
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        errors.append(
            Error(
                "wagtail_integration needs WAGTAIL_I18N_ENABLED = True for its translated content.",
                hint="Set WAGTAIL_I18N_ENABLED = True and list your languages in "
                "WAGTAIL_CONTENT_LANGUAGES.",
                id="wagtail_integration.E006",
            )
        )
    if not isinstance(getattr(settings, "WAGTAIL_INTEGRATION", {}), dict):
        errors.append(
            Error(
                "WAGTAIL_INTEGRATION must be a dict.",
                hint="Write WAGTAIL_INTEGRATION = {...} with the keys listed in the install guide.",
                id="wagtail_integration.E007",
            )
        )
    else:
        from .conf import DEFAULTS

        unknown = sorted(set(getattr(settings, "WAGTAIL_INTEGRATION", {})) - set(DEFAULTS))
        if unknown:
            errors.append(
                Warning(
                    f"WAGTAIL_INTEGRATION has unknown keys: {', '.join(unknown)}.",
                    hint="Check the spelling against the settings table in the install guide.",
                    id="wagtail_integration.W001",
                )
            )
    return errors


@register(Tags.urls)
def check_urls(app_configs, **kwargs):
    from .conf import integration_settings

    if not integration_settings.API_V2_ENABLED:
        return []
    try:
        reverse("wagtail_integration_api_v2:pages:listing")
    except NoReverseMatch:
        return [
            Warning(
                "wagtail_integration's URLs are not included, so its API is not served and "
                "the pages' calendar (.ics) and vCard (.vcf) links answer 404.",
                hint=INCLUDE_HINT,
                id="wagtail_integration.W002",
            )
        ]
    return []


def _is_process_local(alias: str) -> bool:
    from django.core.cache import caches
    from django.core.cache.backends.dummy import DummyCache
    from django.core.cache.backends.locmem import LocMemCache

    try:
        backend = caches[alias]
    except Exception:  # an unknown alias is Django's own error (caches.E001)
        return False
    return isinstance(backend, LocMemCache | DummyCache)


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Several workers or machines need one cache: a per-process cache serves each worker's
    own, outdated API items and loses preview tokens stored by another worker."""
    from .conf import integration_settings

    if settings.DEBUG:
        return []
    warnings = []
    alias = integration_settings.API_CACHE_ALIAS
    if integration_settings.API_CACHE_TIMEOUT and _is_process_local(alias):
        warnings.append(
            Warning(
                f"The API item cache uses the process-local cache {alias!r}: with several "
                "workers each keeps its own copy and serves outdated (even unpublished) "
                "content after a change made in another process.",
                hint=f"Point CACHES[{alias!r}] at a shared cache such as "
                "django.core.cache.backends.redis.RedisCache, or set "
                'WAGTAIL_INTEGRATION["API_CACHE_TIMEOUT"] = 0 (see the install guide).',
                id="wagtail_integration.W020",
            )
        )
    if integration_settings.HEADLESS_PREVIEW_URL and _is_process_local("default"):
        warnings.append(
            Warning(
                "The headless preview stores its tokens in the process-local default cache: "
                "a preview fails whenever the front end's request reaches another worker.",
                hint="Point CACHES['default'] at a shared cache such as "
                "django.core.cache.backends.redis.RedisCache (see the install guide).",
                id="wagtail_integration.W021",
            )
        )
    return warnings


INCLUDE_HINT = (
    'Add path("", include("wagtail_integration.urls")) to your urls.py before '
    "Wagtail's own include."
)
OWN_URLCONF = "wagtail_integration.urls"
WAGTAIL_URLCONF = "wagtail.urls"


def _walk(patterns, locale_prefixed=False):
    """(pattern, inside i18n_patterns) for every pattern of a URLconf, depth first, in the
    order Django tries them."""
    from django.urls import URLResolver
    from django.urls.resolvers import LocalePrefixPattern

    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            prefixed = locale_prefixed or isinstance(pattern.pattern, LocalePrefixPattern)
            yield pattern, prefixed
            yield from _walk(pattern.url_patterns, prefixed)
        else:
            yield pattern, locale_prefixed


def _urlconf_name(resolver) -> str:
    module = getattr(resolver, "urlconf_name", None)
    return module if isinstance(module, str) else getattr(module, "__name__", "")


@register(Tags.urls)
def check_url_layout(app_configs, **kwargs):
    """The URL steps of the install guide: the package's include before Wagtail's catch-all,
    Wagtail's pages inside ``i18n_patterns``, and (if the API is off, so W002 is silent) the
    calendar and vCard links served."""
    from django.urls import URLResolver, get_resolver

    from .conf import integration_settings

    messages = []
    entries = list(_walk(get_resolver().url_patterns))
    resolvers = [(p, prefixed) for p, prefixed in entries if isinstance(p, URLResolver)]
    own = [i for i, (p, _) in enumerate(resolvers) if _urlconf_name(p) == OWN_URLCONF]
    wagtail = [i for i, (p, _) in enumerate(resolvers) if _urlconf_name(p) == WAGTAIL_URLCONF]
    if own and wagtail and own[0] > wagtail[0]:
        messages.append(
            Warning(
                "wagtail_integration's URLs come after Wagtail's catch-all, which answers "
                "their addresses (API, .ics, .vcf) with 404 first.",
                hint='Move path("", include("wagtail_integration.urls")) above Wagtail\'s '
                "include in urls.py.",
                id="wagtail_integration.W003",
            )
        )
    if wagtail and not any(resolvers[i][1] for i in wagtail):
        messages.append(
            Warning(
                "Wagtail's page URLs are not inside i18n_patterns, so translated pages have "
                "no language prefix (/en/...) and cannot be reached.",
                hint='Write *i18n_patterns(path("", include(wagtail_urls)), '
                "prefix_default_language=False) as the last entry of urlpatterns.",
                id="wagtail_integration.W004",
            )
        )
    if not own and not integration_settings.API_V2_ENABLED:
        messages.append(
            Warning(
                "wagtail_integration's URLs are not included, so the pages' calendar (.ics) "
                "and vCard (.vcf) links answer 404.",
                hint=INCLUDE_HINT,
                id="wagtail_integration.W007",
            )
        )
    return messages


@register(Tags.compatibility)
def check_language_setup(app_configs, **kwargs):
    """LocaleMiddleware and a LANGUAGE_CODE that is one of the content languages."""
    messages = []
    middleware = list(getattr(settings, "MIDDLEWARE", None) or [])
    if "django.middleware.locale.LocaleMiddleware" not in middleware:
        messages.append(
            Warning(
                "django.middleware.locale.LocaleMiddleware is not in MIDDLEWARE, so every "
                "page, form message and API answer is in LANGUAGE_CODE, whatever the URL says.",
                hint="Add it after SessionMiddleware and before CommonMiddleware.",
                id="wagtail_integration.W005",
            )
        )
    content_languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or getattr(
        settings, "LANGUAGES", []
    )
    codes = {code.lower() for code, _name in content_languages}
    if settings.LANGUAGE_CODE.lower() not in codes:
        messages.append(
            Warning(
                f"LANGUAGE_CODE = {settings.LANGUAGE_CODE!r} is not one of "
                f"WAGTAIL_CONTENT_LANGUAGES ({', '.join(sorted(codes))}), so the default "
                "locale of the content does not match the site language.",
                hint='Set LANGUAGE_CODE to a content language, e.g. "de" (wagtail start '
                'writes "en-us"), before the first migrate.',
                id="wagtail_integration.W006",
            )
        )
    return messages


@register(Tags.compatibility, deploy=True)
def check_privacy_url(app_configs, **kwargs):
    """A public site needs its privacy notice linked on every page (GDPR Art. 13); the
    package footer links it only when ``PRIVACY_URL`` says where it is."""
    from .conf import integration_settings

    value = integration_settings.PRIVACY_URL
    values = list(value.values()) if isinstance(value, dict) else [value]
    if value is None or value == {}:
        return [
            Warning(
                "WAGTAIL_INTEGRATION['PRIVACY_URL'] is not set, so the package footer has no "
                "link to the privacy notice (Datenschutz).",
                hint='Set it to the URL or page id of your privacy notice, e.g. "/datenschutz/" '
                "(see the install guide).",
                id="wagtail_integration.W030",
            )
        ]
    if not all(isinstance(v, str | int) and not isinstance(v, bool) for v in values):
        return [
            Error(
                "WAGTAIL_INTEGRATION['PRIVACY_URL'] must be a URL, a page id or a dict of "
                "language code to either.",
                hint='For example "/datenschutz/", 42 or {"de": "/datenschutz/", '
                '"en": "/en/privacy/", "": "/datenschutz/"}.',
                id="wagtail_integration.E033",
            )
        ]
    return []
