"""What one spreadsheet row is matched on and what it changes; shared by the planning in
``importing.py`` and the re-check under the lock in ``import_lock.py``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from ..models import Organisation
from .columns import rich_text_to_text, text_to_rich_text


@dataclass
class RowError:
    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("Line %(line)s, column “%(column)s”: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


def identity(name: str, unit: str) -> tuple[str, str]:
    return (" ".join(name.split()).casefold(), " ".join(unit.split()).casefold())


def field_value(values: dict[str, Any], column: str) -> Any:
    if column == "description":
        return text_to_rich_text(values[column])
    return values[column]


def changed_fields(organisation: Organisation, values: dict[str, Any], topics) -> list[str]:
    changes = []
    for column, value in values.items():
        current = getattr(organisation, column)
        if column == "description":
            if rich_text_to_text(current) != rich_text_to_text(text_to_rich_text(value)):
                changes.append(column)
        elif (current or "") != value:
            changes.append(column)
    if topics is not None:
        current_topics = sorted(t.name.casefold() for t in organisation.topics.all())
        if current_topics != sorted(t.casefold() for t in topics):
            changes.append("topics")
    return changes
