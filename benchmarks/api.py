"""Benchmark of the API v2 page listing: ours vs. a naive serialiser vs. the floor.

    .venv/bin/python benchmarks/api.py [--pages 50] [--members 10] [--repeat 7]

Sets up Django with ``tests.settings`` on a temporary SQLite file, builds network pages with
member organisations (logos), speakers, working groups, contacts and a full body stream, then
times three ways of producing the same listing of all pages, side by side:

* ours:  ``GET /api/v2/pages/?type=wagtail_integration.NetworkPage&fields=*`` (the package's
         endpoint: DRF, per-type prefetching, one query per chooser block for all streams);
* naive: the same ``api_fields`` serialised page by page without any prefetching (what a
         hand-written view or an unprefetched serializer does), plus ``json.dumps``;
* floor: ``values()`` of the pages' own columns plus ``json.dumps`` (no related objects at
         all: a lower bound no complete answer can reach).

Prints the median wall time and queries of each and the ratios. No assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(db_path: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    import django
    from django.conf import settings

    django.setup()
    settings.WAGTAILAPI_LIMIT_MAX = None
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(pages: int, members: int) -> None:
    from tests import factories as f

    for _ in range(pages):
        page = f.full_network_page(members=0)
        for _ in range(members):
            f.NetworkMembershipFactory(
                page=page, organisation=f.OrganisationFactory(with_logo=True)
            )


def naive(model, limit: int) -> str:
    """The same api_fields, page by page, every relation loaded lazily."""
    from wagtail.fields import StreamField

    from wagtail_integration.api.fields import SchemaField

    items = []
    for page in model.objects.live().public().order_by("pk")[:limit]:
        item = {"id": page.pk, "title": page.title, "locale": page.locale.language_code}
        for api_field in model.api_fields:
            serializer = api_field.serializer
            if isinstance(serializer, SchemaField):
                source = page if serializer.source == "*" else getattr(page, api_field.name)
                if getattr(serializer, "many", False):
                    value = [serializer.build(obj).model_dump(mode="json") for obj in source.all()]
                elif serializer.source == "*":
                    value = serializer.to_representation(source)
                else:
                    built = serializer.build(source)
                    value = built.model_dump(mode="json") if built is not None else None
            else:
                value = getattr(page, api_field.name)
                field = model._meta.get_field(api_field.name)
                if isinstance(field, StreamField):
                    value = value.stream_block.get_api_representation(value)
            item[api_field.name] = value
        items.append(item)
    return json.dumps({"items": items}, default=str)


def _raw(value):
    raw = getattr(value, "raw_data", None)  # a StreamValue: its stored JSON, not its HTML
    return list(raw) if raw is not None else str(value)


def floor(model, limit: int) -> str:
    names = ["id", "title", "locale__language_code"]
    names += [f.name for f in model.api_fields if f.serializer is None]
    rows = list(model.objects.live().public().order_by("pk").values(*names)[:limit])
    return json.dumps({"items": rows}, default=_raw)


def timed(func, repeat: int) -> tuple[float, int]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    func()  # warm-up: renditions, caches
    times = []
    for _ in range(repeat):
        reset_queries()
        with CaptureQueriesContext(connection) as context:
            start = time.perf_counter()
            func()
            times.append(time.perf_counter() - start)
    return statistics.median(times), len(context)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="wi-bench-") as tmp:
        setup(os.path.join(tmp, "bench.sqlite3"))
        from django.test import Client

        from wagtail_integration.models import NetworkPage

        started = time.perf_counter()
        build(args.pages, args.members)
        print(
            f"built {args.pages} network pages with {args.members} members each "
            f"in {time.perf_counter() - started:.1f} s"
        )
        client = Client()
        url = "/api/v2/pages/"
        params = {"type": "wagtail_integration.NetworkPage", "fields": "*", "limit": args.pages}

        def ours():
            response = client.get(url, params)
            if response.status_code != 200 or len(response.json()["items"]) != args.pages:
                raise SystemExit(f"unexpected answer: {response.content[:300]!r}")
            return response.content

        results = {
            "ours (GET /api/v2/pages/?type=…&fields=*)": timed(ours, args.repeat),
            "naive (same api_fields, no prefetching)": timed(
                lambda: naive(NetworkPage, args.pages), args.repeat
            ),
            "floor (values() + json.dumps)": timed(
                lambda: floor(NetworkPage, args.pages), args.repeat
            ),
        }
        ours_t = next(iter(results.values()))[0]
        print(f"\n{'method':<46} {'median ms':>10} {'queries':>8} {'vs ours':>8}")
        for name, (seconds, queries) in results.items():
            print(f"{name:<46} {seconds * 1000:>10.1f} {queries:>8} {seconds / ours_t:>7.2f}x")
        naive_t = results["naive (same api_fields, no prefetching)"][0]
        floor_t = results["floor (values() + json.dumps)"][0]
        print(f"\nnaive / ours = {naive_t / ours_t:.1f}x   ours / floor = {ours_t / floor_t:.1f}x")


if __name__ == "__main__":
    main()
