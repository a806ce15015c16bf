"""The 503 answer and the throttled log line of DatabaseUnavailableMiddleware. The real outage
(three gunicorn workers, PostgreSQL taken away and back): tests/deploy/test_outage.py."""

from __future__ import annotations

import logging

import pytest
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.test import RequestFactory

from wagtail_integration import middleware


@pytest.fixture(autouse=True)
def _fresh_log():
    middleware.reset()
    yield
    middleware.reset()


def handle(exception):
    mw = middleware.DatabaseUnavailableMiddleware(lambda request: HttpResponse())
    return mw.process_exception(RequestFactory().get("/"), exception)


def test_database_errors_answer_503_with_retry_after():
    for exception in (OperationalError("connection refused"), InterfaceError("closed")):
        response = handle(exception)
        assert response.status_code == 503
        assert response["Retry-After"] == str(middleware.RETRY_AFTER_SECONDS)
        assert response["Cache-Control"] == "no-store"


def test_other_errors_are_left_to_django():
    assert handle(ValueError("bug")) is None


def test_one_log_line_per_error_class_and_interval(caplog, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(middleware.time, "monotonic", lambda: clock[0])
    with caplog.at_level(logging.ERROR, logger="wagtail_integration.database"):
        for _ in range(50):
            handle(OperationalError("connection to server failed\nsecond line"))
        handle(InterfaceError("connection already closed"))
        assert len(caplog.records) == 2
        assert "connection to server failed" in caplog.records[0].getMessage()
        assert "second line" not in caplog.records[0].getMessage()
        clock[0] += middleware.INTERVAL + 1
        handle(OperationalError("connection to server failed"))
    assert len(caplog.records) == 3
    assert "49 more since the last report" in caplog.records[2].getMessage()
