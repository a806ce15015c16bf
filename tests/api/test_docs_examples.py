"""The write examples of docs/api.md, executed: each request is parsed from the markdown and
sent (with the ids of factory content), and its answer must have the status and the shape
the docs show. A wrong example fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

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


# --- Read examples ---------------------------------------------------------------------------

GET = re.compile(r"^GET (/api/\S+)$")
STATUS = re.compile(r"^(\d{3})\b ?(.*)$")
HEADER = re.compile(r"^([A-Za-z-]+): (.*)$")
DOC_LANGUAGE = re.compile(r"^/(en|ar|tr|uk)/")


def read_examples() -> list[dict]:
    """GET requests of docs/api.md: request headers, then what the docs show of the answer
    (status line, response headers, a JSON body or fields of it), then a ```json block right
    after the request's block, when there is one."""
    text = DOCS.read_text()
    blocks = list(BLOCK.finditer(text))
    found = []
    for i, block in enumerate(blocks):
        if block.group(1) not in ("", "http"):
            continue
        start = text[: block.start()].count("\n") + 2
        current = None
        in_block = []
        for offset, line in enumerate(block.group(2).splitlines()):
            match = GET.match(line)
            if match:
                current = {
                    "path": match[1],
                    "line": start + offset,
                    "request_headers": {},
                    "status": None,
                    "response_headers": {},
                    "body": [],
                    "shown": None,
                }
                in_block.append(current)
            elif current is not None and line.strip():
                status = STATUS.match(line)
                header = HEADER.match(line)
                if current["status"] is None and status:
                    current["status"] = int(status[1])
                    rest, brace, body = status[2].partition("{")
                    if brace:  # e.g. "401 application/problem+json {...}"
                        current["body"].append(brace + body)
                    if rest.strip():
                        current["status_text"] = rest.strip()
                elif header and not line.startswith('"'):
                    where = "request_headers" if current["status"] is None else "response_headers"
                    current[where][header[1]] = header[2]
                else:
                    current["body"].append(line)
            elif not line.strip():
                current = (
                    None if current is None or current["status"] or current["body"] else current
                )
        if in_block and i + 1 < len(blocks) and blocks[i + 1].group(1) == "json":
            if not text[block.end() : blocks[i + 1].start()].strip():
                in_block[-1]["shown"] = json.loads(blocks[i + 1].group(2))
        found.extend(in_block)
    return found


def shown_body(example):
    """The JSON the docs show for the answer: a ```json block, a JSON line, or fields."""
    if example["shown"] is not None:
        return example["shown"], None
    text = "\n".join(example["body"]).strip()
    if not text:
        return None, None
    for candidate in (text, "{" + text.rstrip(",") + "}"):
        try:
            return json.loads(candidate), None
        except json.JSONDecodeError:
            pass
    # Abridged with "…" where JSON has no room for it: the keys it names, at any depth.
    return None, set(re.findall(r'"([\w@]+)":', text))


def all_keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in all_keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in all_keys(item)}
    return set()


@pytest.fixture
def world(root_page, locale_en):
    """One object of every kind the examples name, with the docs' own names where they filter."""
    from wagtail.models import Locale, Page

    from wagtail_integration.preview import store_preview

    release = f.full_press_release_page()
    index = release.get_parent().specific
    pages = {
        page.specific_class.__name__: page
        for page in [
            release,
            index,
            f.full_network_page(),
            f.full_partner_listing_page(),
            f.full_speaker_team_page(),
            f.full_project_index_page(projects=1),
            f.full_project_page(),
            f.full_organisation_profile_page(),
            f.DirectoryPageFactory(introduction="<p>Organisationen im Kreis.</p>"),
            f.PhotoArchivePageFactory(introduction="<p>Pressefotos.</p>"),
        ]
    }
    translated = {"de": release}
    for code in ("en", "ar"):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        translation = release.copy_for_translation(locale, copy_parents=True)
        translation.save_revision().publish()
        for ancestor in translation.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.live:
                ancestor.save_revision().publish()
        translated[code] = Page.objects.get(pk=translation.pk)
    organisation = f.OrganisationFactory(
        name="Diakonisches Werk Meppen", kind="welfare_provider", municipality="Meppen"
    )
    return {
        "pages": pages,
        "index": index,
        "translated": translated,
        "organisation": organisation,
        "person": f.PersonFactory(organisation=organisation),
        "event": f.EventFactory(lecturer=f.PersonFactory(academic_title="Dr.")),
        "tokens": {
            "networkpage": store_preview(pages["NetworkPage"]),
            "pressreleasepage": store_preview(release),
        },
    }


def page_for(world, client, example, shown):
    """The page an example's ``/pages/<id>/`` stands for: the type its answer shows, else the
    first page (press release first) whose detail has every field the docs show."""
    pages = world["pages"]
    type_name = (shown or {}).get("meta", {}).get("type", "") if isinstance(shown, dict) else ""
    if type_name:
        return pages[type_name.rpartition(".")[2]]
    wanted = set(shown) - {"…"} if isinstance(shown, dict) else set()
    for page in pages.values():
        if wanted <= set(client.get(f"/api/v2/pages/{page.pk}/").json()):
            return page
    return pages["PressReleasePage"]


def concrete_path(world, client, example, shown) -> str:
    """The docs' path with the ids, paths and tokens of ``world``."""
    path = example["path"]
    path = re.sub(r"child_of=\d+", f"child_of={world['index'].pk}", path)
    directory = world["pages"]["DirectoryPage"]
    path = re.sub(r"directory=\d+", f"directory={directory.pk}", path)
    if re.search(r"/pages/\d+/", path):
        page = page_for(world, client, example, shown)
        path = re.sub(r"/pages/\d+/", f"/pages/{page.pk}/", path)
    for name in ("organisations", "people", "events"):
        obj = world[{"organisations": "organisation", "people": "person", "events": "event"}[name]]
        path = re.sub(rf"/{name}/\d+/", f"/{name}/{obj.pk}/", path)
    html_path = re.search(r"html_path=([^&]+)", path)
    if html_path:
        language = DOC_LANGUAGE.match(html_path[1])
        page = world["translated"][language[1] if language else "de"]
        path = path.replace(html_path[0], f"html_path={page.url}")
    token = re.search(r"content_type=wagtail_integration\.(\w+)&token=…", path)
    if token:
        path = path.replace("token=…", f"token={world['tokens'][token[1]]}")
    return path


def test_the_docs_have_read_examples():
    paths = [example["path"] for example in read_examples()]
    assert len(paths) >= 30, paths
    assert any("/api/v2/" in path for path in paths) and any("/api/v3/" in path for path in paths)


def test_read_examples(client, world):
    """Every GET of docs/api.md answers with the status, headers and shape it shows."""
    errors = []
    answers: dict[str, object] = {}
    examples = read_examples()
    for example in examples:
        shown, keys = shown_body(example)
        path = concrete_path(world, client, example, shown)
        headers = {}
        for name, value in example["request_headers"].items():
            # A validator the docs took from an earlier answer: the one the server gave.
            value = answers.get(value, value)
            headers["HTTP_" + name.upper().replace("-", "_")] = value
        response = client.get(path, **headers)
        for name, value in example["response_headers"].items():
            if name not in response:
                errors.append(f"line {example['line']}: no {name} header")
            else:
                answers[value] = response[name]
        where = f"line {example['line']} ({path})"
        expected = example["status"]
        if expected is None:
            if response.status_code != 200:
                errors.append(f"{where}: {response.status_code}, docs show 200")
                continue
        elif response.status_code != expected:
            errors.append(f"{where}: {response.status_code}, docs show {expected}")
            continue
        text = example.get("status_text", "")
        if text.startswith("Location: "):
            # The path the docs show, any id (Wagtail answers with the host and a "?").
            shown_location = re.sub(
                r"\d+", r"\\d+", re.escape(urlsplit(text.removeprefix("Location: ")).path)
            )
            if not re.fullmatch(shown_location, urlsplit(response["Location"]).path):
                errors.append(f"{where}: Location {response['Location']}, docs show {text}")
        elif "/" in text and not response["Content-Type"].startswith(text):
            errors.append(f"{where}: {response['Content-Type']}, docs show {text}")
        if response.status_code in (302, 304):
            continue
        actual = response.json()
        if shown is not None:
            errors += [f"{where}: {error}" for error in shape_errors(shown, actual)]
        if keys:
            missing = keys - all_keys(actual) - {"…"}
            if missing:
                errors.append(f"{where}: missing {sorted(missing)}")
    assert errors == [], "\n".join(errors)
