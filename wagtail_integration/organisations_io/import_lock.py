"""Organisation imports that overlap in time: one at a time, and nothing overwritten unseen.

An import is planned (file read, rows matched to organisations) before it is written. Two
imports planned at the same time would both create the organisations neither found, and the
second would overwrite what the first wrote. So writing an import

1. takes a lock for the duration of its transaction (PostgreSQL: an advisory transaction
   lock; elsewhere a row lock on the locale), so the next import waits for it to commit;
2. then reads the organisations again and compares them with what the plan saw. A row whose
   organisation was created, changed, renamed or deleted since is a *conflict*, reported with
   its line and fields, and nothing is written; unless the organisation already holds
   exactly what the row would write (nothing is lost then). Importing the file again plans
   against the new state and works.

Topics created by another import in the meantime are reused, not created twice.
"""

from __future__ import annotations

import zlib

from django.db import connection
from django.utils.translation import gettext as _

# A fixed 31-bit key: the same for every process of the site.
ADVISORY_LOCK_KEY = zlib.crc32(b"wagtail_integration.import_organisations") & 0x7FFFFFFF


class ImportConflict(Exception):
    """Rows whose organisations changed after the file was checked; nothing was written."""

    def __init__(self, errors) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


def lock(locale) -> None:
    """Wait for other imports to commit; held until the current transaction ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
    else:
        from wagtail.models import Locale

        list(Locale.objects.select_for_update().filter(pk=locale.pk))


def _value(organisation, column: str):
    from .columns import rich_text_to_text

    value = getattr(organisation, column) or ""
    return rich_text_to_text(value) if column == "description" else value


def _topics(organisation) -> list[str]:
    return sorted(topic.name.casefold() for topic in organisation.topics.all())


def _planned(row, column: str):
    from .columns import rich_text_to_text
    from .rows import field_value

    value = field_value(row.values, column)
    return rich_text_to_text(value) if column == "description" else value


def _moved(seen, now, row) -> list[str]:
    """Columns of the row that changed in the database since the plan and now differ from
    what the row would write."""
    moved = []
    for column in row.values:
        if _value(seen, column) != _value(now, column) != _planned(row, column):
            moved.append(column)
    if row.topics is not None and _topics(seen) != _topics(now):
        if _topics(now) != sorted(topic.casefold() for topic in row.topics):
            moved.append("topics")
    return moved


def lock_and_recheck(plan) -> None:
    """Call first inside the import's transaction. Raises ``ImportConflict``."""
    from ..models import Organisation, Topic
    from .rows import RowError, changed_fields, identity

    lock(plan.locale)
    current: dict[tuple[str, str], list] = {}
    for organisation in Organisation.objects.filter(locale=plan.locale).prefetch_related("topics"):
        current.setdefault(identity(organisation.name, organisation.unit), []).append(organisation)
    errors = []
    for row in plan.rows:
        name = row.values["name"]
        now = current.get(identity(name, row.values.get("unit", "")), [])
        if row.organisation is None:
            if not now:
                continue
            differs = changed_fields(now[0], row.values, row.topics)
            if len(now) == 1 and not differs:
                row.organisation, row.changes = now[0], []  # already as the row has it
                continue
            errors.append(
                RowError(
                    row.line,
                    "name",
                    _(
                        "“%(name)s” was created by someone else after the file was checked, "
                        "with other values (%(fields)s). Nothing was imported; import the "
                        "file again to see the changes."
                    )
                    % {"name": name, "fields": ", ".join(differs) or "-"},
                )
            )
            continue
        fresh = next((o for o in now if o.pk == row.organisation.pk), None)
        if fresh is None:
            errors.append(
                RowError(
                    row.line,
                    "name",
                    _(
                        "“%(name)s” was renamed or deleted after the file was checked. Nothing "
                        "was imported; import the file again."
                    )
                    % {"name": name},
                )
            )
            continue
        moved = _moved(row.organisation, fresh, row)
        if moved:
            errors.append(
                RowError(
                    row.line,
                    moved[0],
                    _(
                        "“%(name)s” was changed by someone else after the file was checked "
                        "(%(fields)s). Nothing was imported; import the file again to see "
                        "the changes."
                    )
                    % {"name": name, "fields": ", ".join(moved)},
                )
            )
            continue
        row.organisation = fresh
        row.changes = changed_fields(fresh, row.values, row.topics)
    if errors:
        raise ImportConflict(errors)
    existing = {t.name.casefold() for t in Topic.objects.filter(locale=plan.locale)}
    plan.new_topics = [name for name in plan.new_topics if name.casefold() not in existing]
