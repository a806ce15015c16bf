"""schemathesis with every check against the package's API v3 read endpoints, live.

The package's operations are its resources (organisations, people, events); Wagtail's
endpoints (pages, sites, whoami, schema, redirects, snippets, images, documents) are left out
by name: see docs/api.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps

from .. import factories as f

pytestmark = [
    pytest.mark.contract,
    pytest.mark.skipif(
        not apps.is_installed("wagtail.api.v3"), reason="API v3 needs Wagtail 8 or newer"
    ),
]

# The package's own operations. Wagtail's pages endpoint (which serves the package's page
# types) is left out by name: it rejects schema-valid combinations (child_of with
# descendant_of, order=random with an offset) that OpenAPI parameters cannot express.
INCLUDE_PATHS = r"^/api/v3/(organisations|people|events)/(\{item_id\}/)?$"
MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "30"))


def schemathesis_binary() -> str:
    found = Path(sys.executable).with_name("schemathesis")
    return str(found) if found.exists() else shutil.which("schemathesis")


@pytest.fixture
def content(django_db_serialized_rollback, transactional_db):
    # Serialized rollback: the locale and root page from migrations survive earlier
    # transactional tests, which flush every table.
    f.full_network_page()
    f.full_press_release_page()
    f.full_organisation_profile_page()
    f.EventFactory()
    f.PersonFactory()


def run_schemathesis(schema: str, options: list[str], tmp_path: Path, report_variable: str):
    """``schemathesis run schema`` with every check, one worker and a fixed seed; the report
    goes to the file named by ``report_variable`` (else into ``tmp_path``)."""
    command = [
        schemathesis_binary(),
        "run",
        schema,
        *options,
        "--checks",
        "all",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--workers",
        "1",
        "--seed",
        "1",
        "--no-color",
    ]
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, timeout=900, cwd=tmp_path
    )
    report = result.stdout + result.stderr
    (Path(os.environ.get(report_variable, tmp_path / "report.txt"))).write_text(report)
    assert result.returncode == 0, report[-8000:]


def test_schemathesis_all_checks_pass_on_the_package_endpoints(live_server, content, tmp_path):
    run_schemathesis(
        f"{live_server.url}/api/v3/openapi.json",
        ["--include-path-regex", INCLUDE_PATHS],
        tmp_path,
        "SCHEMATHESIS_REPORT",
    )
