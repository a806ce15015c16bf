"""vCard 4.0 (RFC 6350) for a person: written by hand, it is only a few properties.

Every value is escaped (``\\`` ``,`` ``;`` as ``\\\\`` ``\\,`` ``\\;``), line breaks and other
control characters are removed, so no value can start a property of its own; lines end in
CRLF and are folded at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from ..text import isolate, one_line

MAX_OCTETS = 75


def clean(value) -> str:
    """One line of text (the package's text rules): no property can start inside a value."""
    return one_line(value)


def escape(value) -> str:
    """A TEXT value (RFC 6350 section 3.4)."""
    text = clean(value)
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def escape_isolated(value) -> str:
    """A TEXT value shown as text that runs left to right (a phone number, a postcode, a
    street): isolated in a right-to-left language."""
    return escape(isolate(value))


def compound(*parts) -> str:
    """A structured value (N, ADR, ORG): components escaped, joined by ``;``."""
    return ";".join(escape(part) for part in parts)


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 6350 section 3.2), CRLF-terminated."""
    data = line.encode("utf-8")
    if len(data) <= MAX_OCTETS:
        return line + "\r\n"
    chunks, current, limit = [], b"", MAX_OCTETS
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            chunks.append(current)
            current, limit = b"", MAX_OCTETS - 1  # continuation lines start with a space
        current += encoded
    chunks.append(current)
    return "\r\n ".join(chunk.decode("utf-8") for chunk in chunks) + "\r\n"


def _email(value: str) -> str:
    value = clean(value)
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value


def person_vcard(person, url: str | None = None) -> str:
    """The vCard of ``person``: name, title, organisation, work e-mail, phone, fax, address."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", "KIND:individual"]
    full_name = clean(person.full_name) or clean(person.last_name)
    lines.append("FN:" + escape(full_name))
    lines.append(
        "N:" + compound(person.last_name, person.first_name, "", person.academic_title, "")
    )
    if person.position:
        lines.append("TITLE:" + escape(person.position))
    organisation = person.organisation if person.organisation_id else None
    if organisation is not None:
        lines.append(
            "ORG:"
            + compound(organisation.name, *([organisation.unit] if organisation.unit else []))
        )
    email = _email(person.email) if person.email else ""
    if email:
        lines.append("EMAIL;TYPE=work:" + escape(email))
    if clean(person.phone):
        lines.append("TEL;TYPE=work,voice;VALUE=text:" + escape_isolated(person.phone))
    if clean(person.fax):
        lines.append("TEL;TYPE=work,fax;VALUE=text:" + escape_isolated(person.fax))
    if person.street or person.postcode or person.city:
        office = getattr(person, "office", "")
        # ADR: post office box; extended address; street; locality; region; code; country
        # Clients join the components into one text: street and postcode are isolated.
        street, postcode = isolate(person.street), isolate(person.postcode)
        lines.append("ADR;TYPE=work:" + compound("", office, street, person.city, "", postcode, ""))
    if url:
        lines.append("URL:" + clean(url))  # a URI value: no TEXT escaping
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)
