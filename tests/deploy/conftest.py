"""Tests of the example site as deployed (marker ``deployed``; ``.ci/run`` runs them on
PostgreSQL with ``-m deployed``). They start their own servers, so a plain ``pytest`` run
skips them."""

from __future__ import annotations

import shutil

import pytest

from .harness import Deployment


def pytest_collection_modifyitems(config, items):
    expression = config.getoption("markexpr") or ""
    if "deployed" in expression and "not deployed" not in expression:
        return
    skip = pytest.mark.skip(reason="starts gunicorn, redis-server and Varnish: run -m deployed")
    for item in items:
        if "deployed" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def deployment():
    site = Deployment.start(varnish=shutil.which("varnishd") is not None)
    yield site
    site.stop()
