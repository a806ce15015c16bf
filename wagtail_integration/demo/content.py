"""Data of the demo content: five example pages with the snippets and images they use.

The facts come from public pages of German integration networks (names, numbers, dates,
places, contact data); every text is written anew for the demo. Everything here is plain
data: ``builder.py`` creates it. Snippets are referred to by their key in the dicts below
through ``Ref``, which the builder replaces with the saved object.
"""

from __future__ import annotations

from datetime import date, time
from typing import NamedTuple


class Ref(NamedTuple):
    """A reference to a snippet or image defined in this module (``kind`` names the dict)."""

    kind: str  # "image", "topic", "organisation", "person", "funding" or "event"
    key: str


def image(key: str) -> Ref:
    return Ref("image", key)


def topic(key: str) -> Ref:
    return Ref("topic", key)


def org(key: str) -> Ref:
    return Ref("organisation", key)


def person(key: str) -> Ref:
    return Ref("person", key)


def funding(key: str) -> Ref:
    return Ref("funding", key)


def event(key: str) -> Ref:
    return Ref("event", key)


class FromNow(NamedTuple):
    """A time ``days`` after the demo is built (a date when ``as_date``): embargoes lie ahead."""

    days: int
    as_date: bool = False


def items(*texts: str) -> list[tuple[str, str]]:
    """Stream data of a ``TextListBlock`` (goals, tasks, measures, places)."""
    return [("item", text) for text in texts]


def team(*members: tuple[str, str]) -> list[tuple[str, dict]]:
    """Stream data of a ``TeamMembersBlock`` from (person key, role) pairs."""
    return [("member", {"person": person(key), "role": role}) for key, role in members]


# Organisation kinds (values of ``Organisation.Kind``)
PUBLIC = "public_body"
WELFARE = "welfare_provider"
ASSOCIATION = "association"
EDUCATION = "education"
COMPANY = "company"
MEDIA = "media"
NETWORK = "network"


# Placeholder images, drawn by the builder: a coloured rectangle with the title on it.
IMAGES = {
    "conference": {
        "title": "Fachkonferenz Integration",
        "description": "Platzhalterbild zur Fachkonferenz Integration im Kreis Steinfurt",
        "colour": (31, 95, 139),
    },
    "leader_logo": {
        "title": "Logo LEADER (Platzhalter)",
        "description": "Platzhalter für das Logo des EU-Förderprogramms LEADER",
        "colour": (0, 82, 147),
    },
    "nrw_logo": {
        "title": "Logo Land Nordrhein-Westfalen (Platzhalter)",
        "description": "Platzhalter für das Logo des Landes Nordrhein-Westfalen",
        "colour": (0, 122, 61),
    },
}


TOPICS: dict[str, dict] = {
    "migrant_organisations": {"name": "Migrantenorganisationen"},
}


ORGANISATIONS: dict[str, dict] = {
    # Westmünsterland network: the members the speaker team comes from
    "ki_borken": {
        "name": "Kommunales Integrationszentrum Kreis Borken",
        "short_name": "KI Kreis Borken",
        "kind": PUBLIC,
        "municipality": "Kreis Borken",
    },
    "drk_borken": {
        "name": "DRK Integrationsagentur",
        "kind": WELFARE,
        "municipality": "Kreis Borken",
    },
    "caritas_borken": {
        "name": "Caritas Integrationsagentur",
        "kind": WELFARE,
        "municipality": "Kreis Borken",
    },
    # Borken project
    "stadt_borken": {
        "name": "Stadt Borken",
        "kind": PUBLIC,
        "municipality": "Borken",
        "street": "Im Piepershagen 17",
        "postcode": "46325",
        "city": "Borken",
    },
    "stadt_borken_press": {
        "name": "Stadt Borken",
        "unit": "Fachabteilung Kommunikation und Städtepartnerschaften – Pressestelle",
        "kind": PUBLIC,
        "municipality": "Borken",
        "street": "Im Piepershagen 17",
        "postcode": "46325",
        "city": "Borken",
        "email": "pressestelle@borken.de",
    },
    "waik": {
        "name": "Waik-Institut",
        "kind": EDUCATION,
        "municipality": "Köln",
        "city": "Köln",
    },
    # Steinfurt press release
    "kreis_steinfurt": {
        "name": "Kreis Steinfurt",
        "unit": "Stabsstelle Landrat",
        "kind": PUBLIC,
        "municipality": "Kreis Steinfurt",
        "street": "Tecklenburger Straße 10",
        "postcode": "48565",
        "city": "Steinfurt",
        "phone": "02551-692160",
        "fax": "02551-692100",
        "website": "https://www.kreis-steinfurt.de",
    },
    "ki_steinfurt": {
        "name": "Kommunales Integrationszentrum Kreis Steinfurt",
        "short_name": "KI",
        "kind": PUBLIC,
        "municipality": "Kreis Steinfurt",
    },
    # Partner initiative of the state of North Rhine-Westphalia
    "partner_office": {
        "name": "Geschäftsstelle der Partnerinitiative",
        "kind": PUBLIC,
        "municipality": "Nordrhein-Westfalen",
        "email": "partnernetzwerk@mkjfgfi.nrw.de",
        "description": (
            "<p>Gibt auf Anfrage gern weitere Auskünfte über das Partnernetzwerk und "
            "nennt Kontaktdaten.</p>"
        ),
    },
    # Herne integration agency
    "ia_herne": {
        "name": "Integrationsagentur Herne",
        "short_name": "PLANB-Integrationsagentur",
        "kind": WELFARE,
        "municipality": "Herne",
        "city": "Herne",
        # Overdue for review: the dashboard panel and the reminders have something to show.
        "review_by": FromNow(-3, as_date=True),
    },
    "planb": {
        "name": "PLANB",
        "kind": WELFARE,
        "municipality": "Herne",
        "city": "Herne",
    },
}

# The 39 partners of „Erfolgsfaktor Interkulturelle Öffnung – NRW stärkt Vielfalt!“ in the
# order of the source page: (name, kind, municipality). The source names no seats, so the
# municipality is the place the name contains or, failing that, the area the partner serves.
PARTNERS: list[tuple[str, str, str]] = [
    ("Arbeiter-Samariter-Bund Regionalverband Ruhr e.V.", WELFARE, "Ruhrgebiet"),
    ("Bezirksregierung Arnsberg", PUBLIC, "Arnsberg"),
    ("Bezirksregierung Detmold", PUBLIC, "Detmold"),
    ("Bezirksregierung Düsseldorf", PUBLIC, "Düsseldorf"),
    ("Bezirksregierung Köln", PUBLIC, "Köln"),
    ("Bezirksregierung Münster", PUBLIC, "Münster"),
    ("Caritasverband für den Kreis Unna e.V.", WELFARE, "Kreis Unna"),
    ("Caritasverband Hamm e.V.", WELFARE, "Hamm"),
    ("Deutscher Paritätischer Wohlfahrtsverband NRW", WELFARE, "Nordrhein-Westfalen"),
    ("Eine Welt Netz NRW", NETWORK, "Nordrhein-Westfalen"),
    ("Gemeinde Hüllhorst", PUBLIC, "Hüllhorst"),
    ("IHK NRW", ASSOCIATION, "Nordrhein-Westfalen"),
    ("Jobcenter StädteRegion Aachen", PUBLIC, "StädteRegion Aachen"),
    ("Jobcenter Dortmund", PUBLIC, "Dortmund"),
    ("Jobcenter Duisburg", PUBLIC, "Duisburg"),
    ("Kreis Lippe", PUBLIC, "Kreis Lippe"),
    ("Kreis Minden-Lübbecke", PUBLIC, "Kreis Minden-Lübbecke"),
    ("Kreis Soest", PUBLIC, "Kreis Soest"),
    ("Landesmusikakademie NRW e.V.", EDUCATION, "Nordrhein-Westfalen"),
    ("Landesmusikrat NRW e.V.", ASSOCIATION, "Nordrhein-Westfalen"),
    ("Landessportbund NRW", ASSOCIATION, "Nordrhein-Westfalen"),
    ("Landesverband der Musikschulen in NRW e.V.", ASSOCIATION, "Nordrhein-Westfalen"),
    ("Landesverband der Volkshochschulen von NRW e.V.", ASSOCIATION, "Nordrhein-Westfalen"),
    ("Landschaftsverband Rheinland", PUBLIC, "Rheinland"),
    ("Landschaftsverband Westfalen-Lippe", PUBLIC, "Westfalen-Lippe"),
    ("Multikulturelles Forum e.V.", ASSOCIATION, "Nordrhein-Westfalen"),
    ("Polizei Gelsenkirchen", PUBLIC, "Gelsenkirchen"),
    ("Polizeipräsidium Dortmund", PUBLIC, "Dortmund"),
    ("Rheinbahn AG Düsseldorf", COMPANY, "Düsseldorf"),
    ("Rhein-Sieg-Kreis", PUBLIC, "Rhein-Sieg-Kreis"),
    ("Stadt Duisburg", PUBLIC, "Duisburg"),
    ("Stadt Gelsenkirchen", PUBLIC, "Gelsenkirchen"),
    ("Stadt Jülich", PUBLIC, "Jülich"),
    ("Stadt Solingen", PUBLIC, "Solingen"),
    ("Städtekooperation Integration.Interkommunal", NETWORK, "Nordrhein-Westfalen"),
    ("unternehmer.nrw", ASSOCIATION, "Nordrhein-Westfalen"),
    ("Westdeutscher Handwerkskammertag", ASSOCIATION, "Nordrhein-Westfalen"),
    ("Westdeutscher Rundfunk", MEDIA, "Nordrhein-Westfalen"),
    ("Stadt Wuppertal", PUBLIC, "Wuppertal"),
]

# A partner's key is its name.
ORGANISATIONS.update(
    {name: {"name": name, "kind": kind, "municipality": place} for name, kind, place in PARTNERS}
)


PEOPLE: dict[str, dict] = {
    # Speaker team of the Westmünsterland network
    "schulz_kuegler": {
        "first_name": "Sandra",
        "last_name": "Schulz-Kügler",
        "position": "Leiterin des Kommunalen Integrationszentrums",
        "organisation": org("ki_borken"),
    },
    "meller": {
        "first_name": "Jan",
        "last_name": "Meller",
        "organisation": org("drk_borken"),
    },
    "berek_teloeken": {
        "first_name": "Anna",
        "last_name": "Berek-Telöken",
        "organisation": org("caritas_borken"),
    },
    "eisen": {
        "first_name": "Grete",
        "last_name": "Eisen",
        "position": "Schwerpunkt Antidiskriminierungsarbeit",
        "organisation": org("caritas_borken"),
    },
    # Borken project
    "habers": {
        "first_name": "Jana",
        "last_name": "Habers",
        "position": "Ansprechpartnerin für Ehrenamt in der Integrationsarbeit",
        "organisation": org("stadt_borken"),
        "street": "Im Piepershagen 17",
        "postcode": "46325",
        "city": "Borken",
        "building": "E",
        "room": "E113",
        "phone": "02861 939414",
        "email": "habers@borken.de",
    },
    "lahann": {
        "first_name": "Julia",
        "last_name": "Lahann",
        "position": "Leiterin der Fachabteilung",
        "organisation": org("stadt_borken_press"),
        "street": "Im Piepershagen 17",
        "postcode": "46325",
        "city": "Borken",
        "phone": "02861/939-106",
        "fax": "02861/939-253",
        "email": "pressestelle@borken.de",
    },
    "heidari": {
        "academic_title": "Dr.",
        "last_name": "Heidari",
        "position": "Dozent",
        "organisation": org("waik"),
    },
    # Steinfurt press release
    "wessling": {
        "first_name": "Kirsten",
        "last_name": "Weßling",
        "position": "Pressesprecherin",
        "organisation": org("kreis_steinfurt"),
        "phone": "02551-692160",
        "fax": "02551-692100",
        "email": "kirsten.wessling@kreis-steinfurt.de",
    },
    # Partner initiative
    "bahr": {
        "first_name": "Lorenz",
        "last_name": "Bahr",
        "position": "Staatssekretär",
    },
}


FUNDING: dict[str, dict] = {
    "leader": {
        "name": "LEADER",
        "funder": (
            "Europäische Union – Europäischer Landwirtschaftsfonds für die Entwicklung "
            "des ländlichen Raums (ELER)"
        ),
        "description": (
            "<p>Mit LEADER fördert die Europäische Union ländliche Räume: Das Programm "
            "stärkt ihre Strukturen und hilft Regionen, sich aus eigener Kraft und auf "
            "Dauer weiterzuentwickeln.</p>"
        ),
        "attribution": "Gefördert von der Europäischen Union (ELER) im Programm LEADER",
        "logo": image("leader_logo"),
    },
    "integrationsagenturen_nrw": {
        "name": "Integrationsagenturen NRW",
        "funder": "Land Nordrhein-Westfalen",
        "description": (
            "<p>Landesprogramm, 2007 vom Land Nordrhein-Westfalen gestartet. Statt "
            "Einzelne zu beraten, will es ein Umdenken in der Gesellschaft anstoßen und "
            "Angebote für Migrantinnen und Migranten öffnen.</p>"
        ),
        "attribution": "Gefördert durch das Land Nordrhein-Westfalen",
        "logo": image("nrw_logo"),
    },
}


EVENTS: dict[str, dict] = {
    "training_borken": {
        "title": "Netzwerkarbeit interkulturell gestalten",
        "kind": "training",
        "topic": "Migrantenorganisationen gezielt in die Netzwerkarbeit einbinden",
        "description": (
            "<p>LEADER-Fortbildung für haupt- und ehrenamtlich Tätige aus der "
            "Flüchtlingshilfe in den Kommunen der LEADER-Region Bocholter Aa. Auf dem "
            "Programm: wie man Menschen verschiedener Herkunft und Religion besser "
            "erreicht und mit welchen Strategien und Methoden Migrantenorganisationen "
            "Teil der Netzwerke werden.</p>"
        ),
        # The source page gives no date for the training ("last week"); this one is made up.
        "start_date": date(2017, 11, 18),
        "venue": "Rathaus Borken",
        "street": "Im Piepershagen 17",
        "postcode": "46325",
        "city": "Borken",
        "lecturer": person("heidari"),
    },
    "working_group_steinfurt": {
        "title": "Arbeitskreis Migrantenorganisationen im Kreis Steinfurt",
        "kind": "working_group",
        "topic": "Projektfördermittelakquise für Migrantenorganisationen",
        "description": (
            "<p>Das Kommunale Integrationszentrum lädt seit Sommer 2017 halbjährlich zu "
            "diesem Arbeitskreis ein. Anmelden können sich Vertreterinnen und Vertreter "
            "der Migrantenorganisationen im Kreis.</p>"
        ),
        "start_date": date(2018, 5, 14),
        "organiser": org("ki_steinfurt"),
        "registration_url": "https://www.kreis-steinfurt.de/integration",
    },
    "partner_event_2024": {
        "title": "Partnerveranstaltung 2024",
        "kind": "partner_event",
        "description": (
            "<p>Die jüngste Fachveranstaltung der Partnerinitiative; ein Kurzbericht fasst "
            "sie zusammen.</p>"
        ),
        "start_date": date(2024, 6, 7),
        "venue": "Polizeipräsidium Dortmund",
        "city": "Dortmund",
    },
    # The source mentions partly digital network meetings but gives no date or link: both
    # are made up (example.org), so the demo has an online-only event.
    "partner_meeting_online": {
        "title": "Digitales Netzwerktreffen der Partnerorganisationen",
        "kind": "meeting",
        "topic": "Interkulturelle Öffnung in der Personalgewinnung",
        "description": (
            "<p>Ein Treffen per Videokonferenz: Zwei Partner berichten kurz aus ihrer "
            "Praxis, danach bleibt Zeit für Fragen in kleinen Runden. Eine Anmeldung ist "
            "nicht nötig, der Link führt direkt in den Konferenzraum.</p>"
        ),
        "start_date": date(2024, 11, 12),
        "start_time": time(10, 0),
        "end_time": time(11, 30),
        "online_url": "https://konferenz.example.org/partnernetzwerk-nrw",
        "organiser": org("partner_office"),
    },
}


SPEAKERS = team(
    ("schulz_kuegler", "Leiterin des Kommunalen Integrationszentrums Kreis Borken"),
    ("meller", "DRK Integrationsagentur"),
    ("berek_teloeken", "Caritas Integrationsagentur"),
    ("eisen", "Caritas Integrationsagentur, Schwerpunkt Antidiskriminierungsarbeit"),
)


NETWORK_PAGE = {
    "type": "NetworkPage",
    "title": "Interkulturelles Netzwerk Westmünsterland",
    "slug": "interkulturelles-netzwerk-westmuensterland",
    "fields": {
        "show_in_menus": True,
        "introduction": (
            "<p>Im Kreis Borken leben Menschen mit ganz verschiedenen Biografien, "
            "Erfahrungen und Sichtweisen. Diese Vielfalt tut der Region gut und eröffnet "
            "dem Zusammenleben neue Möglichkeiten. Damit Integration gelingt und alle die "
            "gleichen Chancen auf Teilhabe bekommen, müssen sich die Beteiligten "
            "verlässlich und auf Augenhöhe austauschen.</p>"
            "<p>Für diesen Austausch wurde 2007 das Interkulturelle Netzwerk "
            "Westmünsterland gegründet. Darin gestalten heute 20 gleichberechtigte "
            "Organisationen öffentlicher und freier Träger gemeinsam Integration. Es geht "
            "um mehr als Hilfe für Neubürgerinnen und Neubürger: Das Netzwerk bringt "
            "Alteingesessene und Zugewanderte ins Gespräch und setzt sich für eine offene, "
            "solidarische Gesellschaft mit fairen Chancen ein.</p>"
        ),
        "region": "Kreis Borken",
        "founded_year": 2007,
        "declared_member_count": 20,
        "goals": items(
            "Ein wertschätzendes Miteinander aller Menschen stärken – gleich, woher sie "
            "kommen und welchen kulturellen Hintergrund sie haben",
            "Integration als Prozess in beide Richtungen begreifen, an dem Neuankommende "
            "und aufnehmende Gesellschaft gleichermaßen beteiligt sind",
            "Gleiche Chancen und Teilhabe an der Gesellschaft möglich machen",
            "Für Fragen von Migration und Integration zusammen Lösungen erarbeiten",
        ),
        "way_of_working": (
            "<p>Dreimal im Jahr kommt das Netzwerk zusammen und bespricht, welche "
            "Entwicklungen, Bedarfe und Herausforderungen sich gerade zeigen. Daraus "
            "entstehen thematische Arbeitsgruppen, die einzelne Fragen gezielt bearbeiten "
            "und Lösungen für die Praxis entwickeln. Weil die Mitglieder ihr Fachwissen "
            "teilen, setzen sie Ressourcen sparsam ein und nutzen Synergien.</p>"
        ),
        "meetings_per_year": 3,
        "meeting_rhythm": "drei Netzwerktreffen im Jahr",
        "memberships": [
            {"organisation": org("ki_borken")},
            {"organisation": org("drk_borken")},
            {"organisation": org("caritas_borken")},
        ],
        "working_groups": [
            {"name": "Antidiskriminierungsarbeit"},
            {"name": "Flucht und Behinderung"},
            {"name": "Interkulturelle Kompetenzen"},
            {"name": "EU"},
            {"name": "Öffentlichkeit"},
            {"name": "Anerkennungsberatung"},
        ],
        "speakers": SPEAKERS,
        "body": [
            ("heading", "Was das Netzwerk bewegt"),
            (
                "paragraph",
                "<p>Seit 2007 hat das Netzwerk viele Veranstaltungen, Fachtage und "
                "Diskussionsforen auf die Beine gestellt. Sie sollen Institutionen für die "
                "interkulturelle Öffnung gewinnen, Vorurteilen entgegenwirken und in der "
                "Gesellschaft das Bewusstsein für Vielfalt und gleiche Chancen schärfen.</p>"
                "<p>Das Netzwerk versteht sich als Antrieb für eine offene Gesellschaft, "
                "die nach vorn schaut: Integration verläuft nicht nur in eine Richtung – "
                "sie ist ein Weg, den alle zusammen gehen.</p>",
            ),
        ],
    },
    "children": [
        {
            "type": "SpeakerTeamPage",
            "title": "Sprecherteam",
            "slug": "sprecherteam",
            "fields": {
                "introduction": (
                    "<p>Vier Personen sprechen für das Interkulturelle Netzwerk "
                    "Westmünsterland: die Leiterin des Kommunalen Integrationszentrums "
                    "Kreis Borken sowie Fachleute der Integrationsagenturen von DRK und "
                    "Caritas.</p>"
                ),
                "members": SPEAKERS,
            },
        }
    ],
}


PROJECT_PAGES = {
    "type": "ProjectIndexPage",
    "title": "Projekte",
    "slug": "projekte",
    "fields": {
        "show_in_menus": True,
        "introduction": (
            "<p>Vorhaben, mit denen Kommunen und Netzwerke Integration vor Ort voranbringen.</p>"
        ),
    },
    "children": [
        {
            "type": "ProjectPage",
            "title": "Integration durch ehrenamtliches Engagement in Borken",
            "slug": "integration-durch-ehrenamtliches-engagement-borken",
            "fields": {
                "introduction": (
                    "<p>Im LEADER-Projekt „Integration unterstützt durch Ehrenamt“, in "
                    "Borken unter dem Titel „Integration durch ehrenamtliches Engagement "
                    "in Borken“ bekannt, geht es um freiwillige Arbeit mit geflüchteten "
                    "Menschen. In der Region helfen schon jetzt viele Bürgerinnen und "
                    "Bürger, mit oder ohne eigene Migrationsgeschichte, in der "
                    "Flüchtlingshilfe. Dieser Einsatz hilft Geflüchteten, hier Fuß zu "
                    "fassen, und hält die Gesellschaft zusammen.</p>"
                    "<p>Gesucht werden weitere Freiwillige mit und ohne "
                    "Migrationshintergrund, die Geflüchtete im Alltag unterstützen und "
                    "begleiten. Wer schon länger hier lebt („Altzugewanderte“), kann "
                    "„Neuzugewanderten“ mit eigenen Erfahrungen und Kenntnissen "
                    "weiterhelfen und ihnen ein Vorbild sein.</p>"
                ),
                "region": "LEADER-Region Bocholter Aa",
                "municipalities": items("Bocholt", "Isselburg", "Rhede", "Borken", "Velen"),
                "region_description": (
                    "<p>Die LEADER-Region Bocholter Aa umfasst die Kommunen Bocholt, "
                    "Isselburg, Rhede, Borken und Velen. Sie gehört zu den 28 Regionen in "
                    "Nordrhein-Westfalen, deren Bewerbung für das LEADER-Programm Erfolg "
                    "hatte – unter anderem mit dem Projekt „Integration unterstützt durch "
                    "Ehrenamt“.</p>"
                ),
                "goals": items(
                    "Das Ehrenamt als festes Thema in der Region verankern",
                    "Vorhandene Strukturen miteinander vernetzen und stärken",
                    "Die Integration von Menschen mit Zuwanderungsgeschichte fördern – "
                    "durch gemeinsame Initiativen und gegenseitige Unterstützung haupt- "
                    "und ehrenamtlicher LEADER-Akteure",
                ),
                "measures": items(
                    "Mehr Hilfs- und Unterstützungsangebote für Geflüchtete, getragen von "
                    "freiwilligem Engagement",
                    "Menschen mit und ohne Migrationshintergrund für ein Ehrenamt "
                    "gewinnen, schulen und begleiten",
                    "Öffentlichkeitsarbeit, die einzelne Zielgruppen gezielt anspricht",
                ),
                "target_groups": items(
                    "Ehrenamtliche mit und ohne Migrationshintergrund",
                    "Geflüchtete Menschen",
                    "Haupt- und Ehrenamtliche in der Flüchtlingshilfe der Region",
                    "Länger hier lebende Zugewanderte, die Neuzugewanderte mit ihrer "
                    "Erfahrung unterstützen",
                ),
                "funding": [("funding", funding("leader"))],
                "funding_note": (
                    "<p>Das Projekt wird über LEADER gefördert, ein Programm der "
                    "Europäischen Union, das ländliche Räume strukturell stärkt. Das Geld "
                    "kommt aus dem ELER, dem Europäischen Landwirtschaftsfonds für die "
                    "Entwicklung des ländlichen Raums. Gefördert wird eine Entwicklung, die "
                    "die Region selbst trägt und die auf Dauer angelegt ist.</p>"
                ),
                "events": [("event", event("training_borken"))],
                "contact_person": person("habers"),
                "press_contact": person("lahann"),
                "body": [
                    ("heading", "Fortbildung im Rathaus Borken"),
                    (
                        "paragraph",
                        "<p>Zum Projekt gehörte die LEADER-Fortbildung „Netzwerkarbeit "
                        "interkulturell gestalten“ im Borkener Rathaus. Haupt- und "
                        "Ehrenamtliche aus der Flüchtlingshilfe in den verschiedenen "
                        "Kommunen der LEADER-Region erweiterten dort ihr Wissen. Als "
                        "Dozent kam Dr. Heidari vom Waik-Institut aus Köln. Die "
                        "Teilnehmenden übten, Menschen unterschiedlicher Herkunft und "
                        "Glaubenszugehörigkeit besser zu erreichen, und lernten "
                        "Strategien und Methoden kennen, mit denen sich "
                        "Migrantenorganisationen gezielt in Netzwerke einbinden "
                        "lassen.</p>",
                    ),
                    ("heading", "Mitmachen"),
                    (
                        "paragraph",
                        "<p>Sie wollen sich in Borken freiwillig für Integration "
                        "einsetzen? Oder Sie engagieren sich schon und wünschen sich "
                        "Unterstützung, Weiterbildung oder Kontakt zu anderen "
                        "Engagierten? Dann melden Sie sich bei Jana Habers im Rathaus "
                        "Borken.</p>",
                    ),
                ],
            },
        }
    ],
}


PRESS_PAGES = {
    "type": "PressReleaseIndexPage",
    "title": "Presse",
    "slug": "presse",
    "fields": {
        "show_in_menus": True,
        "introduction": "<p>Pressemitteilungen rund um die Integrationsarbeit.</p>",
    },
    "children": [
        {
            "type": "PressReleasePage",
            "title": (
                "Fachkonferenz zu Migrantenorganisationen: Starke Partner in der Integrationsarbeit"
            ),
            "slug": "fachkonferenz-migrantenorganisationen-steinfurt",
            "fields": {
                "release_date": date(2018, 5, 2),
                "dateline": "Kreis Steinfurt",
                "subheadline": (
                    "Gemeinsam Integration gestalten / Nächstes Arbeitskreistreffen am 14. Mai"
                ),
                "lead": (
                    "Was macht Migrantenorganisationen aus, und wie arbeitet man gut mit "
                    "ihnen zusammen? Darum ging es auf der 17. Fachkonferenz „Zuwanderung, "
                    "Aufenthalt, Integration“. Das Kommunale Integrationszentrum (KI) des "
                    "Kreises Steinfurt hatte dazu rund 100 Gäste aus Kommunen, Politik, "
                    "Behörden, Institutionen, Verbänden und Migrantenorganisationen "
                    "eingeladen."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>Migrantenorganisationen sind Vereine und Zusammenschlüsse, die "
                        "Migrantinnen und Migranten selbst gegründet haben und selbst "
                        "leiten. Sie vertreten die Anliegen ihrer Mitglieder, bündeln "
                        "Kräfte zur Selbsthilfe und schlagen Brücken zur "
                        "Aufnahmegesellschaft. Ihren Mitgliedern helfen sie etwa bei "
                        "Behördengängen; im Kreis Steinfurt bieten sie außerdem "
                        "Sprachkurse, Sport, Sommerschulen, Kunst- und Kulturangebote "
                        "sowie Begegnungsfeste an.</p>"
                        "<p>Lilli Schmidt, Leiterin des Kommunalen Integrationszentrums "
                        "im Kreis Steinfurt, betonte, dass im Kreis schon seit Jahrzehnten "
                        "Integration gelebt werde. Vom großen Einsatz der Zugewanderten "
                        "bekomme die Öffentlichkeit aber oft zu wenig mit.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Die meisten Migrantenorganisationen im Kreis haben einen "
                        "kulturellen oder religiösen Schwerpunkt; sie sitzen vor allem in "
                        "Rheine, Steinfurt, Ibbenbüren, Emsdetten, Greven und Lengerich. "
                        "Viele Mitglieder sind selbst eingewandert. Nach Schmidts Worten "
                        "sind sie deshalb wichtige Ansprechpartner für Politik, Wirtschaft "
                        "und Verwaltung und vertreten zugleich ihre Mitglieder. Bundesweit "
                        "gibt es mehr als 20.000 Migrantenorganisationen, im Kreis "
                        "Steinfurt sind es etwa 40.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Wie sich die interkulturelle Zusammenarbeit ausbauen lässt, "
                        "zeigte Cemalettin Özer in seinem Fachvortrag "
                        "„Migrantenorganisationen – starke Partner in der "
                        "Integrationsarbeit“. Özer leitet als Geschäftsführer die "
                        "bundesweit tätige MOZAIK gGmbH, eine gemeinnützige Gesellschaft "
                        "für interkulturelle Bildung und Beratung. Gute Zusammenarbeit "
                        "brauche Offenheit und Transparenz auf beiden Seiten, eng "
                        "verzahntes Ehren- und Hauptamt und einen regelmäßigen Dialog "
                        "zwischen Aufnahmegesellschaft und Migrantenorganisationen.</p>"
                        "<p>Danach diskutierten Vertreterinnen und Vertreter von "
                        "Migrantenorganisationen aus der Region auf dem Podium mit Detlef "
                        "Bolte, dem Leiter der Integrationsagentur Steinfurt, sowie mit "
                        "Cemalettin Özer und Lilli Schmidt über ihre künftige "
                        "Zusammenarbeit. Sie sprachen über mögliche Hürden und Hilfen und "
                        "entwickelten zusammen erste Lösungen.</p>",
                    ),
                    ("heading", "Arbeitskreis für Migrantenorganisationen"),
                    (
                        "paragraph",
                        "<p>Seit Sommer 2017 lädt das KI die Migrantenorganisationen im "
                        "Kreis Steinfurt halbjährlich zu einem Arbeitskreis ein. Dort "
                        "bilden sich die Teilnehmenden weiter, knüpfen Kontakte über "
                        "Organisations- und Gemeindegrenzen hinweg und tauschen "
                        "Projektideen und Erfahrungen aus. Das nächste Treffen am Montag, "
                        "14. Mai 2018, widmet sich der „Projektfördermittelakquise für "
                        "Migrantenorganisationen“. Wer eine Organisation vertritt, meldet "
                        'sich an unter <a href="https://www.kreis-steinfurt.de/integration">'
                        "www.kreis-steinfurt.de/integration</a>.</p>",
                    ),
                ],
                "media": [
                    (
                        "image",
                        {
                            "image": image("conference"),
                            "alt_text": "",
                            "caption": "Fachkonferenz Integration",
                            "credit": "Kreis Steinfurt",
                            "licence": "",
                        },
                    )
                ],
                "events": [("event", event("working_group_steinfurt"))],
                "topics": [topic("migrant_organisations")],
                "publisher": org("kreis_steinfurt"),
                "press_contact": person("wessling"),
            },
        },
        # Published, but under embargo (Sperrfrist) for a week after the demo is built:
        # hidden everywhere until then; journalists read it through preview links.
        {
            "type": "PressReleasePage",
            "title": "Arbeitskreis der Migrantenorganisationen legt Jahresbilanz vor",
            "slug": "arbeitskreis-migrantenorganisationen-jahresbilanz",
            "fields": {
                "release_date": FromNow(7, as_date=True),
                "embargo_until": FromNow(7),
                "dateline": "Kreis Steinfurt",
                "subheadline": "Rund 40 Vereine im Kreis vernetzt / Fördermittel-Werkstatt geplant",
                "lead": (
                    "Ein Jahr nach der Fachkonferenz zieht der Arbeitskreis, zu dem das "
                    "Kommunale Integrationszentrum die Migrantenorganisationen im Kreis "
                    "zweimal im Jahr einlädt, Bilanz: mehr Vereine machen mit, und die "
                    "Kontakte reichen über die Gemeindegrenzen hinaus."
                ),
                "body": [
                    (
                        "paragraph",
                        "<p>Vertreten waren Vereine aus Rheine, Ibbenbüren, Emsdetten, Greven "
                        "und Lengerich. Im Mittelpunkt stand, wie kleine, ehrenamtlich "
                        "geführte Organisationen Projektmittel beantragen und abrechnen. Für "
                        "das nächste Treffen ist deshalb eine Werkstatt zu Förderanträgen "
                        "vorgesehen.</p>",
                    ),
                ],
                "topics": [topic("migrant_organisations")],
                "publisher": org("kreis_steinfurt"),
                "press_contact": person("wessling"),
            },
        },
    ],
}


# The press images of every release of the site, next to the press index.
PHOTO_ARCHIVE_PAGE = {
    "type": "PhotoArchivePage",
    "title": "Pressefotos",
    "slug": "pressefotos",
    "fields": {
        "show_in_menus": True,
        "introduction": (
            "<p>Fotos aus unseren Pressemitteilungen zum Herunterladen, jeweils mit "
            "Bildunterschrift, Urheberangabe und Lizenz.</p>"
        ),
    },
}


PARTNER_PAGE = {
    "type": "PartnerListingPage",
    "title": "Partnernetzwerk „Erfolgsfaktor Interkulturelle Öffnung – NRW stärkt Vielfalt!“",
    "slug": "partnernetzwerk-interkulturelle-oeffnung",
    "fields": {
        "show_in_menus": True,
        "introduction": (
            "<p>Interkulturelle Öffnung geht die ganze Gesellschaft an. Die "
            "Landesverwaltung kann sie weder für sich allein beanspruchen noch allein "
            "verwirklichen. Darum wirbt das Land Nordrhein-Westfalen auch bei Institutionen "
            "außerhalb der Verwaltung dafür, sich interkulturell zu öffnen – auf "
            "chancen.nrw und mit einer eigenen Partnerinitiative.</p>"
            "<p>Die Initiative startete 2012. Heute gehören ihr 39 Organisationen an: "
            "Behörden, Kommunen, Vereine, Landesverbände, zivilgesellschaftliche "
            "Organisationen und Unternehmen.</p>"
        ),
        "founded_year": 2012,
        "aims": (
            "<p>Die Partner öffnen ihre eigenen Strukturen, Abläufe und Verfahren "
            "interkulturell. Keine Partnerschaft gleicht der anderen: Jede beruht auf einer "
            "eigenen Vereinbarung, in der die Organisation festhält, mit welchen konkreten "
            "Maßnahmen sie die Initiative unterstützt und umsetzt.</p>"
            "<p>Zusammen mit ihren Partnern tritt die Landesregierung so sichtbar für "
            "gleichberechtigte Teilhabe und gegen Rassismus und Diskriminierung ein.</p>"
        ),
        "measures": items(
            "Beschäftigte informieren und für interkulturelle Öffnungsprozesse sensibilisieren",
            "Menschen mit Einwanderungsgeschichte gezielt ansprechen",
            "Beschäftigte in interkultureller Kompetenz fortbilden",
            "Strategien der Personal- und Organisationsentwicklung umsetzen",
        ),
        "network_work": (
            "<p>Die Landesregierung hilft den Partnerorganisationen, sich regelmäßig und "
            "ohne große Hürden miteinander zu vernetzen. In regelmäßigen, teils digitalen "
            "Netzwerktreffen, die die Partner selbst mitgestalten, tauschen sie sich über "
            "Fachgrenzen hinweg aus: Sie stellen Good-Practice-Beispiele vor, besprechen "
            "Schwierigkeiten und überlegen, was sich auf ihren eigenen Umsetzungsprozess "
            "übertragen lässt.</p>"
            "<p>Immer wieder gab es außerdem öffentliche Fachveranstaltungen für Fach- und "
            "Führungskräfte der Organisationen, an denen auch der Schirmherr der "
            "Initiative, Staatssekretär Lorenz Bahr, teilnahm. Zuletzt trafen sich die "
            "Partner am 7. Juni 2024 im Polizeipräsidium Dortmund; ein Kurzbericht fasst das "
            "Treffen zusammen.</p>"
        ),
        "patron": person("bahr"),
        "partners": [{"organisation": org(name)} for name, _kind, _place in PARTNERS],
        "events": [
            ("event", event("partner_event_2024")),
            ("event", event("partner_meeting_online")),
        ],
        "contact_organisation": org("partner_office"),
        "body": [
            ("heading", "Tätigkeitsbericht"),
            (
                "paragraph",
                "<p>Was die Partnerorganisationen im Umsetzungsjahr 2022 erreicht haben, "
                "steht in ihrem jüngsten Tätigkeitsbericht in der Partnerbroschüre.</p>",
            ),
            ("heading", "Partner werden"),
            (
                "paragraph",
                "<p>Werden Sie aktiver Partner der Landesinitiative und helfen Sie mit, "
                "Nordrhein-Westfalen interkulturell zu öffnen. Auskünfte zum "
                "Partnernetzwerk und Kontaktdaten gibt Ihnen auf Anfrage die Geschäftsstelle "
                "der Partnerinitiative.</p>",
            ),
        ],
    },
}


AGENCY_PAGE = {
    "type": "OrganisationProfilePage",
    "title": "Integrationsagentur Herne",
    "slug": "integrationsagentur-herne",
    "fields": {
        "show_in_menus": True,
        # Office hours: due for review soon.
        "review_by": FromNow(10, as_date=True),
        "tagline": "Integration heißt Teilhabe",
        "organisation": org("ia_herne"),
        "operator": org("planb"),
        "introduction": (
            "<p>Herne zählt zu den am dichtesten besiedelten Städten Deutschlands, und in "
            "der früheren Bergbaustadt leben besonders viele Migrantinnen und Migranten. "
            "Die vielen Kulturen machen die Stadt reicher. Sie stellen sie aber auch vor "
            "Aufgaben – vor allem, wenn es darum geht, dass Zugewanderte gleichberechtigt "
            "am gesellschaftlichen Leben teilhaben.</p>"
            "<p>Gutes Zusammenleben beruht darauf, dass Menschen sich integrieren und sich "
            "für die Gesellschaft vor Ort interessieren. Der Einsatz Einzelner reicht dafür "
            "nicht aus: Es braucht Strukturen, die gleichberechtigte und selbstbestimmte "
            "Teilhabe überhaupt erst möglich machen.</p>"
        ),
        "tasks": items(
            "Dafür sorgen, dass Migrant:innen vorhandene Angebote häufiger nutzen",
            "Vereine und Organisationen in ihrer Eigeninitiative stärken",
            "Veranstaltungen und Projekte für jedes Alter gestalten",
            "Bürgerschaftliches Engagement für Integration ausbauen und qualifizieren",
            "In wichtigen Netzwerken mitarbeiten und weitere Netzwerke für Integrationsthemen "
            "gewinnen",
            "Soziale Einrichtungen und Institutionen bei ihrer interkulturellen Öffnung "
            "unterstützen",
            "Informieren und sensibilisieren, um Diskriminierung vorzubeugen und abzubauen",
            "Kooperation mit dem Kommunalen Integrationszentrum Herne, Regeleinrichtungen, "
            "Migrationsdiensten und -netzwerken, Migrantenselbstorganisationen sowie "
            "weiteren öffentlichen Stellen und Organisationen der Zivilgesellschaft",
        ),
        "focus_districts": items("Wanne", "Eickel"),
        "approach": (
            "<p><strong>Wir bauen Brücken.</strong> Als Integrationsagentur in Herne wollen "
            "wir Integration möglich machen und voranbringen. Dazu fördern wir aktiv, dass "
            "Migrantenselbstorganisationen mit anderen Akteuren der Stadt "
            "zusammenarbeiten. Außerdem stoßen wir Projekte an, oft gemeinsam mit Partnern "
            "aus Herne, damit Integration vor Ort wirkt und Bestand hat.</p>"
            "<p>Wir sind grundsätzlich in der ganzen Stadt tätig, vor allem aber in den "
            "Stadtteilen Wanne und Eickel. Die Prozesse gestalten wir mit allen, denen ein "
            "gleichberechtigtes Zusammenleben wichtig ist: Verbänden, Vereinen, Initiativen "
            "und engagierten Einzelnen – ganz gleich, welche Nationalität, Kultur oder "
            "Religion sie haben.</p>"
        ),
        "office_hours": [
            (
                "hours",
                {
                    "days": ["Tuesday", "Wednesday", "Thursday", "Friday"],
                    "opens": time(9, 0),
                    "closes": time(17, 0),
                },
            )
        ],
        # No note: "by appointment only" is the checkbox, a note saying it again repeated it.
        "by_appointment": True,
        "free_and_confidential": True,
        # No funding note: the programme's own description (shown with it) says the same.
        "funding": [("funding", funding("integrationsagenturen_nrw"))],
        "body": [
            ("heading", "Netzwerkarbeit"),
            (
                "paragraph",
                "<p>Wir wollen vor Ort Anstöße für eine wirksame Integration geben, "
                "Potenziale für bürgerschaftliches Engagement entdecken und wecken, "
                "Engagierte zusammenbringen und sie interkulturell kompetent begleiten. "
                "Besonders wichtig ist uns, dass Migrantenselbstorganisationen sich "
                "untereinander vernetzen und den Weg zu den Angeboten der städtischen "
                "Einrichtungen finden – gerade in ihren Quartieren.</p>",
            ),
        ],
    },
}


# A directory of migrant organisations next to the curated partner listing. It names no real
# organisation: it lists organisations of kind "migrant_organisation", which
# ``wagtail_integration_demo --organisations N`` fills with clearly marked synthetic entries.
DIRECTORY_PAGE = {
    "type": "DirectoryPage",
    "title": "Migrantenorganisationen im Kreis Steinfurt",
    "slug": "migrantenorganisationen-kreis-steinfurt",
    "fields": {
        "show_in_menus": True,
        "introduction": (
            "<p>Bundesweit gibt es mehr als 20.000 Migrantenorganisationen, im Kreis "
            "Steinfurt sind es etwa 40. Dieses Verzeichnis zeigt, wie sich viele "
            "Organisationen durchsuchen, filtern und alphabetisch blättern lassen.</p>"
            "<p>Die Einträge der Demo sind synthetisch und tragen den Vermerk "
            "„synthetisch“ im Namen; sie beschreiben keine echten Organisationen.</p>"
        ),
        "filter_kinds": ["migrant_organisation"],
    },
}


# The duties of a public body's website, for the demo site's publisher (the Kreis Steinfurt of
# the press release). The statement lists typical findings of a self-assessment; its dates
# and findings are examples, not the Kreis' own statement.
STATEMENT_PAGE = {
    "type": "AccessibilityStatementPage",
    "title": "Erklärung zur Barrierefreiheit",
    "slug": "barrierefreiheit",
    "fields": {
        "scope": (
            "<p>Der Kreis Steinfurt möchte, dass alle Menschen dieses Angebot ohne "
            "Hürden nutzen können. Diese Erklärung gilt für die Seiten des Integrationsportals "
            "mit Netzwerk, Projekten, Presseinformationen und Verzeichnis.</p>"
        ),
        "conformance_status": "partial",
        "non_accessible_content": [
            (
                "item",
                {
                    "content": (
                        "Einige ältere Pressefotos haben keinen beschreibenden Alternativtext."
                    ),
                    "reason": "non_compliance",
                    "explanation": "Bilder ohne Textalternative erfüllen WCAG 2.1, 1.1.1 nicht.",
                    "alternative": (
                        "Die Bildunterschriften nennen, wer und was zu sehen ist; die "
                        "Pressestelle beschreibt ein Foto auf Anfrage."
                    ),
                    "planned_fix": "Alternativtexte werden bis Mitte 2027 ergänzt.",
                },
            ),
            (
                "item",
                {
                    "content": "Anmeldeformulare von Partnern sind als PDF ohne Tags verlinkt.",
                    "reason": "out_of_scope",
                    "explanation": (
                        "Die Formulare stammen von Dritten, die der Kreis weder finanziert "
                        "noch kontrolliert."
                    ),
                    "alternative": (
                        "Eine Anmeldung ist auch telefonisch bei der Stabsstelle Landrat möglich."
                    ),
                    "planned_fix": "",
                },
            ),
        ],
        "prepared_on": date(2026, 9, 14),
        "last_reviewed_on": date(2026, 11, 23),
        "method": "self_assessment",
        "method_note": "Prüfung nach dem BIK-BITV-Test mit Tastatur und Screenreader.",
        "feedback_introduction": (
            "<p>Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in "
            "anderer Form? Schreiben Sie uns über das Formular oder rufen Sie an.</p>"
        ),
        "feedback_phone": "02551-692160",
        "enforcement_body": "nw",
    },
}

IMPRESSUM_PAGE = {
    "type": "ImpressumPage",
    "title": "Impressum",
    "slug": "impressum",
    "fields": {
        "provider_name": "Kreis Steinfurt",
        "legal_form": "Körperschaft des öffentlichen Rechts",
        "unit": "Stabsstelle Landrat",
        "represented_by": "Der Landrat des Kreises Steinfurt",
        "street": "Tecklenburger Straße 10",
        "postcode": "48565",
        "city": "Steinfurt",
        "email": "kirsten.wessling@kreis-steinfurt.de",
        "phone": "02551-692160",
        "fax": "02551-692100",
        "supervisory_authority": "Bezirksregierung Münster",
        "supervisory_authority_address": "Domplatz 1–3\n48143 Münster",
        "editor_name": "Kirsten Weßling, Pressesprecherin",
        "editor_address": "Tecklenburger Straße 10, 48565 Steinfurt",
    },
}


# The explanations in Leichte Sprache (BITV 2.0 § 4). The demo has no sign language video:
# a real one is recorded with a deaf interpreter; editors add it with captions and transcript.
EASY_READ_PAGE = {
    "type": "EasyReadPage",
    "title": "Leichte Sprache",
    "slug": "leichte-sprache",
    "fields": {
        "easy_read_text": (
            "<h2>Was finden Sie auf dieser Internet-Seite?</h2>"
            "<p>Hier stellen sich Netzwerke und Beratungs-Stellen vor.</p>"
            "<p>Sie helfen Menschen, die aus anderen Ländern kommen.</p>"
            "<p>Sie finden hier auch Nachrichten vom Kreis Steinfurt.</p>"
            "<h2>Wie finden Sie sich zurecht?</h2>"
            "<p>Oben auf jeder Seite ist ein Link zur Start-Seite.</p>"
            "<p>Unten auf jeder Seite sind Links zum Impressum und zur Erklärung zur "
            "Barriere-Freiheit.</p>"
            "<h2>Etwas funktioniert nicht?</h2>"
            "<p>Dann schreiben Sie uns. Das Formular ist auf der Seite "
            "„Erklärung zur Barriere-Freiheit“.</p>"
            "<p>Oder rufen Sie an: 02551-692160.</p>"
        ),
    },
}


# One site-wide banner; it is shown for 30 days after the demo is built.
ALERTS: dict[str, dict] = {
    "office_hours": {
        "severity": "info",
        "title": "Geänderte Sprechzeiten zwischen den Feiertagen",
        "text": (
            "<p>Vom 24. Dezember bis zum 1. Januar beraten wir nur nach vorheriger "
            "Terminabsprache. Die Demo zeigt hier, wie ein Hinweis für alle Seiten aussieht.</p>"
        ),
        "starts_at": FromNow(-1),
        "ends_at": FromNow(30),
    },
}

# Top-level pages in the order they are created under the parent page. The sections set
# Wagtail's "show in menus" (a host's main navigation); the legal pages are in the footer.
PAGES = [
    NETWORK_PAGE,
    PROJECT_PAGES,
    PRESS_PAGES,
    PHOTO_ARCHIVE_PAGE,
    PARTNER_PAGE,
    DIRECTORY_PAGE,
    AGENCY_PAGE,
    STATEMENT_PAGE,
    IMPRESSUM_PAGE,
    EASY_READ_PAGE,
]
