"""schema.org JSON-LD and Open Graph data for the package's pages.

``page_graph`` builds one ``@graph`` per page from objects the page template loads anyway
(stream values are cached on the page, the related context is reused), so the number of
queries does not grow with the number of events, members or people. ``json_ld_script``
serialises it so that no value can end the ``<script>`` element.

Modules: ``common`` (constants, dates, addresses, opening hours, the script tag), ``entities``
(organisations, places, people, events), ``graph`` (one handler per page type) and
``open_graph`` (Open Graph and Twitter card values).
"""

from ...text import plain_text
from .common import BERLIN, SCHEMA_DAYS, event_end, event_start, json_ld_script, opening_hours
from .graph import GraphBuilder, page_description, page_graph
from .open_graph import OG_LOCALES, og_locale, open_graph, page_image

__all__ = [
    "BERLIN",
    "OG_LOCALES",
    "SCHEMA_DAYS",
    "GraphBuilder",
    "event_end",
    "event_start",
    "json_ld_script",
    "og_locale",
    "open_graph",
    "opening_hours",
    "page_description",
    "page_graph",
    "page_image",
    "plain_text",
]
