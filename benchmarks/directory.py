#!/usr/bin/env python
"""Directory page at 200 and at 20,000 organisations: response times and SQL query counts.

    .venv/bin/python benchmarks/directory.py [--database-url URL] [--small 200] [--large 20000]

Runs in a throw-away test database (Django's ``create_test_db``: a temporary SQLite file, or
``test_<name>_directory_benchmark`` on PostgreSQL, dropped afterwards), so neither the
database named by the URL nor a concurrent test run's database is touched. Builds one
unrestricted directory page, adds ``--small`` synthetic organisations
(``wagtail_integration_demo --organisations``), measures five requests, tops up to
``--large`` and measures again. Each figure is the median of ``--repeat`` requests after
one warm-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="e.g. postgresql://ci:ci@127.0.0.1:5432/ci_test")
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--large", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=15)
    return parser.parse_args()


def setup_django(database_url: str | None) -> str:
    sys.path.insert(0, str(ROOT))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        folder = tempfile.mkdtemp(prefix="directory-benchmark-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/benchmark.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    import django

    django.setup()
    from django.db import connection

    return connection.vendor


def measure(client, url: str, repeat: int) -> tuple[float, int, int]:
    """(median milliseconds, SQL queries, HTTP status) of GET ``url``."""
    from django.db import connection

    client.get(url)  # warm-up
    queries = []
    with connection.execute_wrapper(lambda execute, *args: queries.append(1) or execute(*args)):
        response = client.get(url)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), len(queries), response.status_code


def main() -> int:
    args = parse_args()
    vendor = setup_django(args.database_url)

    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from wagtail.models import Site

    setup_test_environment()
    # A name of its own: never clobbers the test database of a concurrent test run.
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if vendor != "sqlite":
        test_settings["NAME"] = f"test_{connection.settings_dict['NAME']}_directory_benchmark"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        from wagtail_integration.demo.synthetic import ensure_synthetic_organisations
        from wagtail_integration.models import DirectoryPage, Topic

        root = Site.objects.get(is_default_site=True).root_page
        page = root.add_child(instance=DirectoryPage(title="Organisationen", slug="verzeichnis"))
        page.save_revision().publish()
        client = Client()
        results = {}
        for size in (args.small, args.large):
            ensure_synthetic_organisations(root.locale, size)
            topic = Topic.objects.get(locale=root.locale, name="Sprachkurse")
            scenarios = {
                "first page": page.url,
                "search “Kulturverein”": f"{page.url}?q=Kulturverein",
                # word beginnings (German compounds): "kultur" finds "Kulturverein"
                "search “kultur”": f"{page.url}?q=kultur",
                "search “beratung migr”": f"{page.url}?q=beratung+migr",
                "filtered (kind+topic)": f"{page.url}?kind=migrant_organisation&topic={topic.pk}",
                "deep page (page=40)": f"{page.url}?page=40",
                "letter + municipality": f"{page.url}?letter=s&municipality=K%C3%B6ln",
            }
            results[size] = {
                name: measure(client, url, args.repeat) for name, url in scenarios.items()
            }
        print(f"Directory benchmark on {vendor}, median of {args.repeat} requests")
        header = (
            f"{'request':<26} | {args.small:>7} orgs: ms  queries "
            f"| {args.large:>7} orgs: ms  queries | ratio"
        )
        print(header)
        print("-" * len(header))
        worst = 0.0
        for name in results[args.small]:
            small_ms, small_q, small_status = results[args.small][name]
            large_ms, large_q, large_status = results[args.large][name]
            ratio = large_ms / small_ms
            worst = max(worst, ratio)
            if not small_status == large_status == 200:
                raise SystemExit(f"{name}: HTTP {small_status} / {large_status}")
            print(
                f"{name:<26} | {small_ms:>16.1f} {small_q:>8} | {large_ms:>16.1f} {large_q:>8} "
                f"| {ratio:4.2f}×{'' if large_q <= small_q else '  QUERIES GREW'}"
            )
        print(f"worst time ratio: {worst:.2f}× (target ≤ 2×)")
    finally:
        connection.creation.destroy_test_db(
            connection.settings_dict["NAME"], verbosity=0, keepdb=False
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
