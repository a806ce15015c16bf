"""schemathesis with every check against the package's API v2 resources, live, through the
minimal OpenAPI description of ``v2_schema.py`` (API v2 has no document of its own)."""

from __future__ import annotations

import json

import pytest

from .. import factories as f
from .test_schemathesis import run_schemathesis
from .v2_schema import ENDPOINTS, filter_schemas, v2_schema

pytestmark = pytest.mark.contract

PAGING = {"limit", "offset", "search", "locale"}


@pytest.fixture
def content(django_db_serialized_rollback, transactional_db):
    f.full_partner_listing_page()
    f.full_press_release_page()
    f.DirectoryPageFactory()
    f.EventFactory()
    f.PersonFactory()


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_the_description_names_every_parameter_the_endpoint_accepts(name):
    viewset = ENDPOINTS[name]
    accepted = (set(viewset.known_query_parameters) | set(viewset.filter_fields)) - {"format", "_"}
    assert set(filter_schemas()[name]) | PAGING == accepted


def test_schemathesis_all_checks_pass_on_the_v2_resources(live_server, content, tmp_path):
    schema = tmp_path / "v2.json"
    schema.write_text(json.dumps(v2_schema()))
    run_schemathesis(str(schema), ["--url", live_server.url], tmp_path, "SCHEMATHESIS_V2_REPORT")
