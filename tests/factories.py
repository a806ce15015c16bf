"""factory_boy / wagtail-factories factories with realistic German data.

Snippets are created in the default locale ("de"). Page factories default to the default
site's root page as parent; pass ``parent=`` for anything else. ``full_*_page`` helpers build a
page of each type with every field filled, including all StreamFields.
"""

from __future__ import annotations

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from wagtail_integration.models import (
    AccessibilityStatementPage,
    Alert,
    DirectoryPage,
    EasyReadPage,
    Event,
    Funding,
    ImpressumPage,
    NetworkMembership,
    NetworkPage,
    Organisation,
    OrganisationProfilePage,
    PartnerListingPage,
    Partnership,
    Person,
    PressReleaseIndexPage,
    PressReleasePage,
    ProjectIndexPage,
    ProjectPage,
    SpeakerTeamPage,
    Topic,
    WorkingGroup,
)

fake = Faker("de_DE")
FAKER_LOCALE = "de_DE"


def default_locale() -> Locale:
    return Locale.get_default()


def default_parent() -> Page:
    """The default site's root page (Wagtail's "Welcome" page after the migrations)."""
    return Site.objects.get(is_default_site=True).root_page


def root_collection() -> Collection:
    return Collection.get_first_root_node()


def german_email(first: str, last: str, domain: str = "example.org") -> str:
    return f"{slugify(first)}.{slugify(last)}@{domain}"


# ---------------------------------------------------------------------------------------------
# Media


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Foto Netzwerktreffen {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(width=320, height=240, color="steelblue", filename="foto.png")


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Jahresbericht Integration {2020 + n % 6}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(
        filename="jahresbericht.pdf", data=b"%PDF-1.4\n% Jahresbericht\n%%EOF\n"
    )


# ---------------------------------------------------------------------------------------------
# Snippets

ORGANISATION_PATTERNS = [
    ("Caritasverband für den Landkreis {city} e. V.", Organisation.Kind.WELFARE_PROVIDER),
    ("Diakonisches Werk {city}", Organisation.Kind.WELFARE_PROVIDER),
    ("Stadt {city} – Fachbereich Integration", Organisation.Kind.PUBLIC_BODY),
    ("Volkshochschule {city}", Organisation.Kind.EDUCATION),
    ("Deutsch-Syrischer Kulturverein {city} e. V.", Organisation.Kind.MIGRANT_ORGANISATION),
    ("Jobcenter {city}", Organisation.Kind.PUBLIC_BODY),
    ("Sportbund {city} e. V.", Organisation.Kind.ASSOCIATION),
    ("Arbeiterwohlfahrt Kreisverband {city}", Organisation.Kind.WELFARE_PROVIDER),
]

TOPICS = [
    "Sprachkurse",
    "Migrationsberatung",
    "Arbeitsmarktintegration",
    "Sport und Freizeit",
    "Ehrenamt",
    "Frühkindliche Bildung",
    "Wohnen",
    "Gesundheit",
]


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    locale = factory.LazyFunction(default_locale)
    name = factory.Sequence(lambda n: TOPICS[n % len(TOPICS)])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    class Params:
        pattern = factory.Sequence(lambda n: ORGANISATION_PATTERNS[n % len(ORGANISATION_PATTERNS)])
        place = factory.Faker("city", locale=FAKER_LOCALE)
        with_logo = False

    locale = factory.LazyFunction(default_locale)
    name = factory.LazyAttribute(lambda o: o.pattern[0].format(city=o.place))
    kind = factory.LazyAttribute(lambda o: o.pattern[1])
    short_name = ""
    unit = ""
    municipality = factory.SelfAttribute("place")
    street = factory.Faker("street_address", locale=FAKER_LOCALE)
    postcode = factory.Faker("postcode", locale=FAKER_LOCALE)
    city = factory.SelfAttribute("place")
    website = factory.Sequence(lambda n: f"https://organisation-{n}.example.org/")
    email = factory.Sequence(lambda n: f"info{n}@organisation.example.org")
    phone = factory.Sequence(lambda n: f"0591 {91440 + n}")
    fax = factory.Sequence(lambda n: f"0591 {91440 + n}-99")
    logo = factory.Maybe(
        "with_logo", yes_declaration=factory.SubFactory(ImageFactory), no_declaration=None
    )
    description = "<p>Wir beraten Zugewanderte und begleiten sie bei <b>Behördengängen</b>.</p>"

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    class Params:
        with_photo = False

    locale = factory.LazyFunction(default_locale)
    academic_title = ""
    first_name = factory.Faker("first_name", locale=FAKER_LOCALE)
    last_name = factory.Faker("last_name", locale=FAKER_LOCALE)
    position = "Integrationsbeauftragte"
    organisation = None
    photo = factory.Maybe(
        "with_photo", yes_declaration=factory.SubFactory(ImageFactory), no_declaration=None
    )
    email = factory.LazyAttribute(lambda o: german_email(o.first_name, o.last_name))
    phone = factory.Sequence(lambda n: f"+49 591 {9144000 + n}")
    fax = ""
    building = "Rathaus"
    room = factory.Sequence(lambda n: f"{100 + n % 300}")
    street = factory.Faker("street_address", locale=FAKER_LOCALE)
    postcode = factory.Faker("postcode", locale=FAKER_LOCALE)
    city = factory.Faker("city", locale=FAKER_LOCALE)


class FundingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funding

    class Params:
        with_logo = False

    locale = factory.LazyFunction(default_locale)
    name = factory.Iterator(
        [
            "LEADER",
            "Asyl-, Migrations- und Integrationsfonds (AMIF)",
            "Integration durch Qualifizierung (IQ)",
            "Bundesprogramm „Integrationskurse“",
        ]
    )
    funder = factory.Iterator(
        [
            "Europäische Union (ELER)",
            "Europäische Union",
            "Bundesministerium für Arbeit und Soziales",
            "Bundesamt für Migration und Flüchtlinge",
        ]
    )
    description = "<p>Gefördert werden Projekte zur <i>sozialen Teilhabe</i>.</p>"
    attribution = "Gefördert durch die Europäische Union"
    logo = factory.Maybe(
        "with_logo", yes_declaration=factory.SubFactory(ImageFactory), no_declaration=None
    )
    url = factory.Sequence(lambda n: f"https://foerderung-{n}.example.org/")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    locale = factory.LazyFunction(default_locale)
    title = factory.Iterator(
        [
            "Plenum des Integrationsnetzwerks",
            "Fortbildung: Interkulturelle Kompetenz",
            "Fachtag Arbeitsmarktintegration",
            "Sitzung der AG Sprache",
        ]
    )
    kind = Event.Kind.MEETING
    topic = "Sprachförderung im ländlichen Raum"
    description = "<p>Austausch der Mitglieder und Vorstellung neuer Angebote.</p>"
    start_date = factory.Sequence(lambda n: datetime.date(2025, 3, 4) + datetime.timedelta(weeks=n))
    start_time = datetime.time(9, 30)
    end_date = factory.SelfAttribute("start_date")
    end_time = datetime.time(12, 30)
    venue = "Kreishaus, Sitzungssaal 1"
    street = factory.Faker("street_address", locale=FAKER_LOCALE)
    postcode = factory.Faker("postcode", locale=FAKER_LOCALE)
    city = factory.Faker("city", locale=FAKER_LOCALE)
    lecturer = None
    organiser = None
    registration_url = "https://anmeldung.example.org/"


class AlertFactory(factory.django.DjangoModelFactory):
    """A site-wide information banner, shown from an hour ago for a day."""

    class Meta:
        model = Alert

    locale = factory.LazyFunction(default_locale)
    severity = Alert.Severity.INFO
    title = factory.Sequence(lambda n: f"Geänderte Sprechzeiten {n}")
    text = "<p>Das Bürgerbüro öffnet am Freitag erst um 10 Uhr.</p>"
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
    section = None


# ---------------------------------------------------------------------------------------------
# Pages


class IntegrationPageFactory(wagtail_factories.PageFactory):
    """Pages get a unique slug and default to the default site's root page as parent."""

    parent = factory.LazyFunction(default_parent)
    slug = factory.LazyAttributeSequence(lambda o, n: f"{slugify(o.title)[:40].rstrip('-')}-{n}")

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        instance = model_class(**kwargs)
        if parent is None:
            return model_class.add_root(instance=instance)
        # A fresh parent: an in-memory copy may hold stale tree fields (numchild, path).
        return Page.objects.get(pk=parent.pk).add_child(instance=instance)


class NetworkPageFactory(IntegrationPageFactory):
    class Meta:
        model = NetworkPage

    title = factory.LazyFunction(lambda: f"Integrationsnetzwerk {fake.city()}")


class PartnerListingPageFactory(IntegrationPageFactory):
    class Meta:
        model = PartnerListingPage

    title = factory.LazyFunction(lambda: f"Bündnis „Vielfalt in {fake.city()}“")


class SpeakerTeamPageFactory(IntegrationPageFactory):
    class Meta:
        model = SpeakerTeamPage

    title = "Sprecherteam"


class PressReleaseIndexPageFactory(IntegrationPageFactory):
    class Meta:
        model = PressReleaseIndexPage

    title = "Pressemitteilungen"


class PressReleasePageFactory(IntegrationPageFactory):
    class Meta:
        model = PressReleasePage

    title = factory.Iterator(
        [
            "Neues Beratungsangebot für Zugewanderte startet",
            "Integrationsnetzwerk wählt neues Sprecherteam",
            "Fachtag Arbeitsmarkt: Rund 120 Gäste im Kreishaus",
        ]
    )
    release_date = factory.Sequence(
        lambda n: datetime.date(2025, 1, 15) + datetime.timedelta(days=3 * n)
    )
    parent = factory.LazyFunction(lambda: PressReleaseIndexPageFactory())


class ProjectIndexPageFactory(IntegrationPageFactory):
    class Meta:
        model = ProjectIndexPage

    title = "Projekte"


class DirectoryPageFactory(IntegrationPageFactory):
    class Meta:
        model = DirectoryPage

    title = "Organisationen von A bis Z"


class ProjectPageFactory(IntegrationPageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Iterator(
        [
            "Ankommen im Dorf",
            "Sprachpaten im Emsland",
            "Gemeinsam aktiv – Ehrenamt stärken",
        ]
    )
    parent = factory.LazyFunction(lambda: ProjectIndexPageFactory())


class OrganisationProfilePageFactory(IntegrationPageFactory):
    class Meta:
        model = OrganisationProfilePage

    title = factory.LazyFunction(lambda: f"Integrationsagentur {fake.city()}")


class AccessibilityStatementPageFactory(IntegrationPageFactory):
    class Meta:
        model = AccessibilityStatementPage

    title = "Erklärung zur Barrierefreiheit"
    conformance_status = "partial"
    prepared_on = datetime.date(2026, 9, 1)
    last_reviewed_on = datetime.date(2026, 11, 2)
    feedback_email = "barrierefreiheit@example.org"
    enforcement_body = "nw"
    non_accessible_content = factory.LazyFunction(
        lambda: [
            (
                "item",
                {
                    "content": "Ältere PDF-Formulare haben keine Tags.",
                    "reason": "disproportionate_burden",
                    "explanation": "",
                    "alternative": "Wir senden die Formulare auf Wunsch als Word-Datei.",
                    "planned_fix": "",
                },
            )
        ]
    )


class EasyReadPageFactory(IntegrationPageFactory):
    class Meta:
        model = EasyReadPage

    title = "Leichte Sprache"
    easy_read_text = "<p>Auf dieser Seite finden Sie Hilfe für Menschen aus anderen Ländern.</p>"


def sign_language_files() -> dict:
    """A (tiny, not playable) MP4 and a WebVTT file for the sign language video."""
    from django.core.files.base import ContentFile

    video = DocumentFactory(
        title="Gebärdensprache-Video", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", "dgs.mp4")
    )
    captions = DocumentFactory(
        title="Untertitel",
        file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo.\n", "dgs.vtt"),
    )
    return {"sign_language_video": video, "sign_language_captions": captions}


def full_easy_read_page(parent=None) -> EasyReadPage:
    return EasyReadPageFactory(
        parent=parent or default_parent(),
        sign_language_transcript="<p>Hallo. Hier erklären wir die Seite.</p>",
        **sign_language_files(),
    )


class ImpressumPageFactory(IntegrationPageFactory):
    class Meta:
        model = ImpressumPage

    title = "Impressum"
    provider_name = "Kreis Musterland"
    represented_by = "Der Landrat"
    street = "Kreishausstraße 1"
    postcode = "48000"
    city = "Musterstadt"
    email = "info@example.org"
    editor_name = "Pressestelle Kreis Musterland"
    editor_address = "Kreishausstraße 1, 48000 Musterstadt"


# ---------------------------------------------------------------------------------------------
# Inline children (Orderables)


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    page = factory.SubFactory(NetworkPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    note = "Mitglied seit der Gründung"
    sort_order = factory.Sequence(lambda n: n)


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    page = factory.SubFactory(NetworkPageFactory)
    name = factory.Iterator(["AG Sprache", "AG Arbeit und Ausbildung", "AG Gesundheit"])
    description = "Trifft sich viermal im Jahr und bereitet Empfehlungen für das Plenum vor."
    contact = factory.SubFactory(PersonFactory)
    sort_order = factory.Sequence(lambda n: n)


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    page = factory.SubFactory(PartnerListingPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    note = "Bietet zwei Praktikumsplätze im Jahr für Geflüchtete an."
    sort_order = factory.Sequence(lambda n: n)


# ---------------------------------------------------------------------------------------------
# Stream values and fully filled pages


def text_items(*texts: str) -> list[tuple[str, str]]:
    return [("item", text) for text in texts]


def team_members(people, roles=None) -> list[tuple[str, dict]]:
    roles = roles or ["Sprecherin", "Sprecher", "Stellvertretende Sprecherin"]
    return [
        ("member", {"person": person, "role": roles[i % len(roles)]})
        for i, person in enumerate(people)
    ]


def body_stream(person=None, funding=None, image=None, document=None) -> list[tuple[str, object]]:
    """Every block type of ``BodyBlock`` once."""
    person = person or PersonFactory()
    funding = funding or FundingFactory(with_logo=True)
    image = image or ImageFactory()
    document = document or DocumentFactory()
    return [
        ("heading", "Unsere Schwerpunkte"),
        ("paragraph", RichText("<p>Wir vernetzen <b>Haupt- und Ehrenamt</b>.</p>")),
        ("list", {"heading": "Ziele", "items": ["Teilhabe stärken", "Angebote bündeln"]}),
        (
            "image",
            {
                "image": image,
                "alt_text": "Gruppenfoto beim Netzwerktreffen",
                "caption": "Netzwerktreffen im Kreishaus",
                "credit": "Landkreis Emsland",
                "licence": "CC BY 4.0",
            },
        ),
        ("contact", {"heading": "Ansprechperson", "person": person}),
        (
            "team",
            {"heading": "Team", "members": [{"person": person, "role": "Koordination"}]},
        ),
        ("funding", {"heading": "Gefördert durch", "items": [funding]}),
        (
            "downloads",
            {
                "heading": "Downloads",
                "documents": [
                    {
                        "document": document,
                        "title": "Flyer",
                        "description": "PDF, 1 Seite",
                        "credit": "",
                        "licence": "",
                    }
                ],
            },
        ),
    ]


def media_stream(images, documents) -> list[tuple[str, dict]]:
    items: list[tuple[str, dict]] = [
        (
            "image",
            {
                "image": image,
                "alt_text": "",
                "caption": "Unterzeichnung der Kooperationsvereinbarung",
                "credit": "Pressestelle",
                "licence": "Frei zur Berichterstattung",
            },
        )
        for image in images
    ]
    items += [
        (
            "document",
            {
                "document": document,
                "title": "",
                "description": "Pressemitteilung als PDF",
                "credit": "Kreis Steinfurt",
                "licence": "Frei zur Berichterstattung",
            },
        )
        for document in documents
    ]
    return items


def office_hours_stream() -> list[tuple[str, dict]]:
    return [
        (
            "hours",
            {"days": ["Tuesday"], "opens": datetime.time(9), "closes": datetime.time(17)},
        ),
        (
            "hours",
            {
                "days": ["Monday", "Thursday"],
                "opens": datetime.time(8, 30),
                "closes": datetime.time(12),
            },
        ),
    ]


def _contact_fields() -> dict:
    organisation = OrganisationFactory(with_logo=True, unit="Integrationsbüro")
    return {
        "contact_person": PersonFactory(organisation=organisation, with_photo=True),
        "contact_organisation": organisation,
    }


def full_network_page(parent=None, members: int = 2, speakers: int = 2) -> NetworkPage:
    people = PersonFactory.create_batch(speakers, with_photo=True)
    page = NetworkPageFactory(
        parent=parent or default_parent(),
        introduction="<p>Das Netzwerk bündelt die Integrationsarbeit im Landkreis.</p>",
        region="Landkreis Emsland",
        founded_year=2016,
        declared_member_count=members + 5,
        goals=text_items("Teilhabe verbessern", "Angebote sichtbar machen"),
        way_of_working="<p>Drei Plenarsitzungen im Jahr, dazwischen Arbeitsgruppen.</p>",
        meetings_per_year=3,
        meeting_rhythm="drei Plenarsitzungen im Jahr",
        speakers=team_members(people),
        more_info_url="https://netzwerk.example.org/",
        body=body_stream(),
        **_contact_fields(),
    )
    for _ in range(members):
        NetworkMembershipFactory(page=page, organisation=OrganisationFactory(with_logo=True))
    WorkingGroupFactory(page=page, contact=people[0] if people else None)
    WorkingGroupFactory(page=page, contact=None)
    return page


def full_partner_listing_page(parent=None, partners: int = 2) -> PartnerListingPage:
    page = PartnerListingPageFactory(
        parent=parent or default_parent(),
        introduction="<p>Unternehmen, Vereine und Verwaltung setzen sich gemeinsam ein.</p>",
        founded_year=2019,
        aims="<p>Mehr Ausbildungsplätze für junge Zugewanderte.</p>",
        measures=text_items("Praktikumsplätze anbieten", "Mentoring im Betrieb"),
        network_work="<p>Die Partner treffen sich zweimal im Jahr.</p>",
        patron=PersonFactory(academic_title="Dr.", position="Landrat", with_photo=True),
        events=[("event", EventFactory()), ("event", EventFactory())],
        body=body_stream(),
        **_contact_fields(),
    )
    for _ in range(partners):
        PartnershipFactory(page=page, organisation=OrganisationFactory(with_logo=True))
    return page


def full_speaker_team_page(parent=None, members: int = 2) -> SpeakerTeamPage:
    return SpeakerTeamPageFactory(
        parent=parent or default_parent(),
        introduction="<p>Das Sprecherteam vertritt das Netzwerk nach außen.</p>",
        members=team_members(PersonFactory.create_batch(members, with_photo=True)),
        body=body_stream(),
        **_contact_fields(),
    )


def full_press_release_index_page(parent=None, releases: int = 2) -> PressReleaseIndexPage:
    page = PressReleaseIndexPageFactory(
        parent=parent or default_parent(),
        introduction="<p>Aktuelle Mitteilungen des Netzwerks.</p>",
    )
    for _ in range(releases):
        PressReleasePageFactory(
            parent=page,
            lead="Das Netzwerk informiert über neue Angebote.",
            publisher=OrganisationFactory(with_logo=True, unit="Pressestelle"),
        )
    return page


def full_press_release_page(parent=None, media: int = 1, events: int = 1) -> PressReleasePage:
    return PressReleasePageFactory(
        parent=parent or PressReleaseIndexPageFactory(),
        release_date=datetime.date(2025, 5, 12),
        dateline="Meppen",
        subheadline="Angebot in Lingen, Meppen und Papenburg",
        lead="Ab sofort berät die Integrationsagentur auch in den Abendstunden.",
        body=body_stream(),
        media=media_stream(ImageFactory.create_batch(media), DocumentFactory.create_batch(media)),
        events=[("event", event) for event in EventFactory.create_batch(events)],
        press_contact=PersonFactory(position="Pressesprecherin", with_photo=True),
        publisher=OrganisationFactory(with_logo=True, unit="Pressestelle"),
    )


def full_project_index_page(parent=None, projects: int = 2) -> ProjectIndexPage:
    page = ProjectIndexPageFactory(
        parent=parent or default_parent(),
        introduction="<p>Geförderte Projekte im Landkreis.</p>",
    )
    for i in range(projects):
        ProjectPageFactory(
            parent=page,
            region="LEADER-Region Hasetal",
            start_date=datetime.date(2024, 1 + i, 1),
            end_date=datetime.date(2026, 12, 31),
        )
    return page


def full_project_page(parent=None, items: int = 2) -> ProjectPage:
    return ProjectPageFactory(
        parent=parent or ProjectIndexPageFactory(),
        introduction="<p>Ein Projekt zur Integration im ländlichen Raum.</p>",
        region="LEADER-Region Hasetal",
        municipalities=text_items("Herzlake", "Haselünne", "Löningen"),
        region_description="<p>Eine ländliche Region mit vielen kleinen Gemeinden.</p>",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2026, 12, 31),
        goals=text_items("Ehrenamt stärken"),
        measures=text_items("Sprachcafés", "Begegnungsfeste"),
        target_groups=text_items("Geflüchtete Familien", "Ehrenamtliche"),
        funding=[("funding", f) for f in FundingFactory.create_batch(items, with_logo=True)],
        funding_note="<p>Gefördert aus Mitteln des ELER.</p>",
        partners=[
            ("organisation", o) for o in OrganisationFactory.create_batch(items, with_logo=True)
        ],
        events=[("event", e) for e in EventFactory.create_batch(items)],
        press_contact=PersonFactory(position="Öffentlichkeitsarbeit"),
        body=body_stream(),
        **_contact_fields(),
    )


def full_organisation_profile_page(parent=None, funding: int = 2) -> OrganisationProfilePage:
    return OrganisationProfilePageFactory(
        parent=parent or default_parent(),
        organisation=OrganisationFactory(with_logo=True, name="Integrationsagentur Nordhorn"),
        operator=OrganisationFactory(name="Caritasverband Grafschaft Bentheim e. V."),
        tagline="Beratung für Zugewanderte – kostenlos und vertraulich",
        introduction="<p>Wir unterstützen Menschen mit Migrationsgeschichte.</p>",
        tasks=text_items("Migrationsberatung", "Vermittlung in Sprachkurse"),
        focus_districts=text_items("Blanke", "Innenstadt"),
        approach="<p>Wir arbeiten aufsuchend und mehrsprachig.</p>",
        office_hours=office_hours_stream(),
        office_hours_note="Termine auch nach Vereinbarung",
        by_appointment=False,
        free_and_confidential=True,
        funding=[("funding", f) for f in FundingFactory.create_batch(funding, with_logo=True)],
        funding_note="<p>Gefördert vom Land Niedersachsen.</p>",
        body=body_stream(),
        **_contact_fields(),
    )


def full_accessibility_statement_page(parent=None) -> AccessibilityStatementPage:
    return AccessibilityStatementPageFactory(
        parent=parent or default_parent(),
        scope="<p>Gilt für www.example.org.</p>",
        method="third_party",
        method_note="BITV-Test einer Prüfstelle",
        feedback_introduction="<p>Schreiben Sie uns.</p>",
        feedback_phone="02561 97999-0",
        enforcement_body="other",
        enforcement_name="Landesstelle für barrierefreie IT",
        enforcement_address="Postfach 1\n40000 Musterstadt",
        enforcement_email="landesstelle@example.org",
        enforcement_url="https://www.example.org/landesstelle/",
    )


def full_impressum_page(parent=None) -> ImpressumPage:
    return ImpressumPageFactory(
        parent=parent or default_parent(),
        legal_form="Körperschaft des öffentlichen Rechts",
        unit="Pressestelle",
        phone="02561 97999-0",
        fax="02561 97999-99",
        contact_form_url="https://www.example.org/kontakt/",
        supervisory_authority="Bezirksregierung Musterstadt",
        supervisory_authority_address="Domplatz 1\n48000 Musterstadt",
        vat_id="DE123456789",
        further_information="<p>Für verlinkte Seiten sind deren Anbieter verantwortlich.</p>",
    )


FULL_PAGE_BUILDERS = {
    NetworkPage: full_network_page,
    PartnerListingPage: full_partner_listing_page,
    SpeakerTeamPage: full_speaker_team_page,
    PressReleaseIndexPage: full_press_release_index_page,
    PressReleasePage: full_press_release_page,
    ProjectIndexPage: full_project_index_page,
    ProjectPage: full_project_page,
    OrganisationProfilePage: full_organisation_profile_page,
    AccessibilityStatementPage: full_accessibility_statement_page,
    ImpressumPage: full_impressum_page,
    EasyReadPage: full_easy_read_page,
}


# ---------------------------------------------------------------------------------------------
# Press room: photo archive


class PhotoArchivePageFactory(IntegrationPageFactory):
    class Meta:
        model = "wagtail_integration.PhotoArchivePage"

    title = "Pressefotos"
    introduction = "<p>Fotos aus unseren Pressemitteilungen zum Herunterladen.</p>"


def press_image_item(image, caption="Netzwerktreffen im Kreishaus", credit="Kreis Steinfurt"):
    """One ``image`` entry of a press release's ``media`` stream."""
    return (
        "image",
        {
            "image": image,
            "alt_text": "Gruppenfoto der Teilnehmenden",
            "caption": caption,
            "credit": credit,
            "licence": "Frei zur Berichterstattung",
        },
    )
