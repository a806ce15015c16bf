"""Synchronised fields reach every translation at once, for every model of the package.

The list of (model, field) pairs is generated from wagtail-localize's own declaration
(``get_translatable_fields``), so a synchronised field added later is covered without
editing this file; a model without a builder here fails ``test_every_model_has_a_builder``.
"""

from __future__ import annotations

import datetime
import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import SegmentOverride, TranslationContext, TranslationSource
from wagtail_localize.operations import TranslationCreator

from wagtail_integration.models import (
    AccessibilityStatementPage,
    Alert,
    DirectoryPage,
    EasyReadPage,
    Event,
    Funding,
    ImpressumPage,
    NetworkPage,
    Organisation,
    OrganisationProfilePage,
    PartnerListingPage,
    Person,
    PhotoArchivePage,
    PressReleaseIndexPage,
    PressReleasePage,
    ProjectIndexPage,
    ProjectPage,
    SpeakerTeamPage,
)
from wagtail_integration.translation_sync import synchronised_fields

from . import factories

# Lean builders (one object, its synchronised fields filled): every pair runs its own test.
BUILDERS = {
    NetworkPage: factories.NetworkPageFactory,
    PartnerListingPage: factories.PartnerListingPageFactory,
    SpeakerTeamPage: factories.SpeakerTeamPageFactory,
    PressReleaseIndexPage: factories.PressReleaseIndexPageFactory,
    PressReleasePage: lambda: factories.PressReleasePageFactory(
        dateline="Coesfeld", topics=[factories.TopicFactory()]
    ),
    ProjectIndexPage: factories.ProjectIndexPageFactory,
    ProjectPage: lambda: factories.ProjectPageFactory(
        municipalities=factories.text_items("Coesfeld", "Dülmen")
    ),
    OrganisationProfilePage: lambda: factories.OrganisationProfilePageFactory(
        focus_districts=factories.text_items("Blanke"),
        office_hours=factories.office_hours_stream(),
    ),
    DirectoryPage: lambda: factories.DirectoryPageFactory(filter_kinds=["association"]),
    PhotoArchivePage: lambda: factories.PhotoArchivePageFactory(
        press_index=factories.PressReleaseIndexPageFactory()
    ),
    Organisation: lambda: factories.OrganisationFactory(
        with_logo=True, topics=[factories.TopicFactory()]
    ),
    Person: lambda: factories.PersonFactory(photo=factories.ImageFactory()),
    Funding: lambda: factories.FundingFactory(with_logo=True),
    Event: factories.EventFactory,
    AccessibilityStatementPage: factories.AccessibilityStatementPageFactory,
    ImpressumPage: factories.ImpressumPageFactory,
    EasyReadPage: lambda: factories.full_easy_read_page(),
    Alert: lambda: factories.AlertFactory(
        link_url="https://www.example.org/sprechzeiten", section=factories.NetworkPageFactory()
    ),
}

# A translated text field per model, to show that translated text is left alone.
TRANSLATED_TEXT = {
    Organisation: "name",
    Person: "position",
    Funding: "name",
    Event: "title",
    Alert: "title",
}


def translatable_models():
    return [
        model
        for model in apps.get_app_config("wagtail_integration").get_models()
        if issubclass(model, TranslatableMixin) and synchronised_fields(model)
    ]


MODELS = [
    pytest.param(model, id=model.__name__) for model in translatable_models() if model in BUILDERS
]


def test_every_model_has_a_builder():
    missing = [model.__name__ for model in translatable_models() if model not in BUILDERS]
    assert not missing, f"add a builder for {missing} to BUILDERS"
    assert sum(len(synchronised_fields(model)) for model in BUILDERS) >= 50


def valid(field, value) -> bool:
    try:
        field.run_validators(value)
    except ValidationError:
        return False
    return value is not None


def changed_value(instance, field):
    """A valid value for ``field`` that differs from the one ``instance`` has."""
    old = field.value_from_object(instance)
    if field.choices:
        return next(value for value, _label in field.flatchoices if value and value != old)
    if isinstance(field, models.BooleanField):
        return not old
    if isinstance(field, models.IntegerField):
        return next(
            value
            for value in (old and old + 1, old and old - 1, 2001, 12)
            if valid(field, value) and value != old
        )
    if isinstance(field, models.DateField):  # an end later, a start earlier: still valid
        days = 1 if field.name.startswith("end") else -1
        return (old or datetime.date(2026, 12, 1)) + datetime.timedelta(days=days)
    if isinstance(field, models.TimeField):
        return datetime.time(17, 45) if old != datetime.time(17, 45) else datetime.time(8, 15)
    if isinstance(field, models.URLField):
        return "https://example.org/geaendert"
    if isinstance(field, models.EmailField):
        return "geaendert@example.org"
    if isinstance(field, models.JSONField):
        return ["media"] if old != ["media"] else ["company"]
    if isinstance(field, StreamField):
        if "hours" in field.stream_block.child_blocks:
            days = {"days": ["Friday"], "opens": datetime.time(10), "closes": datetime.time(14)}
            return [("hours", days)]
        return [("item", "Geänderter Ort")]
    if isinstance(field, ParentalManyToManyField):
        return [factories.TopicFactory(name="Neues Thema")]
    if isinstance(field, models.ForeignKey):
        if issubclass(field.related_model, get_image_model()):
            return factories.ImageFactory()
        if issubclass(field.related_model, Page):
            return factories.PressReleaseIndexPageFactory(title="Weitere Presse")
        if issubclass(field.related_model, get_document_model()):  # same kind of file
            return factories.DocumentFactory(
                title="Geändert",
                file=ContentFile(old_file_bytes(instance, field), old_name(instance, field)),
            )
    if isinstance(field, models.CharField):
        if field.name.endswith(("phone", "fax")):
            return "+49 2541 18-9999"
        if field.name == "vat_id":
            return "DE123456789" if old != "DE123456789" else "DE987654321"
        if field.name == "postcode":
            return "48653" if old != "48653" else "48149"
        return "Geaendert"[: field.max_length]
    raise AssertionError(f"no changed value for {type(field).__name__} {field.name}")


def old_name(instance, field) -> str:
    return getattr(instance, field.name).file.name.rsplit("/", 1)[-1]


def old_file_bytes(instance, field) -> bytes:
    with getattr(instance, field.name).file.open("rb") as file:
        return file.read()


def comparable(instance, field):
    if isinstance(field, ParentalManyToManyField):
        return sorted(obj.pk for obj in getattr(instance, field.name).all())
    if isinstance(field, StreamField):
        raw = getattr(instance, field.name).get_prep_value()
        return json.loads(json.dumps(raw, cls=DjangoJSONEncoder))
    return getattr(instance, field.attname)


def publish(instance):
    if isinstance(instance, Page):
        instance.save_revision().publish()
    else:
        instance.save()


@pytest.fixture
def locales(db):
    return [Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ar")]


def translate(instance, user, locales, capture):
    with capture(execute=True):
        TranslationCreator(user, locales).create_translations(
            instance, include_related_objects=False
        )
    translations = []
    for locale in locales:
        translation = instance.get_translation(locale)
        translation = translation.specific if isinstance(translation, Page) else translation
        # A translator's text, which the synchronisation must keep.
        if isinstance(translation, Page):
            translation.title = f"Übersetzt {locale.language_code}"
            translation.save_revision().publish()
        else:
            name = TRANSLATED_TEXT[type(translation)]
            setattr(translation, name, f"Übersetzt {locale.language_code}")
            translation.save()
        translations.append(translation)
    return translations


def translated_text(obj):
    return obj.title if isinstance(obj, Page) else getattr(obj, TRANSLATED_TEXT[type(obj)])


@pytest.mark.parametrize("model", MODELS)
def test_changed_synchronised_fields_reach_every_translation(
    model, superuser, locales, django_capture_on_commit_callbacks
):
    """Every synchronised field of ``model`` changes at once; each is checked on its own."""
    source = BUILDERS[model]()
    source = source.specific if isinstance(source, Page) else source
    fields = synchronised_fields(model)
    translations = translate(source, superuser, locales, django_capture_on_commit_callbacks)

    for field in fields:
        setattr(source, field.name, changed_value(source, field))
    before = {field.name: comparable(translations[0], field) for field in fields}
    with django_capture_on_commit_callbacks(execute=True):
        publish(source)
    source = type(source).objects.get(pk=source.pk)
    expected = {field.name: comparable(source, field) for field in fields}
    unchanged = [name for name in expected if expected[name] == before[name]]
    assert not unchanged, f"the test did not change {unchanged}"

    def stale(obj):
        return [field.name for field in fields if comparable(obj, field) != expected[field.name]]

    for translation in translations:
        live = type(translation).objects.get(pk=translation.pk)
        assert not stale(live), f"stale on the live {translation.locale} translation"
        assert translated_text(live).startswith("Übersetzt")
        if isinstance(live, Page):
            assert not stale(live.live_revision.as_object()), "stale in the live revision"
            assert not stale(live.get_latest_revision_as_object()), "stale in the draft"

    # A translator publishing the translation later keeps the new values (wagtail-localize
    # copies synchronised fields from its stored source then).
    record = TranslationSource.objects.get(object_id=source.translation_key, locale=source.locale)
    with django_capture_on_commit_callbacks(execute=True):
        record.translations.get(target_locale=locales[0]).save_target(publish=True)
    live = type(translations[0]).objects.get(pk=translations[0].pk)
    assert not stale(live), "an old value came back with the translator's publish"


def test_an_overridden_value_is_kept(superuser, locales, django_capture_on_commit_callbacks):
    organisation = BUILDERS[Organisation]()
    english, arabic = translate(
        organisation, superuser, locales, django_capture_on_commit_callbacks
    )
    # The Arabic translator chose another website (an Arabic-language page of the same office).
    context = TranslationContext.objects.get(object_id=organisation.translation_key, path="website")
    SegmentOverride.objects.create(
        locale=locales[1], context=context, data_json='"https://example.org/ar/"'
    )
    Organisation.objects.filter(pk=arabic.pk).update(website="https://example.org/ar/")

    organisation.website = "https://example.org/neu/"
    organisation.phone = "+49 2541 18-1234"
    organisation.save()
    english.refresh_from_db()
    arabic.refresh_from_db()
    assert english.website == "https://example.org/neu/"
    assert arabic.website == "https://example.org/ar/"
    assert english.phone == arabic.phone == "+49 2541 18-1234"


def test_a_stopped_translation_is_left_alone(
    superuser, locales, django_capture_on_commit_callbacks
):
    person = BUILDERS[Person]()
    english, arabic = translate(person, superuser, locales, django_capture_on_commit_callbacks)
    record = TranslationSource.objects.get(object_id=person.translation_key, locale=person.locale)
    record.translations.filter(target_locale=locales[1]).update(enabled=False)
    person.room = "B 214"
    person.save()
    english.refresh_from_db()
    arabic.refresh_from_db()
    assert english.room == "B 214"
    assert arabic.room != "B 214"


def test_a_draft_translation_gets_the_new_value_in_its_draft(
    superuser, locales, django_capture_on_commit_callbacks
):
    index = PressReleaseIndexPage.objects.get(pk=factories.PressReleaseIndexPageFactory().pk)
    page = factories.full_press_release_page(parent=index)
    english = translate(page, superuser, locales[:1], django_capture_on_commit_callbacks)[0]
    english.title = "Draft of the translator"
    english.save_revision()  # unpublished changes on a live translation

    page.dateline = "Münster"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    english = type(english).objects.get(pk=english.pk)
    assert english.dateline == "Münster"
    assert english.live_revision.as_object().title.startswith("Übersetzt")
    draft = english.get_latest_revision_as_object()
    assert (draft.title, draft.dateline) == ("Draft of the translator", "Münster")


def test_an_object_never_submitted_costs_one_query(db):
    """Saving a snippet nobody translated looks up its translation source once, nothing more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = factories.PersonFactory()
    person.phone = "+49 2541 18-4321"
    with CaptureQueriesContext(connection) as queries:
        person.save()
    localize = [q["sql"] for q in queries.captured_queries if "wagtail_localize" in q["sql"]]
    assert len(localize) == 1, localize
