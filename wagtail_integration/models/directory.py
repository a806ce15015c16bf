"""A directory of organisations: filters, full-text search, A–Z jump list and pagination.

Built for tens of thousands of organisations: alphabetical order uses the stored
``Organisation.sort_key`` (German order, index-friendly on every database), every listing is
paginated, the A–Z jump list is one query of ``EXISTS`` probes, and full-text search goes
through Wagtail's search backend (the database backend by default; Elasticsearch or
OpenSearch for large installations, see docs/directory.md).
"""

from __future__ import annotations

import string
from typing import Any

from django import forms
from django.db import models
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Locale, Page

from ..conf import integration_settings
from ..content import serializers as api
from ..review.models import ReviewDateMixin
from ..search import prefix_search
from .base import PAGE_API_FIELDS, IntegrationPageMixin, UniqueChildrenPageForm
from .common import SearchForm, page_window, paginate
from .fields import prose, synchronised, text_line
from .snippets import Organisation, Topic, german_sort_key

LETTERS = list(string.ascii_lowercase)
OTHER_LETTER = "#"


def letter_filter(letter: str) -> Q:
    """Organisations listed under ``letter`` in the A–Z list (the stored initial)."""
    return Q(sort_initial=letter)


class DirectoryPageForm(UniqueChildrenPageForm):
    """Edits the fixed kinds as check boxes (the model stores a list of kind values)."""

    filter_kinds = forms.MultipleChoiceField(
        label=_("kinds"),
        choices=Organisation.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Show only organisations of these kinds; none ticked shows all kinds."),
    )


class DirectoryFilterForm(SearchForm):
    """The visitor's filters (GET). Invalid values are dropped, never an error page."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    topic = forms.TypedChoiceField(label=_("Topic"), required=False, coerce=int, empty_value=None)
    letter = forms.ChoiceField(
        required=False, choices=[(letter, letter) for letter in [*LETTERS, OTHER_LETTER]]
    )

    def __init__(self, data, *, kinds, municipalities, topics):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + [
            (value, label) for value, label in Organisation.Kind.choices if value in kinds
        ]
        self.fields["municipality"].choices = everything + [(m, m) for m in municipalities]
        self.fields["topic"].choices = everything + [(topic.pk, topic.name) for topic in topics]


class AbstractDirectoryPage(IntegrationPageMixin, ReviewDateMixin, Page):
    """Lists the organisations of the page's locale, all of them or a fixed selection."""

    page_description = _(
        "A searchable A–Z directory of organisations, optionally filtered by kind, "
        "municipality or topic."
    )

    introduction = prose(_("introduction"))
    filter_kinds = models.JSONField(_("kinds"), default=list, blank=True)
    filter_municipality = text_line(
        _("municipality"),
        max_length=120,
        help_text=_("Show only organisations of this municipality, e.g. “Rheine”."),
    )
    filter_topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
        help_text=_("Show only organisations working on at least one of these topics."),
    )

    base_form_class = DirectoryPageForm

    override_translatable_fields = synchronised("filter_kinds", "filter_municipality")

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("filter_kinds"),
                FieldPanel("filter_municipality"),
                FieldPanel("filter_topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Which organisations"),
            help_text=_("Leave empty to list every organisation of the page's language."),
        ),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("selection", serializer=api.DirectorySelectionField()),
        *PAGE_API_FIELDS,
    ]

    class Meta:
        abstract = True

    def get_selection(self) -> dict[str, Any]:
        """The editor's selection: kinds (value, label), municipality, topics; the API shows it
        and lists the organisations with ``?directory=<id>`` (``get_base_queryset``)."""
        labels = dict(Organisation.Kind.choices)
        return {
            "kinds": [(kind, labels[kind]) for kind in self.get_fixed_kinds()],
            "municipality": self.filter_municipality,
            "topics": list(self.filter_topics.all()),
        }

    # --- Querysets ---------------------------------------------------------------------------

    def get_fixed_kinds(self) -> list[str]:
        valid = set(Organisation.Kind.values)
        return [kind for kind in (self.filter_kinds or []) if kind in valid]

    def get_base_queryset(self, *, for_search: bool = False) -> models.QuerySet:
        """The organisations this page lists at all: its locale and the editor's filters."""
        queryset = Organisation.objects.filter(locale_id=self.locale_id)
        kinds = self.get_fixed_kinds()
        if kinds:
            queryset = queryset.filter(kind__in=kinds)
        if self.filter_municipality:
            queryset = queryset.filter(municipality=self.filter_municipality)
        keys = self.get_fixed_topic_keys()
        if keys:
            # Topics match across languages by translation key (a translated page keeps
            # pointing at the source language's topics).
            queryset = queryset.filter(
                topics_condition(for_search=for_search, topic__translation_key__in=keys)
            )
        return queryset

    def get_fixed_topic_keys(self) -> list:
        if not hasattr(self, "_fixed_topic_keys"):
            self._fixed_topic_keys = [topic.translation_key for topic in self.filter_topics.all()]
        return self._fixed_topic_keys

    def get_topics(self) -> models.QuerySet:
        return Topic.objects.filter(locale_id=self.locale_id).order_by("name")

    def get_municipalities(self, queryset: models.QuerySet) -> list[str]:
        if self.filter_municipality:
            return []
        values = queryset.order_by().values_list("municipality", flat=True).distinct()
        return sorted((value for value in values if value), key=german_sort_key)

    def get_available_letters(self, queryset: models.QuerySet) -> set[str]:
        """Letters of the jump list that have entries: one query of EXISTS probes."""
        probes = {
            f"letter_{index}": Exists(queryset.filter(letter_filter(letter)))
            for index, letter in enumerate([*LETTERS, OTHER_LETTER])
        }
        row = Locale.objects.filter(pk=self.locale_id).annotate(**probes).values(*probes).first()
        if row is None:
            return set()
        letters = [*LETTERS, OTHER_LETTER]
        return {letters[int(name.split("_")[1])] for name, found in row.items() if found}

    @staticmethod
    def apply_filters(
        queryset: models.QuerySet, values: dict[str, Any], *, for_search: bool = False
    ) -> models.QuerySet:
        if "kind" in values:
            queryset = queryset.filter(kind=values["kind"])
        if "municipality" in values:
            queryset = queryset.filter(municipality=values["municipality"])
        if "topic" in values:
            queryset = queryset.filter(
                topics_condition(for_search=for_search, topic_id=values["topic"])
            )
        return queryset

    @staticmethod
    def search(queryset: models.QuerySet, query: str):
        """Words starting with the query's words (German compounds), in alphabetical order."""
        return prefix_search(queryset.order_by("sort_key"), query)

    # --- Rendering ---------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.get_base_queryset()
        kinds = self.get_fixed_kinds() or Organisation.Kind.values
        topics = [] if self.get_fixed_topic_keys() else list(self.get_topics())
        form = DirectoryFilterForm(
            request.GET if request is not None else {},
            kinds=kinds if len(kinds) > 1 else [],
            municipalities=self.get_municipalities(base),
            topics=topics,
        )
        values = form.valid_values()
        filtered = self.apply_filters(base, values)
        query = values.get("q", "")
        letter = "" if query else values.get("letter", "")
        letters = set() if query else self.get_available_letters(filtered)
        if letter:
            filtered = filtered.filter(letter_filter(letter))
        ordered = (
            filtered.select_related("logo")
            .prefetch_related("logo__renditions")
            .order_by("sort_key", "pk")
        )
        if query:
            # Search backends take plain field filters only: topics become a pk__in subquery.
            searched = self.apply_filters(
                self.get_base_queryset(for_search=True), values, for_search=True
            )
            results = self.search(searched, query)
        else:
            results = ordered
        organisations = paginate(request, results, integration_settings.PAGE_SIZE)
        if query:  # search results do not follow select_related; prefetch the page's logos
            _prefetch_logos(organisations.object_list)
        filter_params = {
            name: value for name, value in values.items() if name not in ("letter", "page")
        }
        context.update(
            {
                "filter_form": form,
                "organisations": organisations,
                "result_count": organisations.paginator.count,
                "page_numbers": page_window(organisations),
                "search_query": query,
                "current_letter": letter,
                "jump_list": [
                    {"letter": item, "label": item.upper(), "available": item in letters}
                    for item in [*LETTERS, OTHER_LETTER]
                ]
                if not query
                else [],
                "letter_query": urlencode(filter_params),
                "page_query": urlencode(
                    {**filter_params, **({"letter": letter} if letter else {})}
                ),
                "is_filtered": bool(values),
            }
        )
        return context


def topics_condition(*, for_search: bool, **lookups) -> Q | Exists:
    """Organisations with a topic matching ``lookups`` (on the organisation–topic table).

    For listings a correlated ``EXISTS``: the (organisation, topic) index answers it row by
    row, so walking the alphabetical index stops after one page of hits. Search backends
    accept only field filters, so for search it is a ``pk__in`` subquery.
    """
    through = Organisation.topics.through.objects
    if for_search:
        return Q(pk__in=through.filter(**lookups).values("organisation_id"))
    return Exists(through.filter(organisation_id=OuterRef("pk"), **lookups))


def _prefetch_logos(organisations) -> None:
    prefetch_related_objects(list(organisations), "logo__renditions")


class DirectoryPage(AbstractDirectoryPage):
    class Meta:
        verbose_name = _("organisation directory")
        verbose_name_plural = _("organisation directories")
