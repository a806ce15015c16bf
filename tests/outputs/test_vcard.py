"""vCards of people: the writer's escaping and folding, the download and the link."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from wagtail_integration.models import Organisation, Person
from wagtail_integration.outputs.vcard import escape, fold, person_vcard

from .. import factories as f

ALLOWED = {
    "BEGIN",
    "VERSION",
    "KIND",
    "FN",
    "N",
    "TITLE",
    "ORG",
    "EMAIL",
    "TEL",
    "ADR",
    "URL",
    "END",
}


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # no bare line feeds
    assert "\r" not in text.replace("\r\n", "")  # no bare carriage returns
    return re.sub(r"\r\n[ \t]", "", text).removesuffix("\r\n").split("\r\n")


def properties(text: str) -> dict[str, list[str]]:
    """Property name (with parameters) -> values; asserts every name is one we write."""
    result: dict[str, list[str]] = {}
    for line in unfold(text):
        name, _, value = line.partition(":")
        assert name.split(";")[0] in ALLOWED, line
        result.setdefault(name, []).append(value)
    return result


def url_of(person) -> str:
    return reverse("wagtail_integration_person_vcard", args=[person.pk])


def test_vcard_of_a_person(db):
    organisation = f.OrganisationFactory(
        name="Kreis Steinfurt", unit="Integrationszentrum", website="https://kreis.example.org/"
    )
    person = f.PersonFactory(
        academic_title="Dr.",
        first_name="Maren",
        last_name="Beispiel",
        position="Leiterin, Team Integration",
        organisation=organisation,
        email="m.beispiel@example.org",
        phone="+49 2551 69-0",
        fax="+49 2551 69-1",
        street="Tecklenburger Straße 10",
        postcode="48565",
        city="Steinfurt",
        building="Kreishaus",
        room="204",
    )
    response = Client().get(url_of(person))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="dr-maren-beispiel-{person.pk}.vcf"'
    )
    props = properties(response.content.decode())
    assert props["BEGIN"] == ["VCARD"] and props["END"] == ["VCARD"]
    assert props["VERSION"] == ["4.0"]
    assert props["FN"] == ["Dr. Maren Beispiel"]
    assert props["N"] == ["Beispiel;Maren;;Dr.;"]
    assert props["TITLE"] == ["Leiterin\\, Team Integration"]
    assert props["ORG"] == ["Kreis Steinfurt;Integrationszentrum"]
    assert props["EMAIL;TYPE=work"] == ["m.beispiel@example.org"]
    assert props["TEL;TYPE=work,voice;VALUE=text"] == ["+49 2551 69-0"]
    assert props["TEL;TYPE=work,fax;VALUE=text"] == ["+49 2551 69-1"]
    assert props["ADR;TYPE=work"] == [
        ";Gebäude Kreishaus\\, Raum 204;Tecklenburger Straße 10;Steinfurt;;48565;"
    ]
    assert props["URL"] == ["https://kreis.example.org/"]


def test_unknown_person_is_404(db):
    assert Client().get("/people/999999/contact.vcf").status_code == 404
    assert Client().get("/people/99999999999999999999/contact.vcf").status_code == 404


def test_hostile_values_stay_in_their_property():
    person = Person(
        pk=7,
        first_name="Anna\r\nEMAIL:evil@example.org",
        last_name="Muster;mann,Jr\\",
        academic_title="\x00Prof.\u2028",
        position="Chefin\nNOTE:injected",
        email="x@example.org\r\nTEL:666",
        phone="0591\nNOTE:evil",
        fax="",
        street="Weg 1\r\nEND:VCARD\r\nBEGIN:VCARD",
        postcode="12345",
        city="Stadt",
        organisation=Organisation(pk=3, name="Verein; e.V.", unit=""),
    )
    text = person_vcard(person)
    props = properties(text)
    assert props["BEGIN"] == ["VCARD"] and props["END"] == ["VCARD"]
    assert "EMAIL;TYPE=work" not in props  # not a valid address, so left out
    assert props["N"] == ["Muster\\;mann\\,Jr\\\\;Anna EMAIL:evil@example.org;;Prof.;"]
    assert props["FN"] == ["Prof. Anna EMAIL:evil@example.org Muster\\;mann\\,Jr\\\\"]
    assert props["TITLE"] == ["Chefin NOTE:injected"]
    assert props["TEL;TYPE=work,voice;VALUE=text"] == ["0591 NOTE:evil"]
    assert props["ORG"] == ["Verein\\; e.V."]
    assert "\x00" not in text and "\u2028" not in text


def test_long_names_fold_at_75_octets_without_splitting_characters():
    name = "Ä🎉\u202e" * 4000
    person = Person(pk=1, first_name="", last_name=name, email="", phone="", fax="")
    text = person_vcard(person)
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75
    assert properties(text)["FN"] == [name]


def test_escape_and_fold_helpers():
    assert escape("a\\b,c;d\ne") == "a\\\\b\\,c\\;d e"
    assert fold("X:" + "a" * 73) == "X:" + "a" * 73 + "\r\n"
    folded = fold("X:" + "a" * 74)
    assert folded == "X:" + "a" * 73 + "\r\n a\r\n"


def test_person_cards_link_their_vcard(db):
    page = f.full_speaker_team_page(members=2)
    soup = BeautifulSoup(Client().get(page.url).content, "html.parser")
    links = soup.select(".wi-person__vcard a")
    people = [block.value["person"] for block in page.members]
    hrefs = {a["href"] for a in links}
    assert {url_of(p) for p in people} <= hrefs
    assert url_of(page.contact_person) in hrefs
    names = {p.full_name for p in Person.objects.all()}
    for a in links:  # the accessible name says whose contact it is
        assert a.select_one(".wi-visually-hidden").get_text().removeprefix(": ") in names
