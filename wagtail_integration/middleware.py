"""While the database cannot be reached: 503 with ``Retry-After``, and a quiet log.

Add ``"wagtail_integration.middleware.DatabaseUnavailableMiddleware"`` to ``MIDDLEWARE``.
A view that fails with a database ``OperationalError`` or ``InterfaceError`` (connection
refused, server gone, too many clients) answers 503 with ``Retry-After`` instead of a 500,
and instead of a traceback per request the log gets one line per error class and interval
(``INTERVAL`` seconds), with the number of requests answered 503 since the last line. The
next request after the database is back is answered normally: Django opens a new connection
(``CONN_HEALTH_CHECKS`` drops a broken persistent one).
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse

logger = logging.getLogger("wagtail_integration.database")

RETRY_AFTER_SECONDS = 10
INTERVAL = 30.0  # seconds between two log lines of the same error class

_lock = threading.Lock()
_last_logged: dict[str, float] = {}
_suppressed: dict[str, int] = {}


def _log(exception: Exception) -> None:
    """One line per error class per interval (and process)."""
    name = f"{type(exception).__module__}.{type(exception).__qualname__}"
    now = time.monotonic()
    with _lock:
        last = _last_logged.get(name)
        if last is not None and now - last < INTERVAL:
            _suppressed[name] = _suppressed.get(name, 0) + 1
            return
        _last_logged[name] = now
        suppressed = _suppressed.pop(name, 0)
    first_line = (str(exception).strip().splitlines() or [""])[0]
    logger.error(
        "Database unavailable, answering 503 (%s: %s; %d more since the last report)",
        name,
        first_line,
        suppressed,
    )


def reset() -> None:
    """Forget what was logged (tests)."""
    with _lock:
        _last_logged.clear()
        _suppressed.clear()


def service_unavailable() -> HttpResponse:
    response = HttpResponse(
        "The service is unavailable for a moment. Please try again shortly.\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Logged once per interval above; Django would log each 503 again.
    response._has_been_logged = True
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            _log(exception)
            return service_unavailable()
        return None
