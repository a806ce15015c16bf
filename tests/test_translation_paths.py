"""Pages copied for a translation always have a URL under their language's prefix.

wagtail-localize copies a missing parent (the home page, an index) as an alias with the
slug ``home-ar``; the package turns that alias into a draft translation, whose slug may
change (``home-1``). Every page copied below it must follow that change, whether the copies
are made inside one transaction (the admin, ``translate_page_tree``) or one statement at a
time (scripts, the demo, autocommit).
"""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page, Site

from wagtail_integration.translation import translate_page_tree

from . import factories as f


def build_tree():
    index = f.PressReleaseIndexPageFactory(title="Presse", slug="presse")
    releases = [
        f.PressReleasePageFactory(parent=index, title=f"Meldung {n}", slug=f"meldung-{n}")
        for n in (1, 2)
    ]
    network = f.NetworkPageFactory(title="Netzwerk", slug="netzwerk")
    return [index, *releases, network]


def assert_every_copy_has_a_url(locale: Locale, sources) -> None:
    Site.clear_site_root_paths_cache()
    copies = Page.objects.filter(locale=locale, depth__gt=1).order_by("path")
    assert {p.translation_key for p in copies} >= {s.translation_key for s in sources}
    wrong = []
    for copy in copies:
        parent = copy.get_parent()
        expected = f"{parent.url_path}{copy.slug}/" if parent.depth > 1 else f"/{copy.slug}/"
        url = copy.get_url()
        if copy.url_path != expected or not (url or "").startswith(f"/{locale.language_code}/"):
            wrong.append((copy.title, copy.url_path, expected, url))
    assert not wrong, wrong


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_copies_made_one_statement_at_a_time_follow_the_parents_slug():
    """Autocommit: the copied parent is converted at once, before its children are copied."""
    sources = build_tree()
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    for source in sorted(sources, key=lambda p: p.path):
        copy = source.copy_for_translation(arabic, copy_parents=True)
        copy.save_revision().publish()
    for parent in Page.objects.filter(locale=arabic, depth__gt=1, live=False):
        parent.save_revision().publish()
    assert_every_copy_has_a_url(arabic, sources)


def test_a_translated_tree_has_a_url_for_every_page(db, django_capture_on_commit_callbacks):
    """One transaction: the copied parent is converted on commit, after its children exist."""
    sources = build_tree()
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    with django_capture_on_commit_callbacks(execute=True):
        translate_page_tree(sources[0], [arabic])
        translate_page_tree(sources[-1], [arabic])
    assert_every_copy_has_a_url(arabic, sources)
