"""Benchmark of the API page listing: ours vs. a naive serialiser vs. the floor; v2 and v3
details and the HTML page of one of the pages.

    .venv/bin/python benchmarks/api.py [--pages 50] [--members 10] [--repeat 7]

Sets up Django with ``tests.settings`` on a temporary SQLite file, builds network pages with
member organisations (logos), speakers, working groups, contacts and a full body stream, then
times three ways of producing the same listing of all pages, side by side:

* ours:  ``GET /api/v2/pages/?type=wagtail_integration.NetworkPage&fields=*`` (the package's
         endpoint: DRF, per-type prefetching, one query per chooser block for all streams),
         cold (a new cache generation before each request, so every page is serialised) and
         with cached items (the same request again: ``api/cache.py``);
* naive: the same ``api_fields`` serialised page by page without any prefetching (what a
         hand-written view or an unprefetched serializer does), plus ``json.dumps``;
* floor: ``values()`` + ``json.dumps`` of the same fields: the pages' own columns and every
         related row the API shows (organisations, people, images with renditions, topics,
         translations), joined in plain dicts (a lower bound: no model instances, no
         serializers, no URL building).

The details of one network page through API v2 and v3 (cold and cached), the v3 listing of
all pages (listing cards: ``GET /api/v3/pages/?type=…&limit=N``) next to the v2 listing with
the fields a card shows (``fields=introduction,body``), cold and cached, and the HTML page are
timed in the same rounds, and the cold listing once more with the page types' lookups applied
one by one as before ``content.loading.fold_lookups`` (the before/after pair). Prints the
median wall time and queries of each and the ratios. No assertions.
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


def _stream_refs(value, found: dict) -> None:
    """Ids chosen in raw stream JSON, by chooser name (person, organisation, image, ...)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in found and isinstance(item, int):
                found[key].add(item)
            else:
                _stream_refs(item, found)
    elif isinstance(value, list):
        for item in value:
            _stream_refs(item, found)


def floor(model, limit: int) -> str:
    """``values()`` + ``json.dumps`` of the same fields, nested objects included.

    Every related row the API shows (members and their organisations, working groups,
    contacts, people chosen in streams, logos and photos with their renditions, topics,
    translations) is read with ``values()`` and joined in plain dicts: the same content as
    the API answer without model instances, serializers or URL building.
    """
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from wagtail_integration.api.fields import SchemaField
    from wagtail_integration.models import Organisation, Person

    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    specs = set(integration_settings().values())

    own = [f.name for f in model.api_fields if f.serializer is None]
    names = ["id", "title", "slug", "url_path", "first_published_at", "translation_key"]
    names += ["locale__language_code", *own]
    fk_names = [
        f.name
        for f in model.api_fields
        if isinstance(f.serializer, SchemaField)
        and not f.serializer.many
        and f.serializer.source != "*"  # built from the whole page (translations, links)
    ]
    pages = list(
        model.objects.live()
        .public()
        .order_by("pk")
        .values(*names, *(f"{n}_id" for n in fk_names))[:limit]
    )
    page_ids = [p["id"] for p in pages]
    refs = {"person": set(), "organisation": set(), "image": set()}
    for page in pages:
        page["_refs"] = {"person": set(), "organisation": set(), "image": set()}
        for name in own:
            page[name] = _raw(page[name]) if hasattr(page[name], "raw_data") else page[name]
            _stream_refs(page[name], page["_refs"])
        for kind, ids in page["_refs"].items():
            refs[kind] |= ids

    # Reverse relations (memberships, working groups) as values, grouped by page.
    children = {}
    for f in model.api_fields:
        if isinstance(f.serializer, SchemaField) and f.serializer.many:
            related = model._meta.get_field(f.name).related_model
            rows = list(
                related.objects.filter(page_id__in=page_ids).order_by("sort_order").values()
            )
            children[f.name] = rows
            for row in rows:
                for key in ("organisation_id", "contact_id"):
                    if row.get(key):
                        refs["organisation" if key == "organisation_id" else "person"].add(row[key])
    for page in pages:
        for name in fk_names:
            value = page.get(f"{name}_id")
            if value:
                kind = model._meta.get_field(name).related_model
                refs["person" if kind is Person else "organisation"].add(value)

    people = {
        row["id"]: row
        for row in Person.objects.filter(pk__in=refs["person"]).values(
            *[f.attname for f in Person._meta.concrete_fields], "locale__language_code"
        )
    }
    refs["organisation"] |= {p["organisation_id"] for p in people.values() if p["organisation_id"]}
    orgs = {
        row["id"]: row
        for row in Organisation.objects.filter(pk__in=refs["organisation"]).values(
            *[f.attname for f in Organisation._meta.concrete_fields], "locale__language_code"
        )
    }
    topics = {}
    for row in Organisation.topics.through.objects.filter(organisation_id__in=list(orgs)).values(
        "organisation_id", "topic_id", "topic__name"
    ):
        topics.setdefault(row["organisation_id"], []).append(
            {"id": row["topic_id"], "name": row["topic__name"]}
        )
    refs["image"] |= {o["logo_id"] for o in orgs.values() if o["logo_id"]}
    refs["image"] |= {p["photo_id"] for p in people.values() if p["photo_id"]}
    images = {
        row["id"]: dict(row, renditions={})
        for row in image_model.objects.filter(pk__in=refs["image"]).values(
            "id", "title", "width", "height", "file"
        )
    }
    for row in rendition_model.objects.filter(
        image_id__in=list(images), filter_spec__in=specs
    ).values("image_id", "filter_spec", "file", "width", "height"):
        images[row["image_id"]]["renditions"][row["filter_spec"]] = row
    translations = {}
    for row in (
        Page.objects.filter(translation_key__in=[p["translation_key"] for p in pages])
        .live()
        .public()
        .values("id", "title", "url_path", "translation_key", "locale__language_code")
    ):
        translations.setdefault(row["translation_key"], []).append(row)

    for org in orgs.values():
        org["logo"] = images.get(org["logo_id"])
        org["topics"] = topics.get(org["id"], [])
    for person in people.values():
        person["photo"] = images.get(person["photo_id"])
        person["organisation"] = orgs.get(person["organisation_id"])
    by_page = {p["id"]: p for p in pages}
    for name, rows in children.items():
        for row in rows:
            if row.get("organisation_id"):
                row["organisation"] = orgs.get(row["organisation_id"])
            if "contact_id" in row:
                row["contact"] = people.get(row["contact_id"])
            by_page[row["page_id"]].setdefault(name, []).append(row)
    for page in pages:
        for name in fk_names:
            value = page.get(f"{name}_id")
            page[name] = people.get(value) if value in people else orgs.get(value)
        page["translations"] = [
            t for t in translations.get(page["translation_key"], []) if t["id"] != page["id"]
        ]
        chosen = page.pop("_refs")
        page["chosen"] = {
            "people": [people[i] for i in chosen["person"] if i in people],
            "organisations": [orgs[i] for i in chosen["organisation"] if i in orgs],
            "images": [images[i] for i in chosen["image"] if i in images],
        }
    return json.dumps({"items": pages}, default=str)


def integration_settings() -> dict:
    from wagtail_integration.conf import integration_settings as conf

    return dict(conf.IMAGE_RENDITIONS)


def timed(funcs: dict, repeat: int) -> dict[str, tuple[float, int]]:
    """Median time and query count of each function, run in interleaved rounds.

    Interleaving (ours, naive, floor, ours, ...) keeps a busy machine from favouring one
    method: load that comes and goes hits every method alike.
    """
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    times = {name: [] for name in funcs}
    queries = {}
    for func in funcs.values():
        func()  # warm-up: renditions, caches
    for _ in range(repeat):
        for name, func in funcs.items():
            reset_queries()  # the query log is capped; counts need it empty
            with CaptureQueriesContext(connection) as context:
                start = time.perf_counter()
                func()
                times[name].append(time.perf_counter() - start)
            queries[name] = len(context)
    return {name: (statistics.median(times[name]), queries[name]) for name in funcs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--members", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--database",
        help="SQLite file to keep the built data in (reused when it exists); default: temporary",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="wi-bench-") as tmp:
        db_path = args.database or os.path.join(tmp, "bench.sqlite3")
        reuse = os.path.exists(db_path)
        setup(db_path)
        from django.test import Client

        from wagtail_integration.models import NetworkPage

        if reuse and NetworkPage.objects.live().count() >= args.pages:
            print(f"reusing {db_path}")
        else:
            started = time.perf_counter()
            build(args.pages, args.members)
            print(
                f"built {args.pages} network pages with {args.members} members each "
                f"in {time.perf_counter() - started:.1f} s"
            )
        client = Client()
        url = "/api/v2/pages/"
        params = {"type": "wagtail_integration.NetworkPage", "fields": "*", "limit": args.pages}

        from wagtail_integration.api.cache import clear

        def ours():
            response = client.get(url, params)
            if response.status_code != 200 or len(response.json()["items"]) != args.pages:
                raise SystemExit(f"unexpected answer: {response.content[:300]!r}")
            return response.content

        def ours_cold():
            clear()  # a new cache generation: every page is serialised again
            return ours()

        from wagtail_integration.content import loading

        folded = loading.fold_lookups

        def ours_cold_unfolded():
            """The loading before lookups were folded: each lookup prefetched on its own."""
            loading.fold_lookups = lambda model, lookups: (list(lookups), [])
            try:
                return ours_cold()
            finally:
                loading.fold_lookups = folded

        page = NetworkPage.objects.live().order_by("pk").first()

        def get(path):
            def request():
                response = client.get(path)
                if response.status_code != 200:
                    raise SystemExit(f"unexpected answer from {path}: {response.status_code}")
                return response.content

            return request

        def cold(request):
            def run():
                clear()
                return request()

            return run

        v2_detail, v3_detail = get(f"/api/v2/pages/{page.pk}/"), get(f"/api/v3/pages/{page.pk}/")
        listing_type = "type=wagtail_integration.NetworkPage"
        v3_listing = get(f"/api/v3/pages/?{listing_type}&limit={args.pages}")
        # v2 with the fields a v3 card shows (lead from the introduction, image from the body)
        v2_card_fields = get(
            f"/api/v2/pages/?{listing_type}&fields=introduction,body&limit={args.pages}"
        )
        results = timed(
            {
                "ours, cold (GET /api/v2/pages/?type=…&fields=*)": ours_cold,
                "ours, cold, lookups not folded (before)": ours_cold_unfolded,
                "ours, cached items (the same request again)": ours,
                "v2 detail of one page, cold": cold(v2_detail),
                "v2 detail of one page, cached": v2_detail,
                "v3 detail of one page, cold": cold(v3_detail),
                "v3 detail of one page, cached": v3_detail,
                "v2 listing, card fields (introduction,body), cold": cold(v2_card_fields),
                "v2 listing, card fields, cached": v2_card_fields,
                "v3 listing (cards), cold": cold(v3_listing),
                "v3 listing (cards), cached": v3_listing,
                "HTML page of the same page": get(page.url),
                "naive (same api_fields, no prefetching)": lambda: naive(NetworkPage, args.pages),
                "floor (values() + json.dumps, same fields)": lambda: floor(
                    NetworkPage, args.pages
                ),
            },
            args.repeat,
        )
        ours_t = next(iter(results.values()))[0]
        warm_t = results["ours, cached items (the same request again)"][0]
        print(f"\n{'method':<50} {'median ms':>10} {'queries':>8} {'vs cold':>8}")
        for name, (seconds, queries) in results.items():
            print(f"{name:<50} {seconds * 1000:>10.1f} {queries:>8} {seconds / ours_t:>7.2f}x")
        naive_t = results["naive (same api_fields, no prefetching)"][0]
        floor_t = results["floor (values() + json.dumps, same fields)"][0]
        before_t = results["ours, cold, lookups not folded (before)"][0]
        print(
            f"\nnaive / ours cold = {naive_t / ours_t:.1f}x   ours cold / floor = "
            f"{ours_t / floor_t:.1f}x   ours cached / floor = {warm_t / floor_t:.1f}x"
        )
        print(
            f"cold / floor: before (not folded) {before_t / floor_t:.1f}x   "
            f"after (folded) {ours_t / floor_t:.1f}x"
        )


if __name__ == "__main__":
    main()
