"""Two imports that overlap in time (real threads, each with its own PostgreSQL connection):
no organisation twice, no update lost without a word, and importing again works."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from wagtail.models import Locale

from wagtail_integration.models import Organisation, Topic
from wagtail_integration.organisations_io.import_lock import ImportConflict
from wagtail_integration.organisations_io.importing import apply_import, plan_import

from .. import factories as f

# Serialized rollback: the flush after each test then leaves the migrated rows to the restore,
# so later serialized tests (browser, translation paths) do not meet content types twice.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs real row locks and concurrent connections: PostgreSQL only",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def csv_file(rows) -> bytes:
    lines = ["name;email;topics"] + [f"{name};{email};Gemeinsames Thema" for name, email in rows]
    return ("\n".join(lines) + "\n").encode()


def plan(rows):
    return plan_import(csv_file(rows), "organisations.csv", Locale.get_default())


def apply_together(*plans) -> list:
    """Apply the plans at the same moment, each in a thread of its own."""
    barrier = threading.Barrier(len(plans))
    results: list = [None] * len(plans)

    def run(index, planned):
        try:
            barrier.wait(timeout=30)
            results[index] = apply_import(planned)
        except ImportConflict as conflict:
            results[index] = conflict
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(plans)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_overlapping_imports_create_each_organisation_once():
    shared = [f"Verein {n:02d}" for n in range(10)]
    first = [(name, "erste@example.org") for name in [*shared, "Nur in Datei A"]]
    second = [(name, "zweite@example.org") for name in [*shared, "Nur in Datei B"]]
    plans = [plan(first), plan(second)]
    assert all(p.count("create") == 11 for p in plans)

    results = apply_together(*plans)

    conflicts = [r for r in results if isinstance(r, ImportConflict)]
    assert len(conflicts) == 1, results  # the later one is refused as a whole
    lines = sorted(error.line for error in conflicts[0].errors)
    assert lines == list(range(2, 12))  # the ten shared rows, by line
    assert "von jemand anderem angelegt" in str(conflicts[0].errors[0])  # site language: de
    assert "email" in str(conflicts[0].errors[0])
    for name in shared:
        assert Organisation.objects.filter(name=name).count() == 1
    assert Topic.objects.filter(name="Gemeinsames Thema").count() == 1
    assert Organisation.objects.count() == 11

    # Importing the refused file again updates what the other import created.
    loser = second if results[1] is conflicts[0] else first
    again = plan(loser)
    assert again.count("update") == 10 and again.count("create") == 1
    apply_import(again)
    email = loser[0][1]
    assert set(Organisation.objects.filter(name__in=shared).values_list("email", flat=True)) == {
        email
    }
    assert Organisation.objects.count() == 12


def test_identical_overlapping_imports_both_succeed():
    rows = [(f"Verein {n}", "gleich@example.org") for n in range(5)]
    results = apply_together(plan(rows), plan(rows))
    assert not any(isinstance(r, ImportConflict) for r in results), results
    assert Organisation.objects.count() == 5


def test_change_after_the_check_is_a_conflict_not_a_lost_update():
    organisation = f.OrganisationFactory(name="Caritas Rheine", unit="", phone="05971 1")
    planned = plan_import(b"name;phone\nCaritas Rheine;05971 2\n", "a.csv", organisation.locale)
    assert planned.count("update") == 1
    # An editor saves another number between the check and the write.
    Organisation.objects.filter(pk=organisation.pk).update(phone="05971 3")
    with pytest.raises(ImportConflict) as conflict:
        apply_import(planned)
    (error,) = conflict.value.errors
    assert (error.line, error.column) == (2, "phone")
    assert "von jemand anderem geändert" in str(error)
    organisation.refresh_from_db()
    assert organisation.phone == "05971 3"  # kept, and the import said so


def test_change_to_the_same_value_is_no_conflict():
    organisation = f.OrganisationFactory(name="Caritas Rheine", unit="", phone="05971 1")
    planned = plan_import(b"name;phone\nCaritas Rheine;05971 2\n", "a.csv", organisation.locale)
    Organisation.objects.filter(pk=organisation.pk).update(phone="05971 2")
    apply_import(planned)
    organisation.refresh_from_db()
    assert organisation.phone == "05971 2"
