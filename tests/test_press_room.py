"""The press room: archive URLs, search, topic filter, feeds, print view, media, photo archive.

Every listing (index, archive, search, feeds, photo archive) is also checked for leaks: drafts,
unpublished changes of a live release, private and expired releases, and releases whose index
is private must never appear.
"""

from __future__ import annotations

import datetime
import mimetypes
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.db import connection, reset_queries
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from wagtail_integration.outputs.feeds import xml_text

from . import factories as f

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HIDDEN = "Geheimentwurf"  # a word only unpublished content contains


@pytest.fixture(autouse=True)
def _small_pages(settings):
    settings.WAGTAIL_INTEGRATION = {"PAGE_SIZE": 2}


def release(index, title, day, **kwargs):
    # Wagtail 7 updates the search index in a task run on commit: run it now.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return f.PressReleasePageFactory(parent=index, title=title, release_date=day, **kwargs)


@pytest.fixture
def index():
    return f.PressReleaseIndexPageFactory(title="Presse")


@pytest.fixture
def conference(index):
    """Like the demo's 2018 release: an image with caption and credit, a topic, a publisher."""
    topic = f.TopicFactory(name="Migrantenorganisationen")
    return release(
        index,
        "Fachkonferenz zu Migrantenorganisationen",
        datetime.date(2018, 5, 2),
        lead="Rund 100 Gäste kamen zur Fachkonferenz.",
        body=[("paragraph", "<p>Ein Arbeitskreis tagt halbjährlich im Kreishaus.</p>")],
        media=[f.press_image_item(f.ImageFactory(), caption="Fachkonferenz Integration")],
        publisher=f.OrganisationFactory(name="Kreis Steinfurt"),
        topics=[topic],
    )


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, params, response.status_code)
    return response


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(response) -> list[str]:
    return [h.get_text(strip=True) for h in soup(response).select(".wi-teaser__title")]


def parse(content: bytes) -> ET.Element:
    """Parse a feed of our own test server (not untrusted input)."""
    return ET.fromstring(content)  # noqa: S314


def rss_items(response) -> list[ET.Element]:
    root = parse(response.content)
    assert root.tag == "rss"
    return root.findall("./channel/item")


def atom_entries(response) -> list[ET.Element]:
    root = parse(response.content)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


# --- Archive ---------------------------------------------------------------------------------


def test_year_and_month_archives_list_the_release(client, index, conference):
    release(index, "Neujahrsempfang", datetime.date(2019, 1, 10))
    year = get(client, index.url + "2018/")
    assert listed_titles(year) == [conference.title]
    month = get(client, index.url + "2018/05/")
    assert listed_titles(month) == [conference.title]
    assert "Mai 2018" in soup(month).title.get_text()
    assert listed_titles(get(client, index.url + "2018/06/")) == []


def test_archive_navigation_lists_years_with_releases(client, index, conference):
    release(index, "Neujahrsempfang", datetime.date(2019, 1, 10))
    nav = soup(get(client, index.url)).select_one("nav.wi-archive-nav")
    links = {a.get_text(strip=True): a["href"] for a in nav.find_all("a")}
    assert links["2019"] == index.url + "2019/"
    assert links["2018"] == index.url + "2018/"
    assert "2017" not in links
    months = soup(get(client, index.url + "2018/")).select(".wi-archive-nav__months a")
    assert [a["href"] for a in months] == [index.url + "2018/05/"]


def test_empty_year_answers_with_an_empty_list(client, index, conference):
    response = get(client, index.url + "2017/")
    assert listed_titles(response) == []
    assert soup(response).select_one("[role=status]").get_text(strip=True).startswith("0")


@pytest.mark.parametrize(
    "path",
    [
        "0000/",
        "0999/",
        "9999/",
        "9999/12/",
        "2018/00/",
        "2018/13/",
        "2018/99/",
        "abcd/",
        "2018/5/",
        "20181/",
        "-201/",
    ],
)
def test_bad_year_or_month_is_not_found(client, index, conference, path):
    get(client, index.url + path, status=404)


# --- Search, topic filter, pagination --------------------------------------------------------


def test_search_finds_a_release_by_a_word_in_its_body(client, index, conference):
    release(index, "Neujahrsempfang", datetime.date(2019, 1, 10))
    response = get(client, index.url, q="Arbeitskreis")
    assert listed_titles(response) == [conference.title]
    status = soup(response).select_one("[role=status]").get_text(" ", strip=True)
    assert "1" in status and "Arbeitskreis" in status


@pytest.mark.parametrize("query", ['"', "'", "(", "AND", "*", "Fach\x00konferenz", "x" * 500])
def test_odd_search_input_never_fails(client, index, conference, query):
    get(client, index.url, q=query)


def test_search_form_is_accessible(client, index, conference):
    page = soup(get(client, index.url))
    form = page.select_one("form[role=search]")
    for control in form.select("input[type=search], select"):
        assert page.select_one(f"label[for={control['id']}]"), control
    assert page.select_one("[role=status]")


def test_topic_filter_by_slug_or_id(client, index, conference):
    release(index, "Neujahrsempfang", datetime.date(2019, 1, 10))
    topic = conference.topics.get()
    for value in ("migrantenorganisationen", str(topic.pk)):
        assert listed_titles(get(client, index.url, topic=value)) == [conference.title]


def test_unknown_topic_is_named_and_ignored(client, index, conference):
    release(index, "Neujahrsempfang", datetime.date(2019, 1, 10))
    response = get(client, index.url, topic="<b>gibtsnicht</b>")
    assert len(listed_titles(response)) == 2
    error = soup(response).select_one(".wi-form-error").get_text()
    assert "<b>gibtsnicht</b>" in error
    assert b"<b>gibtsnicht</b>" not in response.content


def test_filters_combine_and_pagination_keeps_them(client, index):
    topic = f.TopicFactory(name="Sprachkurse")
    for day in range(1, 6):
        release(
            index,
            f"Sprachkurs {day}",
            datetime.date(2024, 3, day),
            lead="Neuer Kurs beginnt.",
            topics=[topic],
        )
    release(index, "Sprachkurs ohne Thema", datetime.date(2024, 3, 9), lead="Neuer Kurs.")
    release(index, "Kurs 2023", datetime.date(2023, 3, 9), lead="Neuer Kurs.", topics=[topic])
    response = get(client, index.url + "2024/", q="Kurs", topic="sprachkurse")
    assert listed_titles(response) == ["Sprachkurs 5", "Sprachkurs 4"]
    next_link = soup(response).select_one(".wi-pagination a[rel=next]")["href"]
    assert "q=Kurs" in next_link and "topic=sprachkurse" in next_link and "page=2" in next_link
    second = get(client, index.url + "2024/" + next_link)
    assert listed_titles(second) == ["Sprachkurs 3", "Sprachkurs 2"]


# --- Feeds -----------------------------------------------------------------------------------


def test_rss_feed_has_the_release_with_link_and_enclosure(client, index, conference):
    response = get(client, index.url + "feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse(response.content)
    assert root.findtext("./channel/language") == "de"
    (item,) = rss_items(response)
    assert item.findtext("title") == conference.title
    assert item.findtext("link") == conference.get_full_url()
    assert item.findtext("link").startswith("http://localhost/")  # the page's site
    assert item.findtext("description") == conference.lead
    assert "2018" in item.findtext("pubDate")
    assert [c.text for c in item.findall("category")] == ["Migrantenorganisationen"]
    enclosure = item.find("enclosure")
    assert enclosure.get("url").startswith("http://localhost/media/")
    # The factory's images are JPEG data (named .png); Wagtail renders them as JPEG.
    assert enclosure.get("type") == mimetypes.guess_type(enclosure.get("url"))[0]
    assert int(enclosure.get("length")) > 0


def test_atom_feed_has_the_release(client, index, conference):
    response = get(client, index.url + "feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = parse(response.content)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    (entry,) = atom_entries(response)
    assert entry.findtext(f"{ATOM}title") == conference.title
    links = {link.get("rel"): link.get("href") for link in entry.findall(f"{ATOM}link")}
    assert links["alternate"] == conference.get_full_url()
    assert links["enclosure"].startswith("http://localhost/media/")
    assert entry.find(f"{ATOM}category").get("term") == "Migrantenorganisationen"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Kreis Steinfurt"


def test_feeds_are_advertised_on_index_and_release(client, index, conference):
    for page in (index, conference):
        head = soup(get(client, page.url)).head
        rss = head.select_one('link[rel=alternate][type="application/rss+xml"]')
        atom = head.select_one('link[rel=alternate][type="application/atom+xml"]')
        assert rss["href"] == index.url + "feed/rss/", page
        assert atom["href"] == index.url + "feed/atom/", page


def test_feeds_per_locale(client, index, conference, locale_en):
    english_index = index.copy_for_translation(locale_en, copy_parents=True)
    english_index.save_revision().publish()
    english = release(english_index, "Conference on migrant organisations", conference.release_date)
    german_titles = [i.findtext("title") for i in rss_items(get(client, index.url + "feed/rss/"))]
    english_url = Page.objects.get(pk=english_index.pk).url
    english_feed = get(client, english_url + "feed/rss/")
    english_titles = [i.findtext("title") for i in rss_items(english_feed)]
    assert german_titles == [conference.title]
    assert english_titles == [english.title]
    assert parse(english_feed.content).findtext("./channel/language") == "en"


def test_translated_index_filters_and_shows_topics_in_its_language(
    client, superuser, index, conference, locale_en
):
    from wagtail_localize.operations import TranslationCreator

    from wagtail_integration.translation import translate_page_tree

    archive = f.PhotoArchivePageFactory(press_index=index)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_page_tree(index, [locale_en], user=superuser)
        translate_page_tree(archive, [locale_en], user=superuser)
    english_index = index.get_translation(locale_en)
    english_release = conference.get_translation(locale_en).specific
    topic = conference.topics.get()
    assert list(english_release.topics.all()) == [topic]  # shared with the source
    # Until the topic is translated, the English pages show and filter by the German name.
    assert listed_titles(get(client, english_index.url, topic="migrantenorganisationen"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        TranslationCreator(superuser, [locale_en]).create_translations(topic)
    english_topic = topic.get_translation(locale_en)
    english_topic.name = "Migrant organisations"
    english_topic.save()
    response = get(client, english_index.url, topic="migrant-organisations")
    assert listed_titles(response) == [english_release.title]
    assert listed_titles(get(client, english_index.url, topic=str(topic.pk)))  # source id
    page = soup(get(client, english_release.url))
    assert page.select_one(".wi-topics a")["href"] == (
        english_index.url + "?topic=migrant-organisations"
    )
    # The English photo archive shows the English index's release.
    english_archive = archive.get_translation(locale_en)
    links = soup(get(client, english_archive.url)).select(".wi-photo-archive__release a")
    assert [a["href"] for a in links] == [english_release.url]


HOSTILE = (
    "<script>alert(1)</script> ]]> </title> \x00\x01\x08\x0b\x1f\ufffe "
    "\u202eevil\u202c 🎉 &amp; \"quoted\" 'single'"
)


def test_hostile_values_keep_feeds_well_formed_and_inert(client, index):
    # PostgreSQL cannot store NUL at all (the forms refuse it, tests/test_hostile_input.py);
    # elsewhere a NUL stored by a script must not break the feed either.
    hostile = HOSTILE.replace("\x00", "") if connection.vendor == "postgresql" else HOSTILE
    topic = f.TopicFactory(name=hostile[:100])
    release(
        index,
        hostile[:200],
        datetime.date(2024, 1, 1),
        lead=hostile,
        publisher=f.OrganisationFactory(name=hostile[:200]),
        topics=[topic],
    )
    for kind in ("rss", "atom"):
        response = get(client, index.url + f"feed/{kind}/")
        root = parse(response.content)  # well-formed, or this raises
        texts = [element.text or "" for element in root.iter()]
        texts += [value for element in root.iter() for value in element.attrib.values()]
        joined = "".join(texts)
        assert "🎉" in joined
        assert "<script" not in joined  # titles and descriptions stay escaped markup
        assert not any(ch in joined for ch in "\x00\x01\x08\x0b\x1f\ufffe\u202e")
    assert xml_text("a\x00b\ud800c\u202ed") == "abcd"


# --- Nothing unpublished leaks ---------------------------------------------------------------


@pytest.fixture
def leaky_index(index, conference):
    """An index with one public release and every kind of release that must stay hidden."""
    image = f.ImageFactory()
    hidden_media = [f.press_image_item(image, caption=HIDDEN, credit=HIDDEN)]
    day = datetime.date(2018, 5, 20)
    draft = release(index, f"{HIDDEN} Entwurf", day, lead=HIDDEN, media=hidden_media)
    draft.unpublish()
    private = release(index, f"{HIDDEN} Passwort", day, lead=HIDDEN, media=hidden_media)
    PageViewRestriction.objects.create(
        page=private,
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",  # noqa: S106
    )
    members = release(index, f"{HIDDEN} Login", day, lead=HIDDEN, media=hidden_media)
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    expired = release(index, f"{HIDDEN} Abgelaufen", day, lead=HIDDEN, media=hidden_media)
    Page.objects.filter(pk=expired.pk).update(live=False, expired=True)
    # A live release with a newer, unpublished revision: only the published version shows.
    changed = Page.objects.get(pk=conference.pk).specific
    changed.title = f"{HIDDEN} Neuer Titel"
    changed.lead = HIDDEN
    changed.media = hidden_media
    changed.save_revision()
    # A private index with its own release.
    private_index = f.PressReleaseIndexPageFactory(title="Intern")
    PageViewRestriction.objects.create(
        page=private_index, restriction_type=PageViewRestriction.LOGIN
    )
    release(private_index, f"{HIDDEN} Intern", day, lead=HIDDEN, media=hidden_media)
    return index


def test_nothing_unpublished_leaks_into_index_archive_search(client, leaky_index, conference):
    for url, params in [
        (leaky_index.url, {}),
        (leaky_index.url + "2018/", {}),
        (leaky_index.url + "2018/05/", {}),
        (leaky_index.url, {"q": "Fachkonferenz"}),
    ]:
        response = get(client, url, **params)
        assert HIDDEN not in response.content.decode(), (url, params)
        assert listed_titles(response) == [conference.title], (url, params)
    searched = get(client, leaky_index.url, q=HIDDEN)  # the search term itself is echoed
    assert listed_titles(searched) == []
    assert soup(searched).select_one("[role=status]").get_text(strip=True).startswith("0")


def test_nothing_unpublished_leaks_into_feeds(client, leaky_index, conference):
    for kind in ("rss", "atom"):
        content = get(client, leaky_index.url + f"feed/{kind}/").content.decode()
        assert HIDDEN not in content
        assert conference.title in content


def test_nothing_unpublished_leaks_into_photo_archive(client, leaky_index, conference):
    archive = f.PhotoArchivePageFactory()
    response = get(client, archive.url, q="")
    content = response.content.decode()
    assert HIDDEN not in content
    assert "Fachkonferenz Integration" in content
    searched = soup(get(client, archive.url, q=HIDDEN))  # the search term itself is echoed
    assert searched.select(".wi-photo-archive__item") == []


# --- Print view and media --------------------------------------------------------------------


def test_print_button_and_print_styles(client, conference):
    page = soup(get(client, conference.url))
    button = page.select_one("button[data-wi-print]")
    assert button["type"] == "button"
    assert button.get_text(strip=True) in {"Drucken", "Print"}  # German once translated
    assert not button.has_attr("onclick")
    script = page.head.select_one('script[src$="wagtail_integration/js/print.js"]')
    assert script is not None
    assert page.head.select_one('link[media=print][href$="wagtail_integration/css/print.css"]')
    css = open(finders.find("wagtail_integration/css/print.css"), encoding="utf-8").read()
    for rule in ('a[href^="http"]::after', ".wi-print-button", ".wi-language-switcher", "form"):
        assert rule in css
    assert finders.find("wagtail_integration/js/print.js")


def test_print_button_in_english(client, conference, locale_en):
    english = conference.get_parent().copy_for_translation(locale_en, copy_parents=True)
    english.save_revision().publish()
    release_en = conference.copy_for_translation(locale_en)
    release_en.save_revision().publish()
    page = soup(get(client, Page.objects.get(pk=release_en.pk).url))
    assert page.select_one("button[data-wi-print]").get_text(strip=True) == "Print"


def test_release_offers_image_in_original_and_web_size(client, index):
    image = f.ImageFactory(file__width=2400, file__height=1600)
    document = f.DocumentFactory(title="Pressemappe")
    page = release(
        index,
        "Pressefotos zum Fachtag",
        datetime.date(2024, 2, 1),
        media=[f.press_image_item(image)] + f.media_stream([], [document]),
    )
    html = soup(get(client, page.url))
    media = html.select_one(".wi-section--media")
    original, web = (a["href"] for a in media.select(".wi-image-downloads a[download]"))
    assert original == image.file.url
    assert ".max-1600x1200" in web
    text = media.get_text(" ", strip=True)
    assert "2400 × 1600 px" in text and "1600 × 1066 px" in text
    assert "Kreis Steinfurt" in text and "Frei zur Berichterstattung" in text
    assert "Pressemappe" in text and "PDF" in text


# --- Photo archive ---------------------------------------------------------------------------


def test_photo_archive_lists_images_with_credit_and_release(client, index, conference):
    older = release(
        index,
        "Sommerfest",
        datetime.date(2017, 7, 1),
        media=[f.press_image_item(f.ImageFactory(), caption="Sommerfest", credit="Fotoclub")],
    )
    archive = f.PhotoArchivePageFactory()
    response = get(client, archive.url)
    items = soup(response).select(".wi-photo-archive__item")
    assert len(items) == 2
    first = items[0].get_text(" ", strip=True)
    assert "Fachkonferenz Integration" in first and "Kreis Steinfurt" in first
    assert items[0].select_one("figure img")["alt"] == "Gruppenfoto der Teilnehmenden"
    assert items[0].select_one("figcaption a")["href"] == conference.url
    assert "Fotoclub" in items[1].get_text() and older.title in items[1].get_text()
    assert items[0].select_one("a[download]")


def test_photo_archive_search_and_index_choice(client, index, conference):
    other_index = f.PressReleaseIndexPageFactory(title="Presse Jugendamt")
    release(
        other_index,
        "Ferienpass",
        datetime.date(2024, 7, 1),
        media=[f.press_image_item(f.ImageFactory(), caption="Ferienpass", credit="Jugendamt")],
    )
    archive = f.PhotoArchivePageFactory()
    found = soup(get(client, archive.url, q="jugendamt"))
    assert [i.select_one(".wi-figure__caption").text for i in found.select("figure")] == [
        "Ferienpass"
    ]
    assert len(soup(get(client, archive.url, q='"')).select("figure")) == 2
    only_index = f.PhotoArchivePageFactory(press_index=index)
    listed = soup(get(client, only_index.url)).select(".wi-figure__caption")
    assert [caption.text for caption in listed] == ["Fachkonferenz Integration"]


def test_photo_archive_api_fields(index, conference):
    from wagtail_integration.models.photos import PhotosField

    archive = f.PhotoArchivePageFactory()
    names = [field.name for field in type(archive).api_fields]
    assert names[:2] == ["introduction", "photos"]
    (photo,) = PhotosField().to_representation(archive)
    assert photo["credit"] == "Kreis Steinfurt"
    assert photo["release"]["title"] == conference.title
    assert photo["image"]["renditions"]


def test_photo_archive_in_api_v2_and_v3(client, index, conference):
    from django.apps import apps

    archive = f.PhotoArchivePageFactory()
    data = get(client, f"/api/v2/pages/{archive.pk}/").json()
    assert data["introduction"]
    assert [photo["caption"] for photo in data["photos"]] == ["Fachkonferenz Integration"]
    assert data["photos"][0]["release"]["url"] == conference.url
    if not apps.is_installed("wagtail.api.v3"):
        return
    data = get(client, f"/api/v3/pages/{archive.pk}/").json()
    assert data["photos"][0]["credit"] == "Kreis Steinfurt"
    schemas = get(client, "/api/v3/openapi.json").json()["components"]["schemas"]
    assert "PhotoArchivePageSchema" in schemas
    assert "PhotoOut" in str(schemas["PhotoArchivePageSchema"])


# --- Query counts ----------------------------------------------------------------------------


def count_queries(client, url, **params) -> int:
    get(client, url, **params)  # warm-up: renditions
    reset_queries()  # the query log holds 9,000 entries: once full, a count would read 0
    with CaptureQueriesContext(connection) as context:
        get(client, url, **params)
    return len(context)


def fill_index(index, n):
    topic = f.TopicFactory()
    for i in range(n):
        release(
            index,
            f"Meldung {i}",
            datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
            lead="Kurzmeldung.",
            publisher=f.OrganisationFactory(),
            media=[f.press_image_item(f.ImageFactory())],
            topics=[topic],
        )
    return index


@pytest.mark.parametrize(
    "suffix, params",
    [("", {}), ("2020/", {}), ("", {"q": "Meldung"}), ("feed/rss/", {}), ("feed/atom/", {})],
)
def test_index_archive_search_and_feeds_queries_stay_flat(client, settings, suffix, params):
    settings.WAGTAIL_INTEGRATION = {"PAGE_SIZE": 50}
    small = fill_index(f.PressReleaseIndexPageFactory(), 3)
    large = fill_index(f.PressReleaseIndexPageFactory(), 30)
    few = count_queries(client, small.url + suffix, **params)
    many = count_queries(client, large.url + suffix, **params)
    assert 0 < many <= few, (suffix, params, few, many)


def test_photo_archive_queries_stay_flat(client, settings, django_assert_max_num_queries):
    settings.WAGTAIL_INTEGRATION = {"PAGE_SIZE": 50}
    small_index = fill_index(f.PressReleaseIndexPageFactory(), 3)
    small = f.PhotoArchivePageFactory(press_index=small_index)
    few = count_queries(client, small.url)
    large = f.PhotoArchivePageFactory(press_index=fill_index(f.PressReleaseIndexPageFactory(), 30))
    get(client, large.url)  # warm-up
    reset_queries()
    with django_assert_max_num_queries(few):
        response = get(client, large.url)
    assert len(soup(response).select(".wi-photo-archive__item")) == 30


def test_release_documents_show_caption_credit_and_licence_in_html_and_api(client):
    document = f.DocumentFactory(title="Pressemitteilung Arbeitskreis")
    release = f.PressReleasePageFactory(
        parent=f.PressReleaseIndexPageFactory(parent=f.default_parent()),
        media=f.media_stream([], [document]),
    )
    html = client.get(release.url).content.decode()
    assert "Pressemitteilung als PDF" in html
    assert "Kreis Steinfurt" in html
    assert "Frei zur Berichterstattung" in html
    item = client.get(f"/api/v2/pages/{release.pk}/").json()["media"][0]["value"]
    assert item["credit"] == "Kreis Steinfurt"
    assert item["licence"] == "Frei zur Berichterstattung"
    assert item["document"]["title"] == "Pressemitteilung Arbeitskreis"
