"""The press release feeds load their items through the shared loading: queries constant."""

from __future__ import annotations

import datetime

import pytest
from defusedxml import ElementTree
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from wagtail_integration.models import PressReleasePage

from .. import factories as f

pytestmark = pytest.mark.django_db

FEED_LENGTH = 20


def index_with_releases(n: int):
    """An index with ``n`` releases, each with a topic, a publisher and images and a document."""
    index = f.PressReleaseIndexPageFactory()
    topic = f.TopicFactory()
    for i in range(n):
        f.PressReleasePageFactory(
            parent=index,
            release_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=i),
            lead="Kurzmeldung.",
            publisher=f.OrganisationFactory(with_logo=True),
            media=f.media_stream([f.ImageFactory()], [f.DocumentFactory()]),
            body=f.body_stream(),
            topics=[topic],
        )
    return index


def feed(client, index, kind: str) -> bytes:
    response = client.get(f"{index.url}feed/{kind}/")
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_of_twenty_releases_needs_no_more_queries_than_one_of_two(
    client, django_assert_max_num_queries, kind
):
    small, large = index_with_releases(2), index_with_releases(FEED_LENGTH + 1)
    feed(client, small, kind)  # warm-up: renditions
    reset_queries()  # the query log is capped: building the pages filled it
    with CaptureQueriesContext(connection) as context:
        feed(client, small, kind)
    few = len(context)  # read now: the count is taken from the log, which is reset below
    feed(client, large, kind)
    reset_queries()
    with django_assert_max_num_queries(few, info=f"{FEED_LENGTH} items vs 2"):
        content = feed(client, large, kind)
    root = ElementTree.fromstring(content)
    items = root.findall("./channel/item") or root.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(items) == FEED_LENGTH


def test_feed_items_carry_the_first_media_image_and_the_topic(client):
    index = index_with_releases(1)
    release = PressReleasePage.objects.child_of(index).get()
    image = release.media[0].value["image"]
    root = ElementTree.fromstring(feed(client, index, "rss"))
    (item,) = root.findall("./channel/item")
    enclosure = item.find("enclosure")
    assert enclosure is not None
    assert image.get_rendition("max-1600x1200").url in enclosure.get("url")
    assert [c.text for c in item.findall("category")] == [release.topics.get().name]
