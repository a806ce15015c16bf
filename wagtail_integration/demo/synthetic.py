"""Synthetic organisations for the demo directory and for load tests.

``wagtail_integration_demo --organisations N`` makes sure the locale holds N of them. Every
synthetic organisation is marked in its name (``… (synthetisch 00042)``), uses reserved
``.example`` domains and describes itself as synthetic, so none can be mistaken for a real
organisation. Entry number ``n`` is always generated the same way (seeded with ``n``), so a
second call with a larger N tops the set up and the same N adds nothing.

Rows are written with ``bulk_create`` in batches and added to the search index in bulk:
20,000 organisations take a few seconds on SQLite.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from django.db import transaction
from wagtail.models import Locale
from wagtail.search.backends import get_search_backends

from ..models import Organisation, Topic
from ..models.snippets import german_sort_key, sort_key_initial
from ..organisations_io.importing import refresh_statistics

MARK = "(synthetisch "
BATCH_SIZE = 1000

# (weight, municipality); towns and districts of North Rhine-Westphalia, with the towns of
# Kreis Steinfurt where its migrant organisations are said to be concentrated.
MUNICIPALITIES: list[tuple[int, str]] = [
    (30, "Köln"),
    (25, "Düsseldorf"),
    (22, "Dortmund"),
    (20, "Essen"),
    (18, "Duisburg"),
    (14, "Bochum"),
    (14, "Wuppertal"),
    (12, "Bielefeld"),
    (12, "Bonn"),
    (12, "Münster"),
    (10, "Gelsenkirchen"),
    (10, "Mönchengladbach"),
    (9, "Aachen"),
    (8, "Krefeld"),
    (8, "Oberhausen"),
    (8, "Hagen"),
    (8, "Hamm"),
    (7, "Herne"),
    (7, "Mülheim an der Ruhr"),
    (6, "Solingen"),
    (6, "Leverkusen"),
    (6, "Paderborn"),
    (5, "Neuss"),
    (5, "Recklinghausen"),
    (5, "Siegen"),
    (4, "Gütersloh"),
    (4, "Iserlohn"),
    (4, "Düren"),
    (4, "Lünen"),
    (4, "Rheine"),
    (3, "Ibbenbüren"),
    (3, "Emsdetten"),
    (3, "Greven"),
    (3, "Steinfurt"),
    (2, "Lengerich"),
    (2, "Ochtrup"),
    (2, "Borken"),
    (2, "Bocholt"),
    (2, "Ahaus"),
    (2, "Ennepetal"),
    (2, "Oelde"),
    (2, "Übach-Palenberg"),
]

# (weight, kind, name patterns); {town} is the municipality, {origin} a community.
KINDS: list[tuple[int, str, list[str]]] = [
    (
        50,
        Organisation.Kind.MIGRANT_ORGANISATION,
        [
            "{origin} Kulturverein {town} e. V.",
            "Elternverein {origin} Familien {town}",
            "Frauennetzwerk {origin} Frauen {town}",
            "Jugendforum {origin} Jugendlicher {town}",
            "Begegnungszentrum {origin} Gemeinde {town}",
            "Sport- und Kulturverein {origin} {town}",
        ],
    ),
    (
        12,
        Organisation.Kind.ASSOCIATION,
        ["Förderverein Nachbarschaft {town}", "Bürgerverein {town}-Mitte"],
    ),
    (
        10,
        Organisation.Kind.WELFARE_PROVIDER,
        ["Beratungsstelle Migration {town}", "Sozialdienst Integration {town}"],
    ),
    (
        8,
        Organisation.Kind.PUBLIC_BODY,
        ["Fachstelle Integration {town}", "Bürgerbüro Zuwanderung {town}"],
    ),
    (8, Organisation.Kind.EDUCATION, ["Sprachschule {town}-Nord", "Bildungswerk Vielfalt {town}"]),
    (4, Organisation.Kind.NETWORK, ["Netzwerk Ehrenamt {town}", "Runder Tisch Integration {town}"]),
    (
        4,
        Organisation.Kind.COMPANY,
        ["Übersetzungsbüro {town}", "Ausbildungsbetrieb Handwerk {town}"],
    ),
    (2, Organisation.Kind.MEDIA, ["Lokalradio Vielfalt {town}"]),
    (2, Organisation.Kind.OTHER, ["Initiative Willkommen {town}"]),
]

ORIGINS = [
    "Afghanischer",
    "Afrikanischer",
    "Albanischer",
    "Arabischer",
    "Bosnischer",
    "Eritreischer",
    "Ghanaischer",
    "Griechischer",
    "Iranischer",
    "Italienischer",
    "Kurdischer",
    "Kroatischer",
    "Marokkanischer",
    "Polnischer",
    "Portugiesischer",
    "Russischsprachiger",
    "Spanischer",
    "Syrischer",
    "Türkischer",
    "Ukrainischer",
    "Vietnamesischer",
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
    "Kultur",
    "Religion",
]


def synthetic_queryset(locale: Locale):
    return Organisation.objects.filter(locale=locale, name__contains=MARK)


def build_organisation(number: int, locale: Locale) -> tuple[Organisation, list[str]]:
    """Synthetic organisation ``number`` (unsaved) and the names of its topics."""
    rng = random.Random(number)  # noqa: S311  (demo data, not cryptography)
    town = rng.choices([m for _w, m in MUNICIPALITIES], [w for w, _m in MUNICIPALITIES])[0]
    _weight, kind, patterns = rng.choices(KINDS, [weight for weight, _k, _p in KINDS])[0]
    base = rng.choice(patterns).format(town=town, origin=rng.choice(ORIGINS))
    name = f"{base} {MARK}{number:05d})"
    topics = rng.sample(TOPICS, rng.randint(1, 3))
    domain = f"synthetisch-{number:05d}.example"
    organisation = Organisation(
        locale=locale,
        name=name,
        sort_key=german_sort_key(name),
        sort_initial=sort_key_initial(german_sort_key(name)),
        kind=kind,
        municipality=town,
        street=f"Musterstraße {rng.randint(1, 120)}",
        postcode=f"{rng.randint(32000, 59999):05d}",
        city=town,
        website=f"https://www.{domain}/",
        email=f"kontakt@{domain}",
        phone=f"0{rng.randint(200, 599)} {rng.randint(100000, 999999)}",
        description=(
            "<p>Synthetischer Eintrag für Demo und Lasttests, keine echte Organisation. "
            f"Schwerpunkte: {', '.join(topics)}.</p>"
        ),
    )
    return organisation, topics


def ensure_synthetic_organisations(
    locale: Locale, total: int, log: Callable[[str], None] = lambda line: None
) -> int:
    """Make the locale hold ``total`` synthetic organisations; return how many were added."""
    existing = synthetic_queryset(locale).count()
    if existing >= total:
        return 0
    topics = {}
    for name in TOPICS:
        topic = Topic.objects.filter(locale=locale, name=name).order_by("pk").first()
        topics[name] = topic or Topic.objects.create(locale=locale, name=name)
    through = Organisation.topics.through
    backends = list(get_search_backends(with_auto_update=True))
    added = 0
    with transaction.atomic():
        for start in range(existing + 1, total + 1, BATCH_SIZE):
            numbers = range(start, min(start + BATCH_SIZE, total + 1))
            built = [build_organisation(number, locale) for number in numbers]
            created = Organisation.objects.bulk_create([organisation for organisation, _t in built])
            if any(organisation.pk is None for organisation in created):  # no RETURNING
                names = [organisation.name for organisation in created]
                by_name = dict(
                    Organisation.objects.filter(locale=locale, name__in=names).values_list(
                        "name", "pk"
                    )
                )
                for organisation in created:
                    organisation.pk = by_name[organisation.name]
            through.objects.bulk_create(
                [
                    through(organisation_id=organisation.pk, topic_id=topics[name].pk)
                    for organisation, (_o, names) in zip(created, built, strict=True)
                    for name in names
                ]
            )
            for backend in backends:
                backend.add_bulk(Organisation, created)
            added += len(created)
            log(f"  synthetic organisations: {existing + added} of {total}")
    refresh_statistics()
    return added
