"""The database goes away under three workers and comes back: 503 with Retry-After meanwhile,
a few log lines instead of a traceback per request, and normal answers again by themselves.
The workers reach PostgreSQL through a loopback proxy that the test takes down; the shared
server is never touched."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.deployed

PATHS = ["/api/v2/pages/", "/"]


def test_database_outage_answers_503_logs_little_and_recovers(deployment):
    for path in PATHS:
        assert {a.status for a in deployment.every_worker(path)} == {200}, path
    log_before = deployment.log("gunicorn")
    deployment.database_proxy.stop()
    try:
        answers = [answer for path in PATHS for answer in deployment.every_worker(path)]
    finally:
        deployment.database_proxy.start()
    assert len(answers) >= 2 * 9
    for answer in answers:
        assert answer.status == 503, (answer.status, answer.body[:300])
        assert answer.headers.get("retry-after", "").isdigit()
    log = deployment.log("gunicorn")[len(log_before) :]
    assert "Traceback" not in log, log[:3000]
    reports = [line for line in log.splitlines() if "Database unavailable" in line]
    # At most one line per error class per worker in the interval, whatever the traffic.
    assert 1 <= len(reports) <= 2 * 3, log
    for path in PATHS:  # back by itself: every worker reconnects
        assert {a.status for a in deployment.every_worker(path)} == {200}, path
