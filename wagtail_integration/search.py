"""Visitors' searches in German: every word of the query matches the beginning of a word.

Wagtail's ``search()`` matches whole words only, and German joins words into compounds:
"caritas" would miss "Caritasverband Hamm", "Sprachcafé" would miss "Sprachcafés".
``autocomplete()`` treats only the last word of a plain query as a prefix, so the query is
split into one ``PlainText`` per word: each becomes a prefix and all must match. The indexed
fields are the models' ``AutocompleteField`` entries. This runs in the database backends'
full-text indexes (SQLite FTS5, PostgreSQL ``tsvector`` with ``:*`` prefixes), never as a
``LIKE`` scan; see docs/performance.md for timings at 20,000 organisations.
"""

from __future__ import annotations

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, PlainText


def prefix_query(query: str):
    """One prefix condition per word, all required; ``None`` for a query without words."""
    words = query.split()
    if not words:
        return None
    if len(words) == 1:
        return PlainText(words[0])
    return And([PlainText(word) for word in words])


def prefix_search(queryset, query: str, *, order_by_relevance: bool = False):
    """Search ``queryset`` (kept in its own order) for words starting with the query's words."""
    condition = prefix_query(query)
    if condition is None:
        return queryset.none()
    return get_search_backend().autocomplete(
        condition, queryset, order_by_relevance=order_by_relevance
    )
