"""Validators nobody here wrote, run over every demo page and output (marker ``validators``).

They run in their own CI step (``pytest -m validators``), not in the default test run: the
Nu HTML Checker starts a Java VM and the demo takes a while to build.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(config, items):
    if "validators" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="validators run with -m validators (own CI step)")
    for item in items:
        if "validators" in item.keywords:
            item.add_marker(skip)


def find_vnu_jar() -> str | None:
    """vnu.jar from VNU_JAR or the npm package ``vnu-jar`` installed in the project."""
    candidates = [
        os.environ.get("VNU_JAR", ""),
        str(ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and shutil.which("java"):
            return candidate
    return None


@pytest.fixture
def demo(root_page, locale_en):
    """Every demo page a visitor can open (the demo command's content), specific: live,
    public and not held back (the demo's embargoed release answers 404 until its date)."""
    from wagtail.models import Page

    from wagtail_integration.visibility import visible

    call_command("wagtail_integration_demo", verbosity=0)
    pages = visible(Page.objects.live().public().filter(depth__gt=2)).order_by("path")
    return [page.specific for page in pages]
