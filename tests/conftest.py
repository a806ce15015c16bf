"""Shared pytest fixtures for the wagtail_integration test suite."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page, Site


@pytest.fixture
def locale_de(db) -> Locale:
    """The default locale; Wagtail's migration creates it from LANGUAGE_CODE ("de")."""
    locale, _ = Locale.objects.get_or_create(language_code="de")
    return locale


@pytest.fixture
def locale_en(db) -> Locale:
    locale, _ = Locale.objects.get_or_create(language_code="en")
    return locale


@pytest.fixture
def root_page(locale_de) -> Page:
    """The default site's root page (a plain Wagtail ``Page``)."""
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaktion", email="redaktion@example.org", password=None
    )


@pytest.fixture
def admin_en_client(client, superuser):
    """A client logged in as a superuser whose admin language is English.

    The site language is German; English admin messages keep the assertions readable.
    """
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(superuser)
    return client


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache.

    A test's rows vanish with its rolled-back transaction without any signal, and the next
    test may reuse their ids; production has no such silent rollback of committed content,
    so the API item cache (``api/cache.py``) must not carry answers from one test to the next.
    """
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _site_language(settings):
    """Each test starts in the site language: requests through the test client activate
    their language (LocaleMiddleware, the admin's user language) and leave it active."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
