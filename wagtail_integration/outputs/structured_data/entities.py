"""Nodes for the package's snippets: organisations (with their place), people and events.

schema.org domains decide where a property may go: opening hours belong to a ``Place``
(``openingHoursSpecification`` has the domain Place, not Organization), so an organisation
with office hours gets a ``location`` Place that carries its address and hours. Every
``Event`` needs a ``location`` (schema.org expects one, Google's event guidelines require it):
the venue or the event's address; else the organiser's address (the organiser hosts it); else
the town or district the organiser serves; an event with none of these is left out of the
graph rather than published without a location. An online link adds a ``VirtualLocation``:
with a venue or address the event is mixed (``MixedEventAttendanceMode``, both locations),
without one it is online only (the organiser's address is then no place to go to).
"""

from __future__ import annotations

import functools

from wagtail.blocks import StreamValue

from ...text import plain_text
from .common import (
    LOGO_FILTER,
    PHOTO_FILTER,
    compact,
    event_end,
    event_start,
    postal_address,
    rendition_url,
)


def graph_node(kind: str):
    """Turns ``build(self, obj, node_id, ...)`` into a node method: None for no object, the
    graph's node where it holds one for ``obj`` already, else the built node, added."""

    def decorate(build):
        @functools.wraps(build)
        def node(self, obj, *args, **kwargs) -> dict | None:
            if obj is None:
                return None
            node_id = self._id(kind, obj.pk)
            if node_id in self.nodes:
                return self.nodes[node_id]
            built = build(self, obj, node_id, *args, **kwargs)
            return None if built is None else self.add(compact(built))

        return node

    return decorate


def contact_points(obj) -> dict:
    """The e-mail, phone, fax and postal address of an organisation or a person."""
    return {
        "email": obj.email,
        "telephone": obj.phone,
        "faxNumber": obj.fax,
        "address": postal_address(obj),
    }


class EntityNodes:
    """Snippet nodes of a :class:`~.graph.GraphBuilder`; each snippet appears once, by ``@id``."""

    nodes: dict[str, dict]
    root_url: str
    page_url: str
    language: str

    def ref(self, node: dict | None) -> dict | None:
        return {"@id": node["@id"]} if node else None

    def add(self, node: dict) -> dict:
        self.nodes.setdefault(node["@id"], node)
        return node

    def _id(self, kind: str, pk) -> str:
        return f"{self.root_url.rstrip('/')}/#/schema/{kind}/{pk}"

    @graph_node("organisation")
    def organisation(self, org, node_id: str, with_logo: bool = True) -> dict:
        kind = getattr(org, "kind", "")
        node = {
            "@type": "GovernmentOrganization" if kind == "public_body" else "Organization",
            "@id": node_id,
            "name": org.name,
            "alternateName": org.short_name,
            "department": (
                {"@type": "Organization", "name": org.unit} if getattr(org, "unit", "") else None
            ),
            "url": org.website,
            **contact_points(org),
            "areaServed": org.municipality,
            "logo": rendition_url(org.logo, LOGO_FILTER, self.root_url)
            if with_logo and org.logo_id
            else None,
        }
        return node

    def organisation_place(self, org, hours: list[dict]) -> dict | None:
        """The Place where ``org`` receives visitors: its address and opening hours."""
        if org is None or not (hours or postal_address(org)):
            return None
        return compact(
            {
                "@type": "Place",
                "@id": self._id("place/organisation", org.pk),
                "name": org.name,
                "address": postal_address(org),
                "openingHoursSpecification": hours,
            }
        )

    @graph_node("person")
    def person(self, person, node_id: str, with_photo: bool = False) -> dict:
        works_for = self.organisation(person.organisation, with_logo=False)
        node = {
            "@type": "Person",
            "@id": node_id,
            "name": " ".join(p for p in (person.first_name, person.last_name) if p),
            "givenName": person.first_name,
            "familyName": person.last_name,
            "honorificPrefix": person.academic_title,
            "jobTitle": person.position,
            "worksFor": self.ref(works_for),
            **contact_points(person),
            "image": rendition_url(person.photo, PHOTO_FILTER, self.root_url)
            if with_photo and person.photo_id
            else None,
        }
        return node

    def event_location(self, event) -> dict | None:
        """The venue or address of ``event``, else its organiser's address or area, else None."""
        address = postal_address(event)
        if event.venue or address:
            return compact(
                {"@type": "Place", "name": event.venue or event.city, "address": address}
            )
        organiser = event.organiser
        address = postal_address(organiser)
        if address:
            return {"@type": "Place", "name": organiser.name, "address": address}
        area = getattr(organiser, "municipality", "") if organiser else ""
        if area:  # the town or district the organiser serves, where it holds its meetings
            return {
                "@type": "Place",
                "name": area,
                "address": {"@type": "PostalAddress", "addressLocality": area},
            }
        return None

    @graph_node("event")
    def event(self, event, node_id: str) -> dict | None:
        online = {"@type": "VirtualLocation", "url": event.online_url} if event.online_url else None
        on_site = event.venue or postal_address(event)
        if online and on_site:
            mode, location = "Mixed", [self.event_location(event), online]
        elif online:
            mode, location = "Online", online
        else:
            mode, location = "Offline", self.event_location(event)
        if location is None:
            return None
        end = event_end(event)
        node = {
            "@type": "Event",
            "@id": node_id,
            "name": event.title,
            "description": plain_text(event.description, paragraphs=True),
            "about": {"@type": "Thing", "name": event.topic} if event.topic else None,
            "startDate": event_start(event).isoformat(),
            "endDate": end.isoformat() if end else None,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
            "location": location,
            "organizer": self.ref(self.organisation(event.organiser, with_logo=False)),
            "performer": self.ref(self.person(event.lecturer)),
            "url": self.page_url,
            "inLanguage": self.language,
            "offers": (
                {"@type": "Offer", "url": event.registration_url}
                if event.registration_url
                else None
            ),
        }
        return node

    def events(self, stream) -> list[dict]:
        """The Event nodes of an events stream; events without any location are left out."""
        if not isinstance(stream, StreamValue):
            return []
        nodes = (
            self.event(block.value)
            for block in stream
            if block.block_type == "event" and block.value is not None
        )
        return [node for node in nodes if node is not None]
