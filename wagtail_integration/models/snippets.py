"""Reusable content shared by many pages: organisations, people, funding, events, topics.

All of them are translatable snippets (wagtail-localize). Prose is translated; data such as
names, e-mail addresses, phone numbers, URLs, postcodes and dates is synchronised.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.images import get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..content.pages import office
from ..review.models import ReviewDateMixin

# Field mixins, validators and sort keys live in ``fields``; importable from here as before.
from .fields import (  # noqa: F401
    ADDRESS_SYNC_FIELDS,
    INLINE_RICH_TEXT_FEATURES,
    AddressFields,
    ContactDetails,
    PhoneFields,
    findable,
    german_sort_key,
    optional_link,
    phone_validator,
    prose,
    reject_line_breaks,
    sort_key_initial,
    synchronised,
    text_line,
)


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject an organisation works on (language courses, counselling, sport …)."""

    name = text_line(_("name"), max_length=120, required=True)

    # locale_id: the admin's chooser and listing filter a search by locale.
    search_fields = [
        *findable("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(
    TranslatableMixin,
    AddressFields,
    ContactDetails,
    ReviewDateMixin,
    index.Indexed,
    ClusterableModel,
):
    """A public body, welfare provider, migrant organisation, association or company."""

    class Kind(models.TextChoices):
        PUBLIC_BODY = "public_body", _("Public body")
        WELFARE_PROVIDER = "welfare_provider", _("Independent welfare provider")
        MIGRANT_ORGANISATION = "migrant_organisation", _("Migrant organisation")
        ASSOCIATION = "association", _("Association")
        EDUCATION = "education", _("Education or research institution")
        COMPANY = "company", _("Company")
        MEDIA = "media", _("Media")
        NETWORK = "network", _("Network or cooperation")
        OTHER = "other", _("Other")

    name = text_line(_("name"), required=True)
    short_name = text_line(_("short name"), max_length=80)
    unit = text_line(
        _("unit"),
        help_text=_("Department or office within the organisation, e.g. the press office."),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    municipality = text_line(
        _("municipality"),
        max_length=120,
        help_text=_("Town, city or district the organisation belongs to."),
    )
    website = models.URLField(_("website"), blank=True)
    logo = optional_link(get_image_model_string(), _("logo"))
    description = prose(_("description"), features=INLINE_RICH_TEXT_FEATURES)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    sort_key = models.CharField(
        _("sort key"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("The name in German alphabetical order; computed on save."),
    )
    sort_initial = models.CharField(
        _("initial"),
        max_length=1,
        blank=True,
        editable=False,
        help_text=_("Letter of the A–Z list (a–z, or # for anything else); computed on save."),
    )

    search_fields = [
        *findable("name", boost=3),
        index.SearchField("short_name", boost=2),
        index.SearchField("description"),
        # Visitors' searches match word beginnings in these (wagtail_integration.search).
        index.AutocompleteField("short_name"),
        index.AutocompleteField("description"),
        index.FilterField("kind"),
        index.FilterField("municipality"),
        index.FilterField("locale_id"),
        index.FilterField("sort_key"),
        index.FilterField("id"),  # the directory's topic filter: pk__in=<subquery>
    ]

    # name, unit and description are prose; kind, website and e-mail are synchronised by
    # wagtail-localize itself (choices, URLField, EmailField); the logo is an image.
    override_translatable_fields = [
        *synchronised("short_name", "phone", "fax", "municipality"),
        # wagtail-localize ignores many-to-many fields unless declared: translations share
        # the source's topics; ``localized_topics`` shows them in the organisation's language.
        SynchronizedField("topics"),
        *ADDRESS_SYNC_FIELDS,
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["locale", "sort_key"], name="wi_org_locale_sort_key"),
            models.Index(
                fields=["locale", "sort_initial", "sort_key"], name="wi_org_locale_initial"
            ),
            models.Index(fields=["locale", "municipality"], name="wi_org_locale_municipality"),
            models.Index(fields=["locale", "kind", "sort_key"], name="wi_org_locale_kind_sort"),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.unit}" if self.unit else self.name

    def save(self, *args, **kwargs):
        self.sort_key = german_sort_key(self.name)
        self.sort_initial = sort_key_initial(self.sort_key)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_key", "sort_initial"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        reject_line_breaks(self, ("website", "email", "phone", "fax"))

    @property
    def localized_topics(self) -> list[Topic]:
        """The topics, each in this organisation's locale where translated (two queries)."""
        topics = list(self.topics.all())
        if not topics:
            return []
        translations = {
            topic.translation_key: topic
            for topic in Topic.objects.filter(
                locale_id=self.locale_id,
                translation_key__in=[topic.translation_key for topic in topics],
            )
        }
        return [translations.get(topic.translation_key, topic) for topic in topics]


class Person(
    TranslatableMixin, AddressFields, ContactDetails, ReviewDateMixin, index.Indexed, models.Model
):
    """A contact person, speaker, press officer or lecturer."""

    academic_title = text_line(_("academic title"), max_length=40, help_text=_("For example “Dr.”"))
    first_name = text_line(_("first name"), max_length=120)
    last_name = text_line(_("last name"), max_length=120, required=True)
    position = text_line(_("position"), help_text=_("For example “Head of the press office”"))
    organisation = optional_link(Organisation, _("organisation"), related_name="people")
    photo = optional_link(get_image_model_string(), _("photo"))
    building = text_line(_("building"), max_length=80)
    room = text_line(_("room"), max_length=40)

    search_fields = [
        index.SearchField("last_name", boost=3),
        index.SearchField("first_name", boost=2),
        index.AutocompleteField("last_name"),
        index.SearchField("position"),
        index.AutocompleteField("first_name"),
        index.AutocompleteField("position"),
        index.FilterField("locale_id"),
        index.FilterField("organisation_id"),  # API filter
    ]

    override_translatable_fields = [
        *synchronised("academic_title", "first_name", "last_name", "phone", "fax"),
        *synchronised("building", "room"),
        *ADDRESS_SYNC_FIELDS,
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        super().clean()
        reject_line_breaks(self, ("email", "phone", "fax"))

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.academic_title, self.first_name, self.last_name) if p)

    @property
    def office(self) -> str:
        return office(self.building, self.room)


class Funding(TranslatableMixin, index.Indexed, models.Model):
    """A funding programme or funder, with the attribution text the funder requires."""

    name = text_line(_("name"), required=True, help_text=_("Funding programme, e.g. “LEADER”."))
    funder = text_line(
        _("funder"),
        help_text=_("Who pays, e.g. the European Union (EAFRD) or a federal state ministry."),
    )
    description = prose(_("description"), features=INLINE_RICH_TEXT_FEATURES)
    attribution = text_line(
        _("attribution"),
        help_text=_("The wording the funder requires next to its logo, e.g. “Funded by …”."),
    )
    logo = optional_link(get_image_model_string(), _("logo"))
    url = models.URLField(_("link"), blank=True)

    search_fields = [
        *findable("name"),
        *findable("funder"),
        index.FilterField("locale_id"),  # the admin's chooser and listing filter by locale
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding")
        verbose_name_plural = _("funding")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Event(TranslatableMixin, AddressFields, index.Indexed, models.Model):
    """A meeting, training, conference or working-group session referenced by pages."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Network meeting")
        WORKING_GROUP = "working_group", _("Working-group meeting")
        TRAINING = "training", _("Training")
        CONFERENCE = "conference", _("Conference")
        PARTNER_EVENT = "partner_event", _("Partner event")
        OTHER = "other", _("Other")

    title = text_line(_("title"), required=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.MEETING)
    topic = text_line(_("topic"))
    description = prose(_("description"), features=INLINE_RICH_TEXT_FEATURES)
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    venue = text_line(_("venue"))
    lecturer = optional_link(Person, _("lecturer"))
    organiser = optional_link(Organisation, _("organiser"))
    registration_url = models.URLField(_("registration link"), blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_(
            "Where participants join online (video conference, live stream). With a venue "
            "as well, the event counts as held both on site and online."
        ),
    )

    search_fields = [
        *findable("title", boost=2),
        index.SearchField("topic"),
        *findable("description"),
        index.AutocompleteField("venue"),
        index.FilterField("start_date"),
        index.FilterField("kind"),
        # API filters
        index.FilterField("locale_id"),
        index.FilterField("topic"),
        index.FilterField("city"),
    ]

    override_translatable_fields = [
        *synchronised("start_date", "start_time", "end_date", "end_time"),
        *ADDRESS_SYNC_FIELDS,
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start_date", "start_time"]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_date:%d.%m.%Y})" if self.start_date else self.title

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        elif (
            self.start_time
            and self.end_time
            and (self.end_date in (None, self.start_date))
            and self.end_time < self.start_time
        ):
            errors["end_time"] = _("The end time cannot be before the start time.")
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Give a start time when you give an end time.")
        if errors:
            raise ValidationError(errors)
