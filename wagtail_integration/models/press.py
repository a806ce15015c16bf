"""The press release index (year and month archive, search, topics and feeds); the release
page itself is in ``press_release`` and stays importable from here."""

from __future__ import annotations

import datetime
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.http import urlencode
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from ..review.models import ReviewDateMixin
from ..search import prefix_search
from ..visibility import visible
from .base import PAGE_API_FIELDS, ChildListingMixin, IntegrationPageMixin
from .common import localised_topics, page_window
from .fields import prose
from .press_filters import PressReleaseFilterForm, TopicChoice, topic_slug
from .snippets import Topic

# Archive URLs take four-digit years; earlier ones are typing errors, not press releases, and
# 9999 has no following year to end its period (``datetime.date`` stops there).
ARCHIVE_FIRST_YEAR = 1000
ARCHIVE_LAST_YEAR = 9998


class AbstractPressReleaseIndexPage(
    ChildListingMixin, IntegrationPageMixin, RoutablePageMixin, ReviewDateMixin, Page
):
    """Releases newest first, with a year and month archive, search, topics and feeds.

    Routes (``RoutablePageMixin``): ``<year>/``, ``<year>/<month>/``, ``feed/rss/`` and
    ``feed/atom/``. The mixin comes after ``IntegrationPageMixin`` so that the headless preview
    still takes precedence over the mixin's own ``serve_preview``.
    """

    page_description = _(
        "The press room: press releases with search, topic filter, year archive and feeds."
    )

    introduction = prose(_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction"), *PAGE_API_FIELDS]

    listing_context_name = "releases"
    # Extension points: a host's index names its own release page type and feed classes.
    release_model = "wagtail_integration.PressReleasePage"
    feed_classes = {
        "rss": "wagtail_integration.outputs.feeds.PressReleaseRssFeed",
        "atom": "wagtail_integration.outputs.feeds.PressReleaseAtomFeed",
    }

    class Meta:
        abstract = True

    # --- Querysets ---------------------------------------------------------------------------

    @classmethod
    def get_release_model(cls) -> type[Page]:
        """The page type this index lists (``release_model``, "app_label.ModelName")."""
        return apps.get_model(cls.release_model)

    def get_releases(self):
        """The live, public releases of this index, newest first."""
        return (
            visible(self.get_release_model().objects.child_of(self).live().public())
            .select_related("publisher")
            .order_by("-release_date", "-pk")
        )

    def get_listing(self):
        """The releases the current request shows (set up by ``get_context``)."""
        listing = getattr(self, "_press_listing", None)
        return self.get_releases() if listing is None else listing

    def get_topic_choices(self, releases=None) -> list[TopicChoice]:
        """Topics of ``releases`` (default: this index's), in the page's language (two queries)."""
        through, release_column = self.topics_through()
        releases = self.get_releases() if releases is None else releases
        release_ids = releases.order_by().values("pk")
        used = Topic.objects.filter(
            pk__in=through.filter(**{f"{release_column}__in": release_ids}).values("topic_id")
        )
        by_key: dict[Any, TopicChoice] = {}
        used = list(used)
        for topic in localised_topics(used, self.locale_id):
            if topic.translation_key not in by_key:
                by_key[topic.translation_key] = TopicChoice(topic, topic_slug(topic))
        for topic in used:
            by_key[topic.translation_key].ids.add(str(topic.pk))
        for choice in by_key.values():
            choice.ids.add(str(choice.topic.pk))
        return sorted(by_key.values(), key=lambda choice: choice.name.casefold())

    @classmethod
    def topics_through(cls) -> tuple[models.QuerySet, str]:
        """The release type's topic link rows and their column naming the release."""
        field = cls.get_release_model()._meta.get_field("topics")
        return field.remote_field.through.objects, f"{field.m2m_field_name()}_id"

    @classmethod
    def filter_by_topic(cls, queryset, choice: TopicChoice):
        """Releases with the topic in any language; a subquery that search backends accept."""
        through, release_column = cls.topics_through()
        ids = through.filter(topic__translation_key=choice.translation_key).values(release_column)
        return queryset.filter(id__in=ids)

    @staticmethod
    def filter_by_period(queryset, year: int | None, month: int | None):
        if year is None:
            return queryset
        if month is None:
            start, end = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
        else:
            start = datetime.date(year, month, 1)
            end = datetime.date(year + (month == 12), month % 12 + 1, 1)
        # A range, not __year: search backends accept plain comparisons only.
        return queryset.filter(release_date__gte=start, release_date__lt=end)

    @staticmethod
    def search(queryset, query: str):
        """Words starting with the query's words (German compounds), newest first."""
        queryset = queryset.select_related(None).order_by("-release_date")
        return prefix_search(queryset, query)

    # --- Routes ------------------------------------------------------------------------------

    @re_path(r"^(\d{4})/$", name="year")
    def year_archive(self, request, year):
        return self.render(request, archive_year=self.valid_year(year))

    @re_path(r"^(\d{4})/(\d{2})/$", name="month")
    def month_archive(self, request, year, month):
        year = self.valid_year(year)
        month = int(month)
        if not 1 <= month <= 12:
            raise Http404("No such month.")
        return self.render(request, archive_year=year, archive_month=month)

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request):
        return self.get_feed_class("rss")(self)(request)

    @path("feed/atom/", name="feed_atom")
    def atom_feed(self, request):
        return self.get_feed_class("atom")(self)(request)

    def get_feed_class(self, kind: str) -> type:
        """The feed class for ``kind`` (``"rss"`` or ``"atom"``), from ``feed_classes``.

        Dotted paths, so the models do not import the outputs (which import the models)."""
        return import_string(self.feed_classes[kind])

    @staticmethod
    def valid_year(value: str) -> int:
        year = int(value)
        if not ARCHIVE_FIRST_YEAR <= year <= ARCHIVE_LAST_YEAR:
            raise Http404("No such year.")
        return year

    def get_feed_urls(self, request=None) -> dict[str, str]:
        """Relative URLs of the page's RSS and Atom feeds (empty when it is not routable)."""
        url = self.get_url(request)
        if not url:
            return {}
        return {
            "rss": self.subpage_url(url, "feed_rss"),
            "atom": self.subpage_url(url, "feed_atom"),
        }

    def subpage_url(self, page_url: str, name: str, args=None) -> str:
        """``page_url`` (the index's URL) joined with the route ``name``."""
        return page_url.rstrip("/") + "/" + self.reverse_subpage(name, args=args).lstrip("/")

    # --- Rendering ---------------------------------------------------------------------------

    def get_context(self, request, *args, archive_year=None, archive_month=None, **kwargs):
        # One base queryset for everything below: each ``.public()`` call costs a query.
        all_releases = self.get_releases()
        topics = self.get_topic_choices(all_releases)
        form = PressReleaseFilterForm(request.GET if request is not None else {}, topics=topics)
        values = form.valid_values()
        query, topic = values.get("q", ""), values.get("topic")
        releases = self.filter_by_period(all_releases, archive_year, archive_month)
        if topic is not None:
            releases = self.filter_by_topic(releases, topic)
        self._press_listing = self.search(releases, query) if query else releases
        try:
            context = super().get_context(request, *args, **kwargs)
        finally:
            self._press_listing = None
        page_obj = context[self.listing_context_name]
        if query:  # search results do not follow select_related
            page_obj.object_list = list(page_obj.object_list)
            prefetch_related_objects(page_obj.object_list, "publisher")
        filter_params = {"q": query} if query else {}
        if topic is not None:
            filter_params["topic"] = topic.slug
        index_url = self.get_url(request) or ""
        archive_date = None
        if archive_year is not None:
            archive_date = datetime.date(archive_year, archive_month or 1, 1)
        context.update(
            {
                "filter_form": form,
                "topic_choices": topics,
                "current_topic": topic,
                "search_query": query,
                "result_count": page_obj.paginator.count,
                "page_numbers": page_window(page_obj),
                "page_query": urlencode(filter_params),
                "is_filtered": bool(values),
                "archive_year": archive_year,
                "archive_month": archive_month,
                "archive_date": archive_date,
                "archive_years": self.get_archive_years(index_url, all_releases),
                "archive_months": self.get_archive_months(index_url, archive_year, all_releases)
                if archive_year is not None
                else [],
                "index_url": index_url,
                "feed_urls": self.get_feed_urls(request),
            }
        )
        return context

    def get_archive_years(self, page_url: str, releases=None) -> list[dict[str, Any]]:
        """Years with releases, newest first, each with its archive URL (one query)."""
        releases = self.get_releases() if releases is None else releases
        dates = releases.order_by().dates("release_date", "year", order="DESC")
        return [
            {"year": day.year, "url": self.subpage_url(page_url, "year", [f"{day.year:04d}"])}
            for day in dates
            if ARCHIVE_FIRST_YEAR <= day.year <= ARCHIVE_LAST_YEAR
        ]

    def get_archive_months(self, page_url: str, year: int, releases=None) -> list[dict[str, Any]]:
        """Months of ``year`` with releases, in calendar order (one query)."""
        releases = self.get_releases() if releases is None else releases
        releases = self.filter_by_period(releases.order_by(), year, None)
        return [
            {
                "date": day,
                "url": self.subpage_url(page_url, "month", [f"{day.year:04d}", f"{day.month:02d}"]),
            }
            for day in releases.dates("release_date", "month", order="ASC")
        ]


class PressReleaseIndexPage(AbstractPressReleaseIndexPage):
    subpage_types = ["wagtail_integration.PressReleasePage"]

    class Meta:
        verbose_name = _("press release index")
        verbose_name_plural = _("press release indexes")


# Split by purpose; these names stay importable from ``models.press``.
from .press_release import (  # noqa: E402
    RELEASE_DATE_HELP,
    AbstractPressReleasePage,
    PressReleasePage,
    PressReleasePageForm,
)

__all__ = [
    "ARCHIVE_FIRST_YEAR",
    "ARCHIVE_LAST_YEAR",
    "RELEASE_DATE_HELP",
    "AbstractPressReleaseIndexPage",
    "AbstractPressReleasePage",
    "PressReleaseIndexPage",
    "PressReleasePage",
    "PressReleasePageForm",
]
