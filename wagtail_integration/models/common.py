"""Helpers the page families share: rich-text features, the visitor's search form and
pagination. Imports nothing from the page modules, so any of them can use it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _

from ..text import SEARCH_MAX_LENGTH, search_terms
from .fields import RICH_TEXT_FEATURES, prose  # noqa: F401  (importable from here as before)
from .snippets import Topic


class SearchForm(forms.Form):
    """A visitor's search term (GET ``q``), cleaned by the package's one search rule
    (:func:`wagtail_integration.text.search_terms`). Subclasses add their filters."""

    q = forms.CharField(label=_("Search term"), required=False, max_length=SEARCH_MAX_LENGTH)

    def clean_q(self) -> str:
        return search_terms(self.cleaned_data["q"])

    def valid_values(self) -> dict[str, Any]:
        """The values that passed validation; the others count as not given."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def paginate(request, queryset, per_page: int):
    """Page of ``queryset`` for ``?page=``; bad or out-of-range numbers fall back sensibly."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page", 1) if request is not None else 1
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def page_window(page_obj, around: int = 3) -> list[int]:
    """First, last and the pages around the current one: what the pagination shows."""
    last = page_obj.paginator.num_pages
    window = range(max(1, page_obj.number - around), min(last, page_obj.number + around) + 1)
    return sorted({1, last, *window})


def localised_topics(topics, locale_id) -> list[Topic]:
    """``topics`` each in ``locale_id`` where translated (one query), keeping their order.

    Translated pages share the source page's topics (wagtail-localize copies the relation).
    """
    topics = list(topics)
    if all(topic.locale_id == locale_id for topic in topics):
        return topics
    translations = {
        topic.translation_key: topic
        for topic in Topic.objects.filter(
            locale_id=locale_id, translation_key__in={topic.translation_key for topic in topics}
        )
    }
    return [translations.get(topic.translation_key, topic) for topic in topics]
