"""The package's one set of text rules, with hostile values."""

import pytest

from wagtail_integration import text
from wagtail_integration.models.common import SearchForm

CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
C1 = "".join(chr(c) for c in range(0x80, 0xA0) if c != 0x85)
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("char", list(CONTROLS + C1))
def test_every_control_character_counts_and_goes(char):
    value = f"Verein{char}Nord"
    assert text.has_control_characters(value)
    assert text.clean_text(value) in ("VereinNord", "Verein\nNord")
    assert text.one_line(value) in ("VereinNord", "Verein Nord")


@pytest.mark.parametrize("value", ["Verein Nord", "Tab\tund\nZeile\r\n", "Straße 🎉", BIDI])
def test_ordinary_text_has_no_control_characters(value):
    assert not text.has_control_characters(value)


def test_nul_is_a_control_character():
    assert text.has_control_characters("a\x00b")
    assert text.one_line("a\x00b") == "ab"


def test_line_breaks_of_every_kind():
    value = "eins\r\nzwei\rdrei\nvier\x85fünf\u2028sechs\u2029sieben\x0bacht\x0cneun"
    assert text.clean_text(value) == "eins\nzwei\ndrei\nvier\nfünf\nsechs\nsieben\nacht\nneun"
    assert text.one_line(value) == "eins zwei drei vier fünf sechs sieben acht neun"
    assert text.one_line("  viel \t  Platz\n\n ") == "viel Platz"


def test_bidi_controls_survive_plain_text_and_leave_xml():
    value = f"Verein {BIDI}evil e. V."
    assert text.one_line(value) == value
    assert text.one_line(value, xml=True) == "Verein evil e. V."
    assert text.clean_text(value, xml=True) == "Verein evil e. V."


def test_xml_loses_what_xml_cannot_hold():
    value = "a\x00b\ud800c\udfffd\ufffee\uffff\x1ff"
    assert text.clean_text(value, xml=True) == "abcdef"
    assert text.clean_text("Zeile\neins", xml=True) == "Zeile\neins"


def test_none_and_non_text():
    assert text.one_line(None) == "" and text.clean_text(None) == ""
    assert text.one_line(12) == "12"
    assert text.search_terms(None) == ""


@pytest.mark.parametrize(
    ("term", "cleaned"),
    [
        ('"Fach konferenz"', "Fach konferenz"),
        ('"Fach konferenz', "Fach konferenz"),
        ('"', ""),
        ("'", ""),
        ("(Integration OR Teilhabe) AND -Sprache*", "Integration OR Teilhabe AND Sprache"),
        ("Fach\x00konferenz", "Fach konferenz"),
        ("\u202eevil\u202c", "evil"),
        ("Straße Müller-Lüdenscheidt", "Straße Müller Lüdenscheidt"),
        ("  viele   Leerzeichen\t", "viele Leerzeichen"),
        ("🎉", ""),
    ],
)
def test_search_terms_are_words_only(term, cleaned):
    assert text.search_terms(term) == cleaned
    assert text.needs_search_cleaning(term) == (cleaned != " ".join(term.split()))


def test_the_html_search_form_uses_the_same_rule():
    form = SearchForm({"q": '"Fach konferenz" \u202e(AND'})
    assert form.valid_values() == {"q": "Fach konferenz AND"}
    # Django's form fields refuse NUL: the term counts as not given, no error page.
    assert SearchForm({"q": "Fach\x00konferenz"}).valid_values() == {}
    too_long = SearchForm({"q": "x" * (text.SEARCH_MAX_LENGTH + 1)})
    assert too_long.valid_values() == {}
