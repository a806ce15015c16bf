"""Locust users for benchmarks/load.py (run by it; not meant to be started by hand).

Reads the endpoints from the JSON file named by ``LOAD_ENDPOINTS`` (``{name: [path, ...]}``,
written by load.py after discovering the URLs) and writes every endpoint's response times to
``LOAD_RESULTS`` when the test stops, so load.py can compute percentiles per endpoint and per
group of endpoints. All users share one sequence of requests and take the next one without
pausing: every endpoint once per round, in a new shuffled order each round (fixed seed), so
every endpoint is requested equally often and meets different neighbours in the queue; the
number of users is the only limit on concurrency. Any answer but 200 counts as a failure
(redirects are not followed).
"""

from __future__ import annotations

import json
import os
import random
from itertools import count
from pathlib import Path

from locust import events, task
from locust.contrib.fasthttp import FastHttpUser

ENDPOINTS: dict[str, list[str]] = json.loads(Path(os.environ["LOAD_ENDPOINTS"]).read_text())
NAMES = sorted(ENDPOINTS)
# The site sits behind a TLS proxy in production (SECURE_SSL_REDIRECT stays on); say so.
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "de"}
_steps = count()
_order: list[str] = []
# A repeatable request order, not cryptography.
_shuffle = random.Random(8).sample  # noqa: S311


def next_request() -> tuple[str, str]:
    """(endpoint name, path); one locust process, gevent: nothing runs in between."""
    step = next(_steps)
    round_number, index = divmod(step, len(NAMES))
    if index == 0:
        _order[:] = _shuffle(NAMES, len(NAMES))
    paths = ENDPOINTS[_order[index]]
    return _order[index], paths[round_number % len(paths)]


class Visitor(FastHttpUser):
    @task
    def visit(self) -> None:
        name, path = next_request()
        with self.client.get(
            path, name=name, headers=HEADERS, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code} for {path}")


@events.test_stop.add_listener
def write_results(environment, **_kwargs) -> None:
    target = os.environ.get("LOAD_RESULTS")
    if not target:
        return
    stats = environment.stats
    entries = {
        entry.name: {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "response_times": entry.response_times,
            "total_response_time": entry.total_response_time,
            "max_response_time": entry.max_response_time,
        }
        for entry in stats.entries.values()
    }
    errors = [
        {"name": error.name, "error": str(error.error), "occurrences": error.occurrences}
        for error in stats.errors.values()
    ]
    duration = (stats.total.last_request_timestamp or 0) - stats.total.start_time
    Path(target).write_text(
        json.dumps({"entries": entries, "errors": errors, "duration": duration})
    )
