"""Translation with wagtail-localize: what translators see, and whole trees translated.

Prose is sent to translators; data (names of people, e-mail, phone, URLs, postcodes,
dates, images, choices …) is synchronised and never becomes a translator segment.
"""

from __future__ import annotations

import datetime
import re

import polib
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation as django_translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from wagtail_integration.models import (
    Event,
    Funding,
    NetworkPage,
    Organisation,
    OrganisationProfilePage,
    PartnerListingPage,
    Person,
    PressReleasePage,
    ProjectPage,
)
from wagtail_integration.translation import TranslationSkippedError, translate_page_tree

from . import factories
from .seed_facts import SEED_FACTS, SPEAKER_TEAM_FACTS

# Seed facts that the templates write in the page's language (a date, weekday names): on a
# translated page they appear in that language, as Django formats or translates them (a
# date in the language's own DATE_FORMAT: "May 2, 2018" in English).
INTERFACE_FACTS = {
    "2. Mai 2018": lambda: date_format(datetime.date(2018, 5, 2), "DATE_FORMAT"),
    "Dienstag": lambda: gettext("Tuesday"),
    "Freitag": lambda: gettext("Friday"),
    "kostenlos": lambda: gettext("Counselling is free of charge and confidential."),
    "vertraulich": lambda: gettext("Counselling is free of charge and confidential."),
    # The agency's "by appointment" flag is interface text since it is said once (a checkbox).
    "nach vorheriger Anmeldung": lambda: gettext("By appointment only."),
}


def localise_fact(fact: str, language: str) -> str:
    if fact not in INTERFACE_FACTS:
        return fact
    with django_translation.override(language):
        return str(INTERFACE_FACTS[fact]())


# What a translator must never be asked to translate.
DATA_PATTERNS = {
    "e-mail": re.compile(r"^\S+@\S+\.\w+$"),
    "phone": re.compile(r"^\+?[0-9][0-9 ()/\-]{4,}$"),
    "URL": re.compile(r"^(https?://|www\.)\S+$"),
    "postcode": re.compile(r"^[0-9]{5}$"),
    "date": re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$|^\d{4}-\d{2}-\d{2}$"),
    "time": re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$"),
}


def segment_strings(instance) -> list[str]:
    """The texts wagtail-localize would send to translators for ``instance``."""
    return [
        segment.string.render_text()
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]


def segment_data(instance) -> list[str]:
    """The same texts as stored in PO files: inline HTML of rich text kept."""
    return [
        segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]


def data_segments(strings: list[str]) -> list[tuple[str, str]]:
    return [
        (kind, text)
        for text in strings
        for kind, pattern in DATA_PATTERNS.items()
        if pattern.match(text.strip())
    ]


def synchronised_values(instance, *fields: str) -> set[str]:
    return {str(getattr(instance, name)) for name in fields if getattr(instance, name)}


def people_data(person: Person) -> set[str]:
    return synchronised_values(
        person,
        "academic_title",
        "first_name",
        "last_name",
        "email",
        "phone",
        "fax",
        "building",
        "room",
        "street",
        "postcode",
        "city",
    ) | {person.full_name}


def organisation_data(organisation: Organisation) -> set[str]:
    return synchronised_values(
        organisation,
        "short_name",
        "municipality",
        "website",
        "email",
        "phone",
        "fax",
        "street",
        "postcode",
        "city",
        "kind",
    )


def assert_prose_only(instance, expected_prose: list[str], data: set[str] = frozenset()):
    strings = segment_strings(instance)
    assert not data_segments(strings), data_segments(strings)
    leaked = sorted(data & set(strings))
    assert not leaked, f"data sent to translators: {leaked}"
    missing = [text for text in expected_prose if text not in strings]
    assert not missing, f"prose not sent to translators: {missing}; sent: {strings}"
    return strings


# Prose that a fully filled ``body`` (factories.body_stream) sends to translators.
BODY_PROSE = [
    "Unsere Schwerpunkte",
    "Wir vernetzen Haupt- und Ehrenamt.",
    "Ziele",
    "Teilhabe stärken",
    "Gruppenfoto beim Netzwerktreffen",  # alt text
    "Netzwerktreffen im Kreishaus",  # caption
    "Ansprechperson",
    "Koordination",  # role
    "Gefördert durch",
    "Downloads",
    "Flyer",
    "PDF, 1 Seite",
]
# Data in the same body: image credit and licence are synchronised.
BODY_DATA = {"Landkreis Emsland", "CC BY 4.0"}


# -- 1. Prose is translatable, data synchronised ------------------------------------------


def test_network_page_sends_prose_only(db):
    page = factories.full_network_page()
    strings = assert_prose_only(
        page,
        [
            page.title,
            "Das Netzwerk bündelt die Integrationsarbeit im Landkreis.",
            "Landkreis Emsland",  # the region is a name in prose
            "Teilhabe verbessern",
            "Angebote sichtbar machen",
            "Drei Plenarsitzungen im Jahr, dazwischen Arbeitsgruppen.",
            "drei Plenarsitzungen im Jahr",
            "Sprecherin",
            "Sprecher",
            *BODY_PROSE,
            *[group.name for group in page.working_groups.all()],
            *[group.description for group in page.working_groups.all() if group.description],
        ],
        data={"https://netzwerk.example.org/", "2016", "3"},
    )
    # The region and the credit share a value here; the credit itself is never a segment.
    assert strings.count("Landkreis Emsland") == 1
    for block in page.speakers:
        assert not people_data(block.value["person"]) & set(strings)


def test_partner_listing_page_sends_prose_only(db):
    page = factories.full_partner_listing_page()
    notes = [row.note for row in page.partners.all() if row.note]
    assert_prose_only(
        page,
        [
            "Mehr Ausbildungsplätze für junge Zugewanderte.",
            "Praktikumsplätze anbieten",
            "Mentoring im Betrieb",
            "Die Partner treffen sich zweimal im Jahr.",
            *BODY_PROSE,
            *notes,
        ],
        data=BODY_DATA | people_data(page.patron),
    )


def test_speaker_team_page_sends_prose_only(db):
    page = factories.full_speaker_team_page()
    people = set().union(*(people_data(block.value["person"]) for block in page.members))
    assert_prose_only(
        page,
        ["Das Sprecherteam vertritt das Netzwerk nach außen.", "Sprecherin", *BODY_PROSE],
        data=BODY_DATA | people,
    )


def test_press_release_page_sends_prose_only(db):
    page = factories.full_press_release_page()
    assert_prose_only(
        page,
        [
            page.title,
            "Angebot in Lingen, Meppen und Papenburg",
            "Ab sofort berät die Integrationsagentur auch in den Abendstunden.",
            "Unterzeichnung der Kooperationsvereinbarung",  # caption
            "Pressemitteilung als PDF",  # document description
            *BODY_PROSE,
        ],
        data=BODY_DATA | {"Meppen", "Pressestelle", "Frei zur Berichterstattung", "2025-05-12"},
    )


def test_index_pages_send_prose_only(db):
    for page in (factories.full_press_release_index_page(), factories.full_project_index_page()):
        assert_prose_only(page, [page.title, page.introduction[3:-4]])


def test_project_page_sends_prose_only(db):
    page = factories.full_project_page()
    assert_prose_only(
        page,
        [
            "Ein Projekt zur Integration im ländlichen Raum.",
            "LEADER-Region Hasetal",
            "Eine ländliche Region mit vielen kleinen Gemeinden.",
            "Ehrenamt stärken",
            "Sprachcafés",
            "Geflüchtete Familien",
            "Gefördert aus Mitteln des ELER.",
            *BODY_PROSE,
        ],
        # municipalities are place names: synchronised
        data=BODY_DATA | {"Herzlake", "Haselünne", "Löningen"} | people_data(page.press_contact),
    )


def test_organisation_profile_page_sends_prose_only(db):
    page = factories.full_organisation_profile_page()
    strings = assert_prose_only(
        page,
        [
            "Beratung für Zugewanderte – kostenlos und vertraulich",
            "Wir unterstützen Menschen mit Migrationsgeschichte.",
            "Migrationsberatung",
            "Vermittlung in Sprachkurse",
            "Wir arbeiten aufsuchend und mehrsprachig.",
            "Termine auch nach Vereinbarung",  # office-hour note
            "Gefördert vom Land Niedersachsen.",
            *BODY_PROSE,
        ],
        data=BODY_DATA | {"Blanke", "Innenstadt"},
    )
    # Office hours (days and times) are synchronised as a whole field.
    assert not [s for s in strings if s in {"Tuesday", "Monday", "Thursday"}]


def test_organisation_sends_prose_only(db):
    organisation = factories.OrganisationFactory(
        with_logo=True, unit="Integrationsbüro", short_name="KI"
    )
    assert_prose_only(
        organisation,
        [
            organisation.name,
            "Integrationsbüro",
            "Wir beraten Zugewanderte und begleiten sie bei Behördengängen.",
        ],
        data=organisation_data(organisation),
    )


def test_person_sends_prose_only(db):
    person = factories.PersonFactory(academic_title="Dr.", fax="0591 123-99", with_photo=True)
    assert_prose_only(person, ["Integrationsbeauftragte"], data=people_data(person))
    assert segment_strings(person) == ["Integrationsbeauftragte"]


def test_funding_sends_prose_only(db):
    funding = factories.FundingFactory(with_logo=True)
    assert_prose_only(
        funding,
        [
            funding.name,
            funding.funder,
            "Gefördert werden Projekte zur sozialen Teilhabe.",
            "Gefördert durch die Europäische Union",
        ],
        data={funding.url},
    )


def test_event_sends_prose_only(db):
    event = factories.EventFactory(
        lecturer=factories.PersonFactory(), organiser=factories.OrganisationFactory()
    )
    assert_prose_only(
        event,
        [
            event.title,
            "Sprachförderung im ländlichen Raum",
            "Austausch der Mitglieder und Vorstellung neuer Angebote.",
            "Kreishaus, Sitzungssaal 1",
        ],
        data=synchronised_values(
            event, "street", "postcode", "city", "registration_url", "kind", "start_date"
        )
        | {"09:30", "12:30"},
    )


def test_topic_name_is_translatable(db):
    topic = factories.TopicFactory()
    assert segment_strings(topic) == [topic.name]


@pytest.mark.parametrize(
    ("model", "synchronised"),
    [
        (Organisation, {"short_name", "phone", "fax", "municipality", "street", "postcode"}),
        (Organisation, {"city", "kind", "website", "email", "logo", "topics"}),
        (Person, {"academic_title", "first_name", "last_name", "phone", "fax", "email"}),
        (Person, {"building", "room", "street", "postcode", "city", "photo"}),
        (Event, {"start_date", "start_time", "end_date", "end_time", "kind"}),
        (Event, {"registration_url", "street", "postcode", "city"}),
        (Funding, {"url", "logo"}),
        (NetworkPage, {"founded_year", "declared_member_count", "meetings_per_year"}),
        (NetworkPage, {"more_info_url"}),
        (PressReleasePage, {"release_date", "dateline"}),
        (ProjectPage, {"start_date", "end_date", "municipalities"}),
        (OrganisationProfilePage, {"focus_districts", "office_hours", "by_appointment"}),
        (OrganisationProfilePage, {"free_and_confidential"}),
        (PartnerListingPage, {"founded_year"}),
    ],
)
def test_data_fields_are_declared_synchronised(model, synchronised):
    declared = {
        field.field_name: field
        for field in get_translatable_fields(model)
        if isinstance(field, SynchronizedField)
    }
    assert synchronised <= set(declared), synchronised - set(declared)


# -- 2. Whole trees translate, nothing skipped ----------------------------------------------


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ar")}


def translate_tree(user, root: Page, locales, include_root=True):
    """Translate ``root``'s subtree (parents first) with ``translate_page_tree``."""
    pages = [root] if include_root else list(root.get_children())
    creators = [translate_page_tree(page, locales, user=user) for page in pages]
    return creators[-1]


def test_organisation_topics_stay_synchronised_and_localise(
    db, superuser, locales, django_capture_on_commit_callbacks
):
    topics = factories.TopicFactory.create_batch(2)
    organisation = factories.OrganisationFactory(topics=topics)
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(superuser, [locales["en"]]).create_translations(organisation)
    translated = organisation.get_translation(locales["en"])
    # The translation shares the source's topics (a ParentalManyToManyField, which
    # wagtail-localize leaves alone unless declared synchronised) …
    assert set(translated.topics.all()) == set(topics)
    # … and shows each in its own language once the topic is translated.
    assert [t.locale for t in translated.localized_topics] == [organisation.locale] * 2
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(superuser, [locales["en"]]).create_translations(topics[0])
    localized = translated.localized_topics
    assert {t.locale.language_code for t in localized} == {"en", "de"}
    assert topics[0].get_translation(locales["en"]) in localized

    # A change to the source's topics reaches the translation on the next sync.
    organisation.topics.set(topics[:1])
    organisation.save()
    # (TranslationCreator does not refresh an existing source: update it as "Sync" does.)
    source, _created = TranslationSource.update_or_create_from_instance(organisation)
    source.create_or_update_translation(locales["en"], fallback=True)
    translated.refresh_from_db()
    assert list(translated.topics.all()) == topics[:1]


def test_page_translates_before_its_related_snippets_are_translated(
    db, superuser, locales, django_capture_on_commit_callbacks
):
    """Related events point at a lecturer and organiser two levels away: not yet translated."""
    page = factories.full_project_page()
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(superuser, [locales["en"]]).create_translations(
            page, include_related_objects=False
        )
    translated = page.get_translation(locales["en"]).specific
    assert not translated.live  # a new translation starts as a draft
    # Untranslated related objects stay the source's until they are translated.
    assert translated.press_contact == page.press_contact
    assert [b.value.pk for b in translated.events] == [b.value.pk for b in page.events]


@pytest.mark.parametrize("builder", list(factories.FULL_PAGE_BUILDERS.values()))
def test_every_page_type_and_its_snippets_translate(
    db, superuser, locales, builder, django_capture_on_commit_callbacks
):
    page = builder()
    with django_capture_on_commit_callbacks(execute=True):
        translate_tree(superuser, page, locales.values())
    for source in page.get_descendants(inclusive=True).specific():
        for locale in locales.values():
            translation = source.get_translation_or_none(locale)
            assert translation is not None, (source, locale)
            assert translation.live, (source, locale)
            assert translation.specific.title == source.title


# -- 2b. The demo tree ----------------------------------------------------------------------


@pytest.fixture(scope="class")
def translated_demo(class_demo, class_db):
    """The demo tree translated into en and ar by a superuser, once for the class."""
    from django.contrib.auth import get_user_model
    from django.test import TestCase

    with class_db.unblock():
        user = get_user_model().objects.create_superuser(
            username="uebersetzung", email="uebersetzung@example.org", password=None
        )
        locales = [Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ar")]
        root = Site.objects.get(is_default_site=True).root_page
        demo_pages = list(root.get_descendants().specific().order_by("path"))
        seen = set()
        with TestCase.captureOnCommitCallbacks(execute=True):
            for child in root.get_children():
                creator = translate_page_tree(child, locales, user=user)
                seen |= creator.seen_objects
    return demo_pages, seen


class TestTheTranslatedDemo:
    """The demo translated into en and ar, built once for the class."""

    def test_whole_demo_tree_translates_without_skipping(self, translated_demo, locales):
        demo_pages, seen = translated_demo
        assert len(demo_pages) >= 8
        for page in demo_pages:
            for code, locale in locales.items():
                translation = page.get_translation_or_none(locale)
                assert translation is not None, f"{page.title} was not translated into {code}"
                assert translation.live and not translation.alias_of_id, (page.title, code)
                assert translation.get_parent().locale == locale
        # Every snippet the pages use was translated too, into both locales.
        for model in (Organisation, Person, Funding, Event):
            for obj in model.objects.filter(locale=demo_pages[0].locale):
                if obj.translation_key in seen:
                    for locale in locales.values():
                        assert obj.has_translation(locale), (model.__name__, str(obj), locale)

    def test_translated_demo_pages_serve_every_seed_fact(self, translated_demo, locales):
        from .test_demo import render

        missing_facts = {}
        for code, locale in locales.items():
            for seed, facts in {**SEED_FACTS, "speaker-team": SPEAKER_TEAM_FACTS}.items():
                source = Page.objects.get(slug=facts["url_path_slug"], locale__language_code="de")
                page = source.get_translation(locale)
                assert page.url.startswith(f"/{code}/"), page.url
                html, text = render(page)
                expected = [localise_fact(fact, code) for fact in facts["facts"]]
                missing = [fact for fact in expected if fact not in text]
                if missing:
                    missing_facts[f"{seed} ({code}) {page.url}"] = missing
                soup = BeautifulSoup(html, "html.parser")
                assert soup.html["lang"] == code
                datetimes = {tag["datetime"] for tag in soup.find_all("time", datetime=True)}
                assert set(facts.get("datetimes", [])) <= datetimes, (seed, code)
        assert not missing_facts, missing_facts


def test_a_snippet_that_fails_validation_is_reported_not_skipped(db, superuser, locales):
    """TranslationCreator would skip it silently; translate_page_tree names it and why."""
    page = factories.full_press_release_page(events=1)
    event = page.events[0].value
    Event.objects.filter(pk=event.pk).update(end_date=event.start_date - datetime.timedelta(1))
    # The message is in the active language: German here, whatever an earlier test left.
    with django_translation.override("de"), pytest.raises(TranslationSkippedError) as raised:
        translate_page_tree(page, [locales["en"]], user=superuser)
    ((failed, code),) = raised.value.failures
    assert (type(failed), failed.pk, code) == (Event, event.pk, "en")
    assert "Das Enddatum kann nicht vor dem Startdatum liegen." in str(raised.value)


# -- 5. PO files round trip ------------------------------------------------------------------


def submit(page, locale, user, capture):
    """Submit ``page`` for translation into ``locale`` (source text as fallback)."""
    with capture(execute=True):
        creator = translate_page_tree(page, [locale], user=user, include_subtree=False)
    (translation,) = [
        t
        for ts in creator.mappings.values()
        for t in ts
        if t.source.object_id == page.translation_key
    ]
    return translation


def test_po_file_round_trip_keeps_every_string(
    client, superuser, locales, django_capture_on_commit_callbacks
):
    page = factories.full_network_page()
    source_strings = segment_data(page)
    translation = submit(page, locales["en"], superuser, django_capture_on_commit_callbacks)
    client.force_login(superuser)

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(response.content.decode("utf-8"))
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert {entry.msgid for entry in po} == set(source_strings)
    assert not data_segments([entry.msgid for entry in po])
    for entry in po:
        entry.msgstr = f"EN {entry.msgid}"

    upload = SimpleUploadedFile("network.po", str(po).encode("utf-8"), "text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=superuser, publish=True)

    translated = page.get_translation(locales["en"]).specific
    assert segment_data(translated) == [
        slugify(f"EN {text}") if text == page.slug else f"EN {text}" for text in source_strings
    ]
    # Synchronised data is the same as in the source.
    assert translated.more_info_url == page.more_info_url
    assert [b.value["person"] for b in translated.speakers] == [
        b.value["person"].get_translation(locales["en"]) for b in page.speakers
    ]
    credit = [b.value["credit"] for b in translated.body if b.block_type == "image"]
    assert credit == ["Landkreis Emsland"]


def test_po_file_of_another_translation_is_refused(
    client, superuser, locales, django_capture_on_commit_callbacks
):
    page = factories.NetworkPageFactory(title="Netzwerk")
    english = submit(page, locales["en"], superuser, django_capture_on_commit_callbacks)
    arabic = submit(page, locales["ar"], superuser, django_capture_on_commit_callbacks)
    client.force_login(superuser)
    po_text = client.get(reverse("wagtail_localize:download_pofile", args=[english.id])).content
    po = polib.pofile(po_text.decode("utf-8"))
    for entry in po:
        entry.msgstr = "wrong"
    client.post(
        reverse("wagtail_localize:upload_pofile", args=[arabic.id]),
        {"file": SimpleUploadedFile("x.po", str(po).encode("utf-8")), "next": "/admin/"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        arabic.save_target(user=superuser)
    assert page.get_translation(locales["ar"]).title == "Netzwerk"


# -- 6. Machine translation ------------------------------------------------------------------


def test_machine_translation_fills_every_segment(
    client, superuser, locales, django_capture_on_commit_callbacks
):
    """The dummy translator (tests/settings.py) reverses the words; DeepL in production."""
    from wagtail_localize.machine_translators.dummy import translate_html

    page = factories.full_organisation_profile_page()
    source_strings = segment_data(page)
    translation = submit(page, locales["ar"], superuser, django_capture_on_commit_callbacks)
    client.force_login(superuser)
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=superuser, publish=True)
    translated = page.get_translation(locales["ar"]).specific
    assert translated.live
    strings = segment_data(translated)
    assert len(strings) == len(source_strings)
    assert "Sprachkurse in Vermittlung" in strings  # "Vermittlung in Sprachkurse"
    assert [text.strip() for text in strings] == [
        translate_html(text).strip() for text in source_strings
    ]

    # Data stays as it is.
    def hours(p):
        return [(b.value["days"], b.value["opens"], b.value["closes"]) for b in p.office_hours]

    assert hours(translated) == hours(page) != []
    assert [b.value for b in translated.focus_districts] == ["Blanke", "Innenstadt"]


def test_no_machine_translation_into_easy_to_read_german(db):
    from wagtail_localize.machine_translators import get_machine_translator

    german, easy = (Locale(language_code="de"), Locale(language_code="de-x-ls"))
    assert not get_machine_translator().can_translate(german, easy)
    assert get_machine_translator().can_translate(german, Locale(language_code="ar"))


def test_child_rows_are_translated_with_their_page(
    db, superuser, locales, django_capture_on_commit_callbacks
):
    """NetworkMembership, WorkingGroup and Partnership rows follow their page's locale."""
    network = factories.full_network_page()
    partners = factories.full_partner_listing_page()
    english = locales["en"]
    with django_capture_on_commit_callbacks(execute=True):
        for page in (network, partners):
            translate_page_tree(page, [english], user=superuser)
    for page, relations in (
        (network, ("memberships", "working_groups")),
        (partners, ("partners",)),
    ):
        translated = page.get_translation(english).specific
        for relation in relations:
            source_rows = list(getattr(page, relation).all())
            rows = list(getattr(translated, relation).all())
            assert [row.translation_key for row in rows] == [
                row.translation_key for row in source_rows
            ], relation
            assert {row.locale_id for row in rows} == {english.pk}, relation
            for source_row, row in zip(source_rows, rows, strict=True):
                if hasattr(row, "organisation"):
                    # the organisation was submitted with the page: its translation is used
                    assert row.organisation == source_row.organisation.get_translation(english)
                if getattr(row, "name", None):
                    assert row.name == source_row.name  # source text until translated
