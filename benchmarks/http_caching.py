"""Bytes and time saved by the API's HTTP contract: gzip and conditional requests (304).

    .venv/bin/python benchmarks/http_caching.py [--repeat 21]

Sets up Django with ``tests.settings`` (its middleware: CorsMiddleware, GZipMiddleware, the
package's ``api/http.py`` on every API view) on a temporary SQLite file, builds one page of
each rich type (network, partner listing, press release, organisation profile) and a few
organisations, then for each detail and listing URL measures through Django's test client:

* bytes: the plain body, the gzip body (``Accept-Encoding: gzip``) and a 304 (no body);
* time: median wall time of a full answer (200) and of a revalidation that answers 304
  (``If-None-Match`` with the ETag of the first answer).

The page item cache is on, as in production, so "200" is the warm path. No assertions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from api import setup  # noqa: E402  (the same Django set-up as the API benchmark)


def build() -> list[str]:
    from tests import factories as f

    pages = [
        f.full_network_page(),
        f.full_partner_listing_page(),
        f.full_press_release_page(),
        f.full_organisation_profile_page(),
    ]
    organisation = f.OrganisationFactory(with_logo=True)
    urls = [f"/api/v2/pages/{page.pk}/" for page in pages]
    urls += ["/api/v2/pages/?fields=*", f"/api/v2/organisations/{organisation.pk}/"]
    from django.apps import apps

    if apps.is_installed("wagtail.api.v3"):
        urls += [f"/api/v3/pages/{page.pk}/" for page in pages]
        urls += ["/api/v3/organisations/", "/api/v3/openapi.json"]
    return urls


def median_ms(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup(str(Path(tmp) / "bench.sqlite3"))
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()
        urls = build()
        client = Client()
        header = (
            f"{'URL':<42} {'plain B':>9} {'gzip B':>8} {'304 B':>6} {'200 ms':>8} {'304 ms':>8}"
        )
        print(header)
        totals = [0, 0, 0.0, 0.0]
        for url in urls:
            plain = client.get(url)
            if plain.status_code != 200:
                sys.exit(f"{url}: {plain.status_code}")
            packed = client.get(url, headers={"Accept-Encoding": "gzip"})
            etag = packed["ETag"]
            conditional = {"Accept-Encoding": "gzip", "If-None-Match": etag}
            not_modified = client.get(url, headers=conditional)
            if not_modified.status_code != 304:
                sys.exit(f"{url}: conditional request answered {not_modified.status_code}")
            full_ms = median_ms(
                lambda url=url: client.get(url, headers={"Accept-Encoding": "gzip"}), args.repeat
            )
            cond_ms = median_ms(
                lambda url=url, headers=conditional: client.get(url, headers=headers), args.repeat
            )
            print(
                f"{url:<42} {len(plain.content):>9} {len(packed.content):>8} "
                f"{len(not_modified.content):>6} {full_ms:>8.2f} {cond_ms:>8.2f}"
            )
            totals[0] += len(plain.content)
            totals[1] += len(packed.content)
            totals[2] += full_ms
            totals[3] += cond_ms
        print(
            f"{'total':<42} {totals[0]:>9} {totals[1]:>8} {0:>6} "
            f"{totals[2]:>8.2f} {totals[3]:>8.2f}"
        )
        print(
            f"gzip: {totals[1] / totals[0]:.1%} of the plain bytes; "
            f"304 revalidation: {totals[3] / totals[2]:.1%} of the full answer's time"
        )


if __name__ == "__main__":
    main()
