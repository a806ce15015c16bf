"""Hidden pages never show up in public output: the leak matrix.

Each cell builds one page in a hidden state, with a marker word in its title and text, and
checks one public output for the marker. The ``public`` state runs every output with a
published page and expects the marker, so each cell is known to be able to fail. Listing
outputs also check a public sibling in the same output.

States: a draft, a page restricted by password, by login, by group, an expired page, an
expired page that Wagtail's ``publish_scheduled`` has not unpublished yet (still ``live``), a
press release under embargo (published, embargo ahead), an unpublished translation, a live
page whose newer revision is unpublished, and an alias of each of these (placed next to its
source, where nothing restricts it). ``embargo_over`` is a second control: a release whose
embargo has passed shows without anything having run.

Embargoes exist on press releases only: in the embargo states, cells that check another page
type check a press release instead, and cells bound to other page types are left out.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail import VERSION as WAGTAIL_VERSION
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from . import factories as f

pytestmark = pytest.mark.django_db

HAS_V3 = apps.is_installed("wagtail.api.v3")
needs_v3 = pytest.mark.skipif(not HAS_V3, reason="API v3 needs Wagtail 8 or newer")

BASE_STATES = [
    "draft",
    "password",
    "login",
    "group",
    "expired",
    "expired_pending",
    "embargoed",
    "unpublished_translation",
    "live_with_draft",
]
STATES = [
    "public",
    "embargo_over",
    *BASE_STATES,
    *[f"alias_of_{state}" for state in BASE_STATES],
]
# States whose page must show (controls: each cell is known to be able to fail).
SHOWN = {"public", "embargo_over"}
# States in which the page must not be served at all: even its URL must not be shown.
NOT_LIVE = {"draft", "expired", "expired_pending", "embargoed", "unpublished_translation"}
EMBARGO_STATES = {"embargoed", "embargo_over"}
_counter = itertools.count()


@dataclass
class World:
    root_de: Page
    root_en: Page
    projects_de: Page
    projects_en: Page
    press_de: Page
    press_en: Page


@pytest.fixture
def world(root_page, locale_en) -> World:
    projects_de = f.ProjectIndexPageFactory(title="Projekte")
    root_en = root_page.copy_for_translation(locale_en)
    root_en.save_revision().publish()
    projects_en = projects_de.copy_for_translation(locale_en)
    projects_en.save_revision().publish()
    press_de = f.PressReleaseIndexPageFactory(title="Presse")
    press_en = press_de.copy_for_translation(locale_en)
    press_en.save_revision().publish()
    return World(
        root_page, root_en.specific, projects_de, projects_en.specific, press_de, press_en.specific
    )


@dataclass
class Hidden:
    page: Page  # the page checked by detail outputs (the alias for alias states)
    source: Page | None  # for alias states: the aliased page
    state: str

    @property
    def base_state(self) -> str:
        return self.state.removeprefix("alias_of_")

    @property
    def served(self) -> bool:
        """Whether its detail answers 200 (``live_with_draft`` shows its live content)."""
        return self.base_state in SHOWN or self.base_state == "live_with_draft"


def kind_for(state: str, kind: str) -> str:
    """``kind``, or a press release where the state is an embargo."""
    return "press" if state.removeprefix("alias_of_") in EMBARGO_STATES else kind


# --- Building hidden pages ---------------------------------------------------------------


FACTORIES = {
    "project": f.ProjectPageFactory,
    "press": f.PressReleasePageFactory,
    "directory": f.DirectoryPageFactory,
    "statement": f.AccessibilityStatementPageFactory,
    "impressum": f.ImpressumPageFactory,
    "easy_read": f.EasyReadPageFactory,
}


def fill(page: Page, marker: str) -> None:
    page.title = f"Seite {marker}"
    if hasattr(page, "lead"):  # press release: lead, subheadline and a press photo
        page.lead = f"Vertraulich: {marker}"
        page.subheadline = f"Unterzeile {marker}"
        page.media = [f.press_image_item(f.ImageFactory(), caption=f"Bild {marker}")]
    elif hasattr(page, "scope"):  # accessibility statement
        page.scope = f"<p>Vertraulich: {marker}</p>"
    elif hasattr(page, "easy_read_text"):  # Leichte Sprache
        page.easy_read_text = f"<p>Vertraulich: {marker}</p>"
    elif hasattr(page, "further_information"):  # Impressum
        page.further_information = f"<p>Vertraulich: {marker}</p>"
    else:
        page.introduction = f"<p>Vertraulich: {marker}</p>"


def neutral_page(kind: str, parent: Page) -> Page:
    n = next(_counter)
    page = FACTORIES[kind](parent=parent, title=f"Neutral {n}", slug=f"seite-{n}", live=False)
    if kind != "press":
        page.introduction = "<p>Nichts zu sehen.</p>"
        page.save()
    return page


def parent_for(world: World, kind: str, locale: str) -> Page:
    parents = {
        "directory": (world.root_de, world.root_en),
        "statement": (world.root_de, world.root_en),
        "impressum": (world.root_de, world.root_en),
        "easy_read": (world.root_de, world.root_en),
        "project": (world.projects_de, world.projects_en),
        "press": (world.press_de, world.press_en),
    }[kind]
    return parents[0] if locale == "de" else parents[1]


def restrict(page: Page, kind: str) -> None:
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type={
            "password": PageViewRestriction.PASSWORD,
            "login": PageViewRestriction.LOGIN,
            "group": PageViewRestriction.GROUPS,
        }[kind],
        password="geheim" if kind == "password" else "",
    )
    if kind == "group":
        restriction.groups.set([Group.objects.create(name=f"Mitglieder {next(_counter)}")])


def build_base(world: World, kind: str, state: str, marker: str, translation_of: Page | None):
    """A page of ``kind`` in ``state`` carrying ``marker``.

    ``translation_of``: make it the English translation of that (live, German) page.
    """
    if state == "unpublished_translation" and translation_of is None:
        translation_of = neutral_page(kind, parent_for(world, kind, "de"))
        translation_of.save_revision().publish()
    if translation_of is not None:
        page = translation_of.copy_for_translation(world.root_en.locale).specific
    else:
        page = neutral_page(kind, parent_for(world, kind, "de"))
    if state == "live_with_draft":
        page.save_revision().publish()
        page = Page.objects.get(pk=page.pk).specific
        fill(page, marker)
        page.save_revision()  # not published: the row keeps the live content
        return page
    fill(page, marker)
    if state in EMBARGO_STATES:  # the editor publishes it with a Sperrfrist
        days = 1 if state == "embargoed" else -1
        page.embargo_until = timezone.now() + datetime.timedelta(days=days)
    page.save()
    revision = page.save_revision()
    if state in ("draft", "unpublished_translation"):
        return page
    revision.publish()
    page = Page.objects.get(pk=page.pk).specific
    if state in ("password", "login", "group"):
        restrict(page, state)
    elif state == "expired":
        page.unpublish(set_expired=True)
        Page.objects.filter(pk=page.pk).update(
            expire_at=timezone.now() - datetime.timedelta(days=1)
        )
    elif state == "expired_pending":  # past its expiry, publish_scheduled not run yet
        Page.objects.filter(pk=page.pk).update(
            expire_at=timezone.now() - datetime.timedelta(minutes=1)
        )
    return Page.objects.get(pk=page.pk).specific


def build(world: World, kind: str, state: str, marker: str, translation_of=None) -> Hidden:
    base_state = state.removeprefix("alias_of_")
    page = build_base(world, kind, base_state, marker, translation_of)
    if not state.startswith("alias_of_"):
        return Hidden(page, None, state)
    page = Page.objects.get(pk=page.pk).specific  # as stored, as the admin would alias it
    alias = page.create_alias(parent=page.get_parent(), update_slug=f"{page.slug}-alias")
    return Hidden(alias.specific, page, state)


def public_sibling(parent: Page, marker: str, kind: str = "project") -> Page:
    return FACTORIES[kind](parent=parent, title=f"Offen {marker}")


# --- Outputs -----------------------------------------------------------------------------


def text_of(response) -> str:
    return response.content.decode()


def get_ok(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return text_of(response)


def detail_status_ok(hidden: Hidden, status: int) -> bool:
    if hidden.served:
        return status == 200
    if hidden.state.startswith("alias_of_") and hidden.base_state in ("password", "login", "group"):
        return status in (200, 302, 404)  # the alias is guarded like its source
    return {
        "password": status == 200,  # the password form
        "login": status == 302,
        "group": status == 302,
    }.get(hidden.base_state, status == 404)


@dataclass
class Output:
    name: str
    check: Callable  # (client, world, marker, state) -> (text, control marker or None)
    marks: tuple = ()
    embargo: bool = True  # False: bound to a page type without embargoes


def html_index(kind):
    def check(client, world, marker, state):
        hidden = build(world, kind, state, marker)
        control = f"Offenwort{next(_counter)}y"
        parent = hidden.page.get_parent().specific
        public_sibling(parent, control, kind)
        html = get_ok(client, parent.url)
        return html, control

    return check


def html_detail(kind):
    def check(client, world, marker, state):
        hidden = build(world, kind, state, marker)
        response = client.get(hidden.page.url)
        assert detail_status_ok(hidden, response.status_code), response.status_code
        if response.status_code == 302:
            assert "/login" in response["Location"] or "login" in response["Location"]
        text = text_of(response)
        if hidden.source is not None:  # the source's own URL, too
            source = client.get(hidden.source.url)
            assert source.status_code < 500
            text += text_of(source)
        return text, None

    return check


def directory_listing(client, world, marker, state):
    """The directory page lists organisations; a hidden directory page is not served."""
    hidden = build(world, "directory", state, marker)
    response = client.get(hidden.page.url + "?q=verein&letter=a&page=2")
    assert detail_status_ok(hidden, response.status_code)
    return text_of(response), None


def linking_page(world, target: Page, marker: str) -> Page:
    """A public project whose rich text (field and StreamField) links to ``target``."""
    link = f'<a linktype="page" id="{target.pk}">Zum verlinkten Projekt</a>'
    return f.ProjectPageFactory(
        parent=world.projects_de,
        title=f"Verweis {marker}",
        introduction=f"<p>{link}</p>",
        body=[("paragraph", RichText(f"<p>{link}</p>"))],
    )


def link_text(hidden: Hidden, text: str, state: str) -> str:
    """What a link must not reveal: the marker, and the URL of a page that is not live."""
    url_hidden = state in SHOWN or hidden.base_state in NOT_LIVE
    if url_hidden and hidden.page.url and hidden.page.url in text:
        return text + " URL-LEAK"
    return text


def html_rich_text_link(client, world, marker, state):
    hidden = build(world, kind_for(state, "project"), state, marker)
    page = linking_page(world, hidden.page, f"Verweiswort{next(_counter)}z")
    text = get_ok(client, page.url)
    assert "Zum verlinkten Projekt" in text
    text = link_text(hidden, text, state)
    return text.replace("URL-LEAK", marker), None


def api_listing(version):
    def check(client, world, marker, state):
        kind = kind_for(state, "project")
        hidden = build(world, kind, state, marker)
        control = f"Offenwort{next(_counter)}y"
        public_sibling(hidden.page.get_parent(), control, kind)
        fields = "&fields=*" if version == "v2" else ""
        locale = hidden.page.locale.language_code
        page_type = FACTORIES[kind]._meta.model._meta.label
        url = f"/api/{version}/pages/?type={page_type}&locale={locale}{fields}"
        return get_ok(client, url), control

    return check


def api_detail(version):
    def check(client, world, marker, state):
        hidden = build(world, kind_for(state, "project"), state, marker)
        pages = [hidden.page] + ([hidden.source] if hidden.source else [])
        text = ""
        for page in pages:
            response = client.get(f"/api/{version}/pages/{page.pk}/")
            assert response.status_code == (200 if hidden.served else 404), response.status_code
            text += text_of(response)
        return text, None

    return check


def api_search(version):
    def check(client, world, marker, state):
        kind = kind_for(state, "project")
        hidden = build(world, kind, state, marker)
        control = f"Offenwort{next(_counter)}y"
        public_sibling(hidden.page.get_parent(), control, kind)
        text = get_ok(client, f"/api/{version}/pages/?search={marker}")
        text += get_ok(client, f"/api/{version}/pages/?search={control}")
        return text, control

    return check


def api_find(version):
    def check(client, world, marker, state):
        hidden = build(world, kind_for(state, "project"), state, marker)
        response = client.get(
            f"/api/{version}/pages/find/?html_path={quote(hidden.page.url)}", follow=True
        )
        assert response.status_code == (200 if hidden.served else 404), response.status_code
        return text_of(response), None

    return check


def api_rich_text_link(version):
    def check(client, world, marker, state):
        hidden = build(world, kind_for(state, "project"), state, marker)
        page = linking_page(world, hidden.page, f"Verweiswort{next(_counter)}z")
        text = get_ok(client, f"/api/{version}/pages/{page.pk}/")
        assert "Zum verlinkten Projekt" in text
        if WAGTAIL_VERSION < (8,):  # Wagtail 7's v2 has no rich_text_format: the stored form
            assert f'id=\\"{hidden.page.pk}\\"' in text
            return text + (marker if state in SHOWN else ""), None
        # Display HTML is the default on both APIs: the link's URL is what could leak.
        assert 'linktype="page"' not in text.replace("\\", "")
        return link_text(hidden, text, state).replace("URL-LEAK", marker), None

    return check


def api_directory_organisations(version):
    """``organisations/?directory=<id>`` lists a directory page's organisations: for a hidden
    page it answers as for no page. An organisation only that page lists carries the marker
    (a neutral name where the page's live version is legitimately served)."""

    def check(client, world, marker, state):
        hidden = build(world, "directory", state, marker)
        served = hidden.base_state == "live_with_draft"
        municipality = f"Ort{next(_counter)}"
        f.OrganisationFactory(
            name=f"Verein {'Neutral' if served else marker}",
            locale=hidden.page.locale,
            municipality=municipality,
        )
        response = client.get(
            f"/api/{version}/organisations/?directory={hidden.page.pk}&municipality={municipality}"
        )
        assert response.status_code == (200 if hidden.served else 404), response.status_code
        return text_of(response), None

    return check


def translations_of_live_page(version):
    """The live German page's ``translations`` (API) or language links (HTML)."""

    def check(client, world, marker, state):
        kind = kind_for(state, "project")
        source = FACTORIES[kind](parent=parent_for(world, kind, "de"), title="Quelle")
        hidden = build(world, kind, state, marker, translation_of=source)
        if version == "html":  # language links name the language, not the title: check URLs
            text = get_ok(client, source.url)
            urls = {hidden.page.url, hidden.source.url if hidden.source else None} - {None}
            shown = hidden.base_state == "live_with_draft"
            if not shown and any(f'href="{url}"' in text or url in text for url in urls):
                text += marker
            return text, None
        return get_ok(client, f"/api/{version}/pages/{source.pk}/"), None

    return check


def press_sibling(parent: Page, hidden: Hidden, control: str) -> Page:
    """A public release next to the hidden one, on the same day, with a press photo."""
    return f.PressReleasePageFactory(
        parent=parent,
        title=f"Offen {control}",
        release_date=hidden.page.release_date,
        media=[f.press_image_item(f.ImageFactory(), caption=f"Bild {control}")],
    )


def unecho(html: str, word: str) -> str:
    """``html`` without the places a search repeats its query (the field, the result count)."""
    for echo in ('"{}"', "„{}“", "“{}”", "&quot;{}&quot;"):
        html = html.replace(echo.format(word), "")
    return html


def press_route(route: str):
    """A route of the press index (feeds, year archive, search): ``route`` is formatted with
    ``year`` and ``q`` (the word searched for)."""

    def check(client, world, marker, state):
        hidden = build(world, "press", state, marker)
        control = f"Offenwort{next(_counter)}y"
        parent = hidden.page.get_parent().specific
        press_sibling(parent, hidden, control)
        year = hidden.page.release_date.year
        text = ""
        for word in (marker, control) if "{q}" in route else (None,):
            html = get_ok(client, parent.url + route.format(year=year, q=word))
            text += unecho(html, word) if word else html
        return text, control

    return check


def photo_archive(client, world, marker, state):
    hidden = build(world, "press", state, marker)
    control = f"Offenwort{next(_counter)}y"
    press_sibling(hidden.page.get_parent().specific, hidden, control)
    root = world.root_de if hidden.page.locale == world.root_de.locale else world.root_en
    archive = f.PhotoArchivePageFactory(parent=root, title=f"Fotos {next(_counter)}")
    searched = unecho(get_ok(client, f"{archive.url}?q={marker}"), marker)
    return get_ok(client, archive.url) + searched, control


def page_calendar(client, world, marker, state):
    """The page's calendar feed is named after the page: served for public pages only."""
    from django.urls import reverse

    hidden = build(world, "press", state, marker)
    text = ""
    # An alias follows its source: both are served only when the source is public.
    expected = 200 if hidden.served else 404
    for page in [hidden.page] + ([hidden.source] if hidden.source else []):
        response = client.get(reverse("wagtail_integration_page_calendar", args=[page.pk]))
        assert response.status_code == expected, (page, response.status_code)
        text += response.content.decode()
    return text.replace("\r\n ", ""), None  # unfold iCalendar lines


def footer_link(kind: str):
    """The package footer of a public page links the site's statement and Impressum by
    title: a hidden one is not linked (its title carries the marker)."""

    def check(client, world, marker, state):
        hidden = build(world, kind, state, marker)
        page = f.ProjectPageFactory(parent=world.projects_de, title=f"Fußzeile {next(_counter)}")
        if hidden.page.locale.language_code != "de":  # the footer of a page in its language
            page = page.copy_for_translation(world.root_en.locale)
            page.save_revision().publish()
        html = get_ok(client, Page.objects.get(pk=page.pk).url)
        if kind == "easy_read":  # linked as "Leichte Sprache": its URL stands for the marker
            shown = hidden.base_state == "live_with_draft"
            if not shown and hidden.page.url and f'href="{hidden.page.url}#' in html:
                html += marker
        return html, None

    return check


def sitemap(client, world, marker, state):
    """The sitemap lists URLs: a hidden page's URL stands for its marker."""
    hidden = build(world, kind_for(state, "project"), state, marker)
    text = get_ok(client, "/sitemap.xml")
    urls = {hidden.page.get_full_url()} - {None}
    if hidden.base_state != "live_with_draft" and any(url in text for url in urls):
        text += marker
    return text, None


OUTPUTS = [
    Output("html_project_index", html_index("project"), embargo=False),
    Output("html_press_index", html_index("press")),
    Output("html_detail_press", html_detail("press")),
    Output("html_detail_project", html_detail("project"), embargo=False),
    Output("html_detail_directory", html_detail("directory"), embargo=False),
    Output("html_detail_statement", html_detail("statement"), embargo=False),
    Output("html_detail_impressum", html_detail("impressum"), embargo=False),
    Output("html_footer_statement", footer_link("statement"), embargo=False),
    Output("html_footer_impressum", footer_link("impressum"), embargo=False),
    Output("html_detail_easy_read", html_detail("easy_read"), embargo=False),
    Output("html_header_easy_read", footer_link("easy_read"), embargo=False),
    Output("html_directory_search", directory_listing, embargo=False),
    Output("html_rich_text_link", html_rich_text_link),
    Output("html_language_links", translations_of_live_page("html")),
    Output("press_rss_feed", press_route("feed/rss/")),
    Output("press_atom_feed", press_route("feed/atom/")),
    Output("press_year_archive", press_route("{year}/")),
    Output("press_search", press_route("?q={q}")),
    Output("photo_archive", photo_archive),
    Output("page_calendar_feed", page_calendar),
    Output("sitemap", sitemap),
    Output("api_v2_listing", api_listing("v2")),
    Output("api_v2_detail", api_detail("v2")),
    Output("api_v2_search", api_search("v2")),
    Output("api_v2_find", api_find("v2")),
    Output("api_v2_rich_text_link", api_rich_text_link("v2")),
    Output("api_v2_translations", translations_of_live_page("v2")),
    Output("api_v2_directory_organisations", api_directory_organisations("v2"), embargo=False),
    Output("api_v3_listing", api_listing("v3"), (needs_v3,)),
    Output("api_v3_detail", api_detail("v3"), (needs_v3,)),
    Output("api_v3_search", api_search("v3"), (needs_v3,)),
    Output("api_v3_find", api_find("v3"), (needs_v3,)),
    Output("api_v3_rich_text_link", api_rich_text_link("v3"), (needs_v3,)),
    Output("api_v3_translations", translations_of_live_page("v3"), (needs_v3,)),
    Output(
        "api_v3_directory_organisations",
        api_directory_organisations("v3"),
        (needs_v3,),
        embargo=False,
    ),
]


CELLS = [
    pytest.param(output, state, id=f"{output.name}-{state}", marks=output.marks)
    for output in OUTPUTS
    for state in STATES
    if output.embargo or state.removeprefix("alias_of_") not in EMBARGO_STATES
]


@pytest.mark.parametrize(("output", "state"), CELLS)
def test_hidden_page_does_not_leak(world, state, output):
    client = Client(raise_request_exception=False)
    marker = f"Geheimwort{next(_counter)}x"
    text, control = output.check(client, world, marker, state)
    if control is not None:
        assert control in text, "the public sibling is missing: the output cannot show pages"
    if state in SHOWN:
        assert marker in text, "a public page must show: this cell could not detect a leak"
    else:
        assert marker not in text


@pytest.mark.parametrize("version", ["v2", pytest.param("v3", marks=needs_v3)])
def test_group_restricted_page_stays_hidden_from_other_logged_in_users(
    world, django_user_model, version
):
    """Logged in is not enough for a group restriction: a visitor outside the group sees
    neither the page nor its text."""
    marker = f"Geheimwort{next(_counter)}x"
    hidden = build(world, "project", "group", marker)
    visitor = django_user_model.objects.create_user(username="mitglied-anderswo", password=None)
    client = Client(raise_request_exception=False)
    client.force_login(visitor)
    response = client.get(hidden.page.url)
    assert response.status_code in (302, 403, 404)
    assert marker not in text_of(response)
    texts = [
        get_ok(client, f"/api/{version}/pages/?search={marker}"),
        get_ok(client, f"/api/{version}/pages/?type=wagtail_integration.ProjectPage"),
        text_of(client.get(f"/api/{version}/pages/{hidden.page.pk}/")),
    ]
    assert not any(marker in text for text in texts)

    # A member of the group sees it: the restriction, not something else, hides it.
    restriction = PageViewRestriction.objects.get(page=hidden.page)
    visitor.groups.add(restriction.groups.get())
    response = client.get(hidden.page.url)
    assert response.status_code == 200 and marker in text_of(response)
