"""The write examples of docs/api.md, executed: each request is parsed from the markdown and
sent (with the ids of factory content), and its answer must have the status and the shape
the docs show. A wrong example fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.apps import apps

from .. import factories as f

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
    ),
]

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"
BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)
REQUEST = re.compile(r"^(POST|PATCH|PUT|DELETE) (/api/\S+)$")


def examples() -> list[dict]:
    """Write requests of docs/api.md, each with the JSON answer shown right after it."""
    text = DOCS.read_text()
    blocks = list(BLOCK.finditer(text))
    found = []
    for i, block in enumerate(blocks):
        lines = block.group(2).splitlines()
        match = REQUEST.match(lines[0]) if lines else None
        if not match:
            continue
        blank = lines.index("") if "" in lines else len(lines)
        body = "\n".join(lines[blank + 1 :]).strip()
        shown = None
        if i + 1 < len(blocks) and blocks[i + 1].group(1) == "json":
            if not text[block.end() : blocks[i + 1].start()].strip():
                shown = json.loads(blocks[i + 1].group(2))
        found.append(
            {
                "method": match[1],
                "path": match[2],
                "body": json.loads(body) if body else None,
                "shown": shown,
                "line": text[: block.start()].count("\n") + 1,
            }
        )
    return found


def shape_errors(shown, actual, where="") -> list[str]:
    """Where ``actual`` lacks a key ``shown`` has, or holds another kind of value."""
    if isinstance(shown, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object"]
        errors = []
        for key, value in shown.items():
            if key == "…":
                continue
            if key not in actual:
                errors.append(f"{where}.{key}: missing")
            else:
                errors += shape_errors(value, actual[key], f"{where}.{key}")
        return errors
    if isinstance(shown, list):
        if not isinstance(actual, list):
            return [f"{where}: expected a list"]
        if shown and actual:
            return shape_errors(shown[0], actual[0], f"{where}[0]")
        return []
    if shown is None or actual is None or shown == "…":
        return []
    if type(shown) is not type(actual):
        return [f"{where}: {type(actual).__name__}, docs show {type(shown).__name__}"]
    return []


@pytest.fixture
def token_client(client, superuser):
    from wagtail.models import APIToken

    _, plaintext = APIToken.create_token(user=superuser, name="docs")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
    return client


def test_the_docs_have_write_examples():
    assert {example["method"] for example in examples()} >= {"POST", "PATCH"}


@pytest.mark.parametrize("example", examples(), ids=lambda example: f"line {example['line']}")
def test_write_example(token_client, example):
    index = f.PressReleaseIndexPageFactory()
    release = f.full_press_release_page(parent=index)
    body = example["body"]
    if body and "parent_id" in body.get("meta", {}):
        body["meta"]["parent_id"] = index.pk  # the docs' ids stand for these pages
    path = re.sub(r"/pages/\d+/", f"/pages/{release.pk}/", example["path"])
    send = getattr(token_client, example["method"].lower())
    response = send(path, json.dumps(body), content_type="application/json")
    shown = example["shown"]
    expected = shown["status"] if isinstance(shown, dict) and "status" in shown else None
    if expected is None:
        assert 200 <= response.status_code < 300, response.content[:500]
    else:
        assert response.status_code == expected, response.content[:500]
    if shown is not None:
        assert shape_errors(shown, response.json()) == []
        if "errors" in shown:  # the error the docs show, for the field they name
            assert shown["errors"][0]["loc"] == response.json()["errors"][0]["loc"]
