"""RSS 2.0 and Atom feeds of a press release index, built with Django's syndication framework.

Each translation of an index is a page of its own, so each language has its own feeds; they
are served as routes of the index (``feed/rss/``, ``feed/atom/``, see
``AbstractPressReleaseIndexPage``). Items are the index's live, public releases only.
"""

from __future__ import annotations

import datetime
import mimetypes
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.contrib.syndication.views import Feed
from django.utils import feedgenerator
from django.utils.html import escape
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext, override

from ..conf import integration_settings
from ..content.loading import load_pages_now
from ..models.common import localised_topics
from ..text import clean_text, isolate, plain_text

DEFAULT_RENDITION = "max-1600x1200"


def xml_text(value: Any) -> str:
    """``value`` as text that an XML 1.0 document can hold (the package's text rules)."""
    return clean_text(value or "", xml=True)


def html_text(value: Any) -> str:
    """Plain text escaped once more, as Django's feeds do for titles: many readers treat
    feed text as HTML, so markup typed into a field shows as text there instead of running.
    Every text of the feed goes through here, so all of them behave the same."""
    return escape(xml_text(value))


def lead_image(release):
    """The first image of the release's media (loaded with ``load_pages_now``), or None."""
    for block in release.media:
        if block.block_type == "image" and block.value.get("image") is not None:
            return block.value["image"]
    return None


class PressReleaseRssFeed(Feed):
    """RSS 2.0 feed of one press release index (one language)."""

    feed_type = feedgenerator.Rss201rev2Feed
    #: Newest releases in the feed; readers poll it and keep what they have seen.
    feed_length = 20

    def __init__(self, index) -> None:
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        # Links use the page's site (its hostname and port), not the host the request named.
        parts = urlsplit(self.index.get_full_url(request) or request.build_absolute_uri("/"))
        self.site_url = f"{parts.scheme}://{parts.netloc}/"
        with override(self.language):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index

    # --- The feed ----------------------------------------------------------------------------

    def title(self, index) -> str:
        return html_text(index.title)

    def link(self, index) -> str:
        return index.get_full_url(self.request)

    def description(self, index) -> str:
        return html_text(gettext("Press releases: %(title)s") % {"title": isolate(index.title)})

    def feed_url(self, index) -> str:
        return urljoin(self.site_url, self.request.path)

    def items(self, index) -> list:
        releases = list(
            index.get_releases()
            .defer("body", "events")
            .prefetch_related("topics")[: self.feed_length]
        )
        # The media stream through the shared loading: its images with their renditions in
        # one fetch for all items; body and events are not read here.
        load_pages_now(releases, streams=["media"], related=False, translations=False)
        self._prefetch_topics(releases)
        return releases

    def _prefetch_topics(self, releases) -> None:
        """Topics of all items in the index's language: one query for all of them."""
        topics = localised_topics(
            {topic for release in releases for topic in release.topics.all()},
            self.index.locale_id,
        )
        by_key = {topic.translation_key: topic for topic in topics}
        for release in releases:
            release._feed_topics = [by_key[topic.translation_key] for topic in release.topics.all()]

    # --- Items -------------------------------------------------------------------------------

    def item_title(self, release) -> str:
        return html_text(release.title)

    def item_description(self, release) -> str:
        return html_text(plain_text(release.lead or release.subheadline, rich=False))

    def item_link(self, release) -> str:
        return release.get_full_url(self.request)

    def item_guid(self, release) -> str:
        return release.get_full_url(self.request)

    def item_pubdate(self, release) -> datetime.datetime:
        return datetime.datetime.combine(
            release.release_date, datetime.time(), tzinfo=get_default_timezone()
        )

    def item_updateddate(self, release) -> datetime.datetime:
        """Atom requires ``<updated>`` in every entry (RFC 4287, 4.1.2): the last publication,
        never before the release date."""
        released = self.item_pubdate(release)
        last = release.last_published_at
        return max(released, last) if last is not None else released

    def item_author_name(self, release) -> str | None:
        # A name embedded in the entry's text (often in Latin script): isolated when RTL.
        return html_text(isolate(release.publisher)) if release.publisher_id else None

    def item_categories(self, release) -> list[str]:
        return [html_text(topic.name) for topic in getattr(release, "_feed_topics", [])]

    def item_enclosures(self, release) -> list[feedgenerator.Enclosure]:
        image = lead_image(release)
        if image is None:
            return []
        spec = integration_settings.IMAGE_RENDITIONS.get("large", DEFAULT_RENDITION)
        rendition = image.get_renditions(spec)[spec]  # no cache write-back per request
        try:
            length = rendition.file.size
        except (OSError, ValueError):  # a file missing from storage: length unknown
            length = 0
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        url = urljoin(self.site_url, rendition.url)
        return [feedgenerator.Enclosure(url, str(length), mime_type)]


class PressReleaseAtomFeed(PressReleaseRssFeed):
    """Atom 1.0 feed of one press release index (one language)."""

    feed_type = feedgenerator.Atom1Feed

    def subtitle(self, index) -> str:
        return self.description(index)
