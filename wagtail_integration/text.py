"""One set of rules for text that comes in (imports, search forms, API search) and goes out
(feeds, sitemaps, calendars, vCards, JSON-LD and Open Graph).

Control characters: C0 controls other than tab, line feed and carriage return, DEL and the
C1 controls. NUL is one of them; PostgreSQL refuses it in text columns. Inputs refuse them
(:func:`has_control_characters`), outputs remove them (:func:`clean_text`, :func:`one_line`).

Bidi controls (embeddings, overrides, isolates, U+202A–U+202E and U+2066–U+2069) are part of
right-to-left text and survive where the receiving program shows a value as a field of its
own (HTML, JSON, iCalendar, vCard). XML outputs (feeds, sitemaps) remove embeddings and
overrides, because feed readers splice titles into lists where an unterminated override
reverses what follows; they keep isolates only when every one is closed within the value
(an isolate cannot reach beyond its closing PDI), so the isolates :func:`isolate` adds for
right-to-left languages survive. Search terms drop them with every other non-word character.

:func:`isolate` is the plain-text counterpart of HTML's ``<bdi>``: in a right-to-left
language, a value embedded in text (a postcode, a phone number, a name in Latin script) goes
between FSI (U+2068) and PDI (U+2069), so it keeps its own order and does not reorder the
text around it. Never for machine values (URIs, dates, e-mail properties).

XML 1.0 outputs also lose the characters XML cannot hold at all (surrogates, U+FFFE, U+FFFF).

Rich text to plain text (:func:`plain_text`): the one helper for every plain-text output
(meta and Open Graph descriptions, JSON-LD, iCalendar, feed summaries). Block boundaries
(paragraphs, list items, headings, line breaks) never run together ("lassen.Die"): they become
a space, or with ``paragraphs`` a blank line.

Search terms (:func:`search_terms`): words only. Quotes, brackets and operators are query
syntax to some search backends (SQLite's FTS5 fails on a lone quote; PostgreSQL ignores
quotes), so a quoted phrase searches for its words, in every backend, in the HTML forms and
in the API alike.
"""

from __future__ import annotations

import html
import re
from typing import Any

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language_bidi

CONTROL_RANGE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
EMBEDDING_RANGE = "\u202a-\u202e"  # LRE, RLE, PDF, LRO, RLO
ISOLATE_RANGE = "\u2066-\u2069"  # LRI, RLI, FSI, PDI
BIDI_RANGE = EMBEDDING_RANGE + ISOLATE_RANGE
XML_ONLY_RANGE = "\ud800-\udfff\ufffe\uffff"
FSI, PDI = "\u2068", "\u2069"

CONTROL_CHARACTERS = re.compile(f"[{CONTROL_RANGE}]")
BIDI_CONTROLS = re.compile(f"[{BIDI_RANGE}]")
ISOLATES = re.compile(f"[{ISOLATE_RANGE}]")
FORBIDDEN_IN_XML = re.compile(f"[{CONTROL_RANGE}{EMBEDDING_RANGE}{XML_ONLY_RANGE}]")
# Line breaks of every kind, including the C1 NEL and the Unicode separators, before the
# control characters are removed, so that "a\x85b" becomes "a b" rather than "ab".
LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
NON_WORD = re.compile(r"[^\w]+")
# Where rich text ends a paragraph, list item, heading or line: a paragraph break.
BLOCK_END = re.compile(r"(?i)</(?:p|li|h[1-6]|blockquote|div)\s*>|<br\s*/?>")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

SEARCH_MAX_LENGTH = 200


def as_text(value: Any) -> str:
    return "" if value is None else str(value)


def has_control_characters(value: Any) -> bool:
    """Whether ``value`` holds a control character (NUL included): inputs refuse these."""
    return CONTROL_CHARACTERS.search(as_text(value)) is not None


def _isolates_closed(text: str) -> bool:
    depth = 0
    for char in ISOLATES.findall(text):
        depth += -1 if char == PDI else 1
        if depth < 0:
            return False
    return depth == 0


def _remove_controls(text: str, xml: bool) -> str:
    if not xml:
        return CONTROL_CHARACTERS.sub("", text)
    text = FORBIDDEN_IN_XML.sub("", text)
    return text if _isolates_closed(text) else ISOLATES.sub("", text)


def clean_text(value: Any, *, xml: bool = False) -> str:
    """Text that may keep its line breaks (as ``\\n``) and tabs, without control characters;
    with ``xml``, also without embeddings, overrides, unclosed isolates and what XML 1.0
    cannot hold."""
    return _remove_controls(LINE_BREAKS.sub("\n", as_text(value)), xml)


def one_line(value: Any, *, xml: bool = False) -> str:
    """One line of text: line breaks and runs of white space become one space, control
    characters are removed (with ``xml`` as in :func:`clean_text`), ends stripped."""
    text = _remove_controls(LINE_BREAKS.sub(" ", as_text(value)), xml)
    return " ".join(text.split())


def isolate(value: Any, *, rtl: bool | None = None) -> str:
    """``value`` (one line) between FSI and PDI when the language is right-to-left
    (``rtl``; by default the active language), else unchanged; see the module docstring."""
    text = BIDI_CONTROLS.sub("", one_line(value))  # balanced whatever the value held
    if rtl is None:
        rtl = get_language_bidi()
    return f"{FSI}{text}{PDI}" if text and rtl else text


def plain_text(
    value: Any, limit: int | None = None, rich: bool = True, paragraphs: bool = False
) -> str:
    """Rich text (tags dropped, entities decoded) or plain text, white space collapsed.

    Paragraphs never run together ("lassen. Die", not "lassen.Die"): one line joined by spaces,
    or with ``paragraphs`` separated by a blank line (JSON-LD and iCalendar descriptions).
    """
    if value is None:
        return ""
    text = str(getattr(value, "source", value))
    if rich:
        text = html.unescape(strip_tags(BLOCK_END.sub("\n\n", text)))
    parts = [one_line(part) for part in PARAGRAPH_BREAK.split(text)]
    text = ("\n\n" if paragraphs else " ").join(part for part in parts if part)
    return Truncator(text).chars(limit) if limit else text


def search_terms(value: Any) -> str:
    """The words of a search term, separated by single spaces; see the module docstring.

    The same function serves the HTML search forms and the API's ``search`` parameter.
    """
    return " ".join(NON_WORD.sub(" ", as_text(value)).split())


def needs_search_cleaning(value: Any) -> bool:
    """Whether :func:`search_terms` changes more than white space in ``value``."""
    text = as_text(value)
    return search_terms(text) != " ".join(text.split())
