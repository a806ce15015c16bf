"""The factories make valid objects in the default locale ("de")."""

from __future__ import annotations

import pytest

from wagtail_integration.models import NetworkPage, Organisation, PressReleasePage

from . import factories

pytestmark = pytest.mark.django_db

SNIPPET_FACTORIES = [
    factories.OrganisationFactory,
    factories.PersonFactory,
    factories.FundingFactory,
    factories.EventFactory,
    factories.TopicFactory,
]


@pytest.mark.parametrize("factory", SNIPPET_FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_snippets_are_valid_and_german(factory, locale_de):
    for obj in factory.create_batch(3):
        obj.full_clean()
        assert obj.locale == locale_de


def test_organisation_with_logo_and_topics():
    topics = factories.TopicFactory.create_batch(2)
    organisation = factories.OrganisationFactory(with_logo=True, topics=topics)
    organisation = Organisation.objects.get(pk=organisation.pk)
    assert organisation.logo is not None
    assert set(organisation.topics.all()) == set(topics)


@pytest.mark.parametrize(
    "model", list(factories.FULL_PAGE_BUILDERS), ids=lambda model: model.__name__
)
def test_full_pages_are_valid(model, root_page):
    page = factories.FULL_PAGE_BUILDERS[model]()
    page = model.objects.get(pk=page.pk)
    page.full_clean()
    assert page.live
    assert page.locale == root_page.locale
    assert page.url


def test_page_factories_nest_under_the_default_site_root(root_page):
    network = factories.NetworkPageFactory()
    assert network.get_parent().pk == root_page.pk
    release = factories.PressReleasePageFactory()
    assert release.get_parent().specific_class.__name__ == "PressReleaseIndexPage"
    assert isinstance(release, PressReleasePage)
    memberships = factories.NetworkMembershipFactory.create_batch(2, page=network)
    assert list(NetworkPage.objects.get(pk=network.pk).memberships.all()) == memberships
