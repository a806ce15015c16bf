"""Shared pytest fixtures for the wagtail_integration test suite."""

from __future__ import annotations

import io

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


@pytest.fixture(scope="class")
def class_db(django_db_setup, django_db_blocker):
    """A transaction around one test class, for rows its tests share (``class_demo``).

    Each test's own ``db`` runs in a savepoint inside it: what a test changes is undone after
    the test, the shared rows after the class's last test. A test function outside a class
    gets its own (pytest falls back to function scope). Not for transactional tests, which
    would flush the database inside this transaction.
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic._from_testcase = True  # as Django's TestCase: durable blocks may nest in it
        atomic.__enter__()
    try:
        yield django_db_blocker
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def build_demo(blocker, **options) -> str:
    """Run the demo command with database access; its output."""
    from django.core.management import call_command

    out = io.StringIO()
    with blocker.unblock():
        call_command("wagtail_integration_demo", stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="class")
def class_demo(class_db) -> str:
    """The demo content, built once for the tests of a class (a build takes seconds)."""
    return build_demo(class_db)


@pytest.fixture(scope="class")
def class_demo_without_organisations(class_db) -> str:
    """The demo content without its synthetic organisations, built once for a class."""
    return build_demo(class_db, organisations=0)
