"""The press release index's visitor filters: search term and topic, matched across languages."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .common import SearchForm
from .snippets import Topic


def topic_slug(topic: Topic) -> str:
    return slugify(topic.name) or str(topic.pk)


@dataclass
class TopicChoice:
    """A topic offered by the filter: shown in the page's language, matched across languages."""

    topic: Topic
    slug: str
    ids: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return self.topic.name

    @property
    def translation_key(self):
        return self.topic.translation_key


class PressReleaseFilterForm(SearchForm):
    """The visitor's search and topic filter (GET). Invalid values are named and ignored."""

    topic = forms.CharField(label=_("Topic"), required=False, max_length=200)

    def __init__(self, data, *, topics: list[TopicChoice]):
        super().__init__(data)
        self.topic_choices = topics

    def clean_topic(self) -> TopicChoice | None:
        value = self.cleaned_data["topic"].strip()
        if not value:
            return None
        for choice in self.topic_choices:
            if value == choice.slug or value in choice.ids:
                return choice
        raise ValidationError(
            _("“%(value)s” is not a topic of these press releases."),
            code="unknown_topic",
            params={"value": value},
        )
