#!/usr/bin/env python
"""Load benchmark: the example site under gunicorn on PostgreSQL, driven by locust.

    .venv/bin/pip install -e ".[load]"
    .venv/bin/python benchmarks/load.py [--duration 30] [--users 8] [--workers 3]
        [--cache redis|locmem]
        [--organisations 2000] [--database-url postgresql://ci:ci@127.0.0.1:5432/wi_load]

Drops and recreates the PostgreSQL database named by ``--database-url`` (its name must
contain "load", so a real database cannot be named by mistake), migrates it, builds the demo
content plus ``--organisations`` synthetic organisations, collects static files into a
temporary directory and starts gunicorn with the example site's production settings (DEBUG
off, a random SECRET_KEY from the environment, ALLOWED_HOSTS 127.0.0.1) on a free loopback
port. It discovers the URLs through API v2 and the directory page, requests each once (all
must answer 200; this also renders the images), then runs locust headless: ``--users``
users, no pauses, for ``--duration`` seconds. Prints requests per second and p50/p95/p99
latencies per endpoint, per group and overall, and exits non-zero if any request failed.
gunicorn is stopped at the end, also after an error or Ctrl-C. No timed assertions.

``--cache redis`` (the default, as the production settings) starts a throwaway
``redis-server`` on a free loopback port for the run; ``--cache locmem`` uses Django's
per-process cache instead (``load_locmem_settings.py``), for comparison. The CPU report
counts Redis with the workers, so CPU per request compares the two honestly.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from html import unescape
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DIR = ROOT / "example_site"
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
DEFAULT_DATABASE_URL = "postgresql://ci:ci@127.0.0.1:5432/wi_load"
MAX_DURATION = 60

# Every page type the demo creates, by API type, with its endpoint label. A page type of the
# package that is not listed here (a new one) is measured too, labelled after its class name.
PAGE_TYPES = {
    "wagtail_integration.NetworkPage": "network",
    "wagtail_integration.PartnerListingPage": "partner listing",
    "wagtail_integration.SpeakerTeamPage": "speaker team",
    "wagtail_integration.PressReleaseIndexPage": "press index",
    "wagtail_integration.PressReleasePage": "press release",
    "wagtail_integration.ProjectIndexPage": "project index",
    "wagtail_integration.ProjectPage": "project",
    "wagtail_integration.OrganisationProfilePage": "organisation profile",
    "wagtail_integration.DirectoryPage": "directory",
}
PAGES_PER_TYPE = 5
# Summary groups: the first prefix an endpoint name starts with.
GROUPS = [
    ("HTML pages", "page: "),
    ("directory (HTML)", "directory: "),
    ("API v2", "api v2 "),
    ("API v3", "api v3 "),
]
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "de"}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--users", type=int, default=8, help="concurrent locust users")
    parser.add_argument("--duration", type=int, default=30, help=f"seconds, 1–{MAX_DURATION}")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument(
        "--cache",
        choices=["redis", "locmem"],
        default="redis",
        help="the shared Redis cache of the production settings, or a per-process cache",
    )
    parser.add_argument("--csv", metavar="PREFIX", help="also keep locust's CSV files")
    args = parser.parse_args()
    if not 1 <= args.duration <= MAX_DURATION:
        parser.error(f"--duration must be between 1 and {MAX_DURATION} seconds")
    if args.users < 1 or args.workers < 1 or args.organisations < 0:
        parser.error("--users and --workers must be at least 1, --organisations at least 0")
    return args


def say(message: str) -> None:
    print(f"[load] {message}", flush=True)


def require_extra() -> None:
    missing = [
        name
        for name in ("locust", "gunicorn", "psycopg", "dj_database_url")
        if importlib.util.find_spec(name) is None
    ]
    if missing:
        sys.exit(
            f"[load] missing: {', '.join(missing)}. Install the load extra into this "
            f'environment first:\n    {sys.executable} -m pip install -e ".[load]"'
        )


def reset_database(url: str) -> None:
    """Drop and create the database named by ``url`` (connected through 'postgres')."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        sys.exit("[load] --database-url must be a postgresql:// URL")
    name = config["NAME"]
    if "load" not in name:
        sys.exit(f"[load] refusing to drop database {name!r}: its name must contain 'load'")
    params = {
        "host": config["HOST"] or "127.0.0.1",
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"],
        "dbname": "postgres",
    }
    with psycopg.connect(**params, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    say(f"database {name!r} dropped and created")


def site_environment(args: argparse.Namespace, workdir: Path) -> dict[str, str]:
    """Production settings of the example site, every secret from the environment."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="example_site.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Requests say X-Forwarded-Proto: https, as a TLS proxy would; the SSL redirect,
        # HSTS and secure cookies stay on as in production.
        DJANGO_SECURE_PROXY_SSL_HEADER="1",
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        DJANGO_MEDIA_ROOT=str(workdir / "media"),
        DATABASE_URL=args.database_url,
        PYTHONUNBUFFERED="1",
    )
    if args.cache == "locmem":
        environment["DJANGO_SETTINGS_MODULE"] = "load_locmem_settings"
        environment["PYTHONPATH"] = os.pathsep.join(
            [str(Path(__file__).resolve().parent), environment.get("PYTHONPATH", "")]
        ).rstrip(os.pathsep)
    return environment


def start_redis(workdir: Path) -> tuple[subprocess.Popen, int]:
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("[load] --cache redis needs redis-server (Debian: apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603  (fixed command, no shell)
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        + ["--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    say(f"redis-server on 127.0.0.1:{port}")
    return process, port


def manage(environment: dict[str, str], *command: str) -> None:
    say("$ manage.py " + " ".join(command))
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603  (fixed command, no shell)
        [sys.executable, "manage.py", *command],
        cwd=EXAMPLE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if result.returncode != 0:
        print(result.stdout[-4000:], file=sys.stderr)
        sys.exit(f"[load] manage.py {command[0]} failed with exit code {result.returncode}")
    say(f"  done in {time.perf_counter() - started:.1f} s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(base: str, path: str, timeout: float = 30) -> tuple[int, bytes]:
    request = urllib.request.Request(base + path, headers=HEADERS)  # noqa: S310  (loopback)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def start_gunicorn(args, environment, port: int, log: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "example_site.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={args.workers}",
        "--timeout=60",
        "--graceful-timeout=10",
        "--log-level=warning",
        f"--error-logfile={log}",
    ]
    say(f"$ gunicorn --workers={args.workers} --bind=127.0.0.1:{port} (log: {log.name})")
    # A session of its own: Ctrl-C reaches only this script, which then stops gunicorn.
    return subprocess.Popen(  # noqa: S603  (fixed command, no shell)
        command, cwd=EXAMPLE_DIR, env=environment, start_new_session=True
    )


def stop(process: subprocess.Popen | None, what: str) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)  # gunicorn and locust both stop gracefully on TERM
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    say(f"{what} stopped (exit code {process.returncode})")


def wait_until_up(base: str, server: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            print(log.read_text()[-4000:], file=sys.stderr)
            sys.exit(f"[load] gunicorn exited with code {server.returncode}")
        try:
            status, _body = fetch(base, "/api/v2/pages/?limit=1", timeout=5)
        except OSError:
            status = None
        if status == 200:
            return
        time.sleep(0.5)
    sys.exit(f"[load] gunicorn did not answer within {timeout:.0f} s")


def fetch_json(base: str, path: str) -> dict:
    status, body = fetch(base, path)
    if status != 200:
        sys.exit(f"[load] discovery: GET {path} answered {status}: {body[:300]!r}")
    return json.loads(body)


def select_options(html: str, name: str) -> list[str]:
    match = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
    values = re.findall(r'<option value="([^"]*)"', match.group(1)) if match else []
    return [unescape(value) for value in values if value]


def discover_pages(base: str) -> dict[str, list[str]]:
    """API type -> paths of its live pages (at most PAGES_PER_TYPE), through API v2."""
    pages: dict[str, list[str]] = {}
    offset = 0
    while True:
        data = fetch_json(base, f"/api/v2/pages/?limit=20&offset={offset}")
        for item in data["items"]:
            api_type = item["meta"]["type"]
            if api_type.startswith("wagtail_integration."):
                pages.setdefault(api_type, []).append(urlsplit(item["meta"]["html_url"]).path)
        offset += len(data["items"])
        if not data["items"] or offset >= data["meta"]["total_count"]:
            return {api_type: paths[:PAGES_PER_TYPE] for api_type, paths in pages.items()}


def discover(base: str) -> dict[str, list[str]]:
    """Endpoint name -> paths, from API v2 and the directory page's filter form."""
    pages = discover_pages(base)
    missing = sorted(set(PAGE_TYPES) - set(pages))
    if missing:
        sys.exit(f"[load] discovery: the demo made no page of type {', '.join(missing)}")
    endpoints: dict[str, list[str]] = {}
    for api_type, paths in sorted(pages.items()):
        words = re.sub(r"(?<!^)(?=[A-Z])", " ", api_type.split(".")[-1]).lower()
        label = PAGE_TYPES.get(api_type) or words.removesuffix(" page")
        key = "directory: first page" if label == "directory" else f"page: {label}"
        endpoints[key] = paths
        endpoints[f"api v2 pages: {label}"] = [
            f"/api/v2/pages/?{urlencode({'type': api_type, 'fields': '*'})}"
        ]
    directory = endpoints["directory: first page"][0]
    status, body = fetch(base, directory)
    html = body.decode()
    if status != 200:
        sys.exit(f"[load] discovery: {directory} answered {status}")
    topics = select_options(html, "topic")[:3]
    towns = select_options(html, "municipality")[:3]
    endpoints["directory: filter"] = [
        f"{directory}?letter=s",
        *(f"{directory}?topic={topic}" for topic in topics),
        *(f"{directory}?letter=s&municipality={quote(town)}" for town in towns),
    ]
    endpoints["directory: search"] = [
        f"{directory}?q={term}" for term in ("Kulturverein", "Sprachkurse", "Beratung")
    ]
    endpoints["directory: deep page"] = [f"{directory}?page=40"]
    for kind in ("organisations", "people", "events"):
        endpoints[f"api v2 {kind}"] = [f"/api/v2/{kind}/"]
    endpoints["api v3 pages"] = [
        f"/api/v3/pages/?{urlencode({'type': api_type})}" for api_type in sorted(pages)
    ]
    for kind in ("organisations", "people", "events"):
        endpoints[f"api v3 {kind}"] = [f"/api/v3/{kind}/"]
    return endpoints


def warm_up(base: str, endpoints: dict[str, list[str]]) -> None:
    """Request every path once: all must answer 200; renders the images' renditions."""
    failed = []
    for name, paths in endpoints.items():
        for path in paths:
            status, body = fetch(base, path, timeout=120)
            if status != 200:
                failed.append(f"  {status} {name}: {path} {body[:200]!r}")
    if failed:
        sys.exit("[load] warm-up: these URLs did not answer 200:\n" + "\n".join(failed))
    say(f"warm-up: {sum(map(len, endpoints.values()))} URLs in {len(endpoints)} endpoints, all 200")


def run_locust(args, base: str, workdir: Path, endpoints_file: Path, results_file: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "locust",
        f"--locustfile={LOCUSTFILE}",
        "--headless",
        f"--users={args.users}",
        f"--spawn-rate={args.users}",
        f"--run-time={args.duration}s",
        f"--host={base}",
        "--only-summary",
        "--stop-timeout=10",
        "--loglevel=WARNING",
    ]
    if args.csv:
        Path(args.csv).parent.mkdir(parents=True, exist_ok=True)
        command.append(f"--csv={args.csv}")
    environment = dict(
        os.environ, LOAD_ENDPOINTS=str(endpoints_file), LOAD_RESULTS=str(results_file)
    )
    log = workdir / "locust.log"
    say(f"$ locust --headless --users={args.users} --run-time={args.duration}s (log: {log.name})")
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603  (fixed command, no shell)
            command,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            process.wait(timeout=args.duration + 60)
        finally:
            stop(process, "locust")
    if not results_file.exists():
        print(log.read_text()[-4000:], file=sys.stderr)
        sys.exit(f"[load] locust wrote no results (exit code {process.returncode})")
    # e.g. "CPU usage above 90%": then locust itself, not the site, limits the figures.
    for message in re.findall(r"^.*(?:WARNING|ERROR).*$", log.read_text(), re.M):
        say(f"locust: {message.strip()}")


def percentile(times: dict[int, int], fraction: float) -> float:
    """As locust computes it: the smallest time with ``fraction`` of the requests at or below."""
    total = sum(times.values())
    if not total:
        return 0.0
    seen = 0
    for value in sorted(times):
        seen += times[value]
        if seen >= fraction * total:
            return value
    return max(times)


def merge(entries: list[dict]) -> dict:
    times: dict[int, int] = {}
    for entry in entries:
        for value, number in entry["response_times"].items():
            times[int(value)] = times.get(int(value), 0) + number
    return {
        "requests": sum(entry["requests"] for entry in entries),
        "failures": sum(entry["failures"] for entry in entries),
        "response_times": times,
        "total_response_time": sum(entry["total_response_time"] for entry in entries),
        "max_response_time": max((entry["max_response_time"] for entry in entries), default=0),
    }


def report(results: dict, duration: float) -> int:
    entries = {name: merge([entry]) for name, entry in results["entries"].items()}
    rows = [(name, entries[name]) for name in sorted(entries)]
    grouped = [
        (group, merge([entry for name, entry in entries.items() if name.startswith(prefix)]))
        for group, prefix in GROUPS
    ]
    total = merge(list(entries.values()))
    columns = ("requests", "fail", "req/s", "mean", "p50", "p95", "p99", "max")
    widths = (8, 5, 6, 6, 6, 6, 6, 6)
    header = f"{'endpoint':<34} " + " ".join(
        f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)
    )

    def line(name: str, entry: dict) -> str:
        times, number = entry["response_times"], entry["requests"]
        mean = entry["total_response_time"] / number if number else 0
        return (
            f"{name:<34} {number:>8} {entry['failures']:>5} {number / duration:>6.1f} {mean:>6.0f} "
            f"{percentile(times, 0.5):>6.0f} {percentile(times, 0.95):>6.0f} "
            f"{percentile(times, 0.99):>6.0f} {entry['max_response_time']:>6.0f}"
        )

    print(f"\nlatencies in ms over {duration:.1f} s\n{header}\n{'-' * len(header)}")
    for name, entry in rows:
        print(line(name, entry))
    print("-" * len(header))
    for group, entry in grouped:
        print(line(group, entry))
    print(line("all", total))
    for error in results["errors"]:
        print(f"  failure x{error['occurrences']}: {error['name']}: {error['error']}")
    print(
        f"\nthroughput {total['requests'] / duration:.1f} requests/s, "
        f"p50/p95/p99 {percentile(total['response_times'], 0.5):.0f}/"
        f"{percentile(total['response_times'], 0.95):.0f}/"
        f"{percentile(total['response_times'], 0.99):.0f} ms, failures: {total['failures']}"
    )
    if not total["requests"]:
        return 1
    return 1 if total["failures"] else 0


def cpu_seconds(pids: list[int]) -> float | None:
    """User + system CPU time of ``pids`` from /proc (Linux); None where it cannot be read."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    try:
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return None
    return total / ticks


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def gunicorn_workers(server: subprocess.Popen) -> list[int]:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def database_backends(url: str) -> list[int]:
    """PIDs of the server processes connected to the benchmark database (the workers'
    persistent connections, CONN_MAX_AGE)."""
    import dj_database_url
    import psycopg

    name = dj_database_url.parse(url)["NAME"]
    with psycopg.connect(url, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchall()
    return [pid for (pid,) in rows]


def cpu_report(before: dict, after: dict, requests: int, duration: float) -> None:
    """CPU the site used during the load: on a shared machine a steadier figure than times."""
    parts = []
    per_request = 0.0
    for what in ("gunicorn workers", "PostgreSQL", "locust"):
        if before.get(what) is None or after.get(what) is None:
            continue
        used = after[what] - before[what]
        if what != "locust":  # the client's CPU is not the site's
            per_request += used
        parts.append(f"{what} {used:.1f} s ({used / duration:.2f} cores)")
    if parts and requests:
        print(
            f"CPU during the load: {', '.join(parts)}; {per_request / requests * 1000:.0f} ms "
            "of CPU per request"
        )


def cpu_snapshot(pids: dict) -> dict:
    return {what: cpu_seconds(found) for what, found in pids.items()}


def machine() -> str:
    memory = Path("/proc/meminfo")
    gib = ""
    if memory.exists():
        kib = int(memory.read_text().split()[1])
        gib = f", {kib / 1024**2:.0f} GiB RAM"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} cores{gib}, load average {load:.1f}"


def main() -> int:
    args = parse_args()
    require_extra()
    # TERM (e.g. from a CI runner) takes the same way out as Ctrl-C: stop gunicorn first.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    server = redis = None
    with tempfile.TemporaryDirectory(prefix="wi-load-") as tmp:
        workdir = Path(tmp)
        try:
            say(f"machine: {machine()}")
            environment = site_environment(args, workdir)
            if args.cache == "redis":
                redis, redis_port = start_redis(workdir)
                environment["DJANGO_REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            say(f"cache: {args.cache}, gunicorn workers: {args.workers}")
            reset_database(args.database_url)
            manage(environment, "migrate", "--noinput", "-v", "0")
            demo = ["wagtail_integration_demo", f"--organisations={args.organisations}", "-v", "0"]
            manage(environment, *demo)
            manage(environment, "collectstatic", "--noinput", "-v", "0")
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            log = workdir / "gunicorn.log"
            server = start_gunicorn(args, environment, port, log)
            wait_until_up(base, server, log)
            endpoints = discover(base)
            warm_up(base, endpoints)
            endpoints_file = workdir / "endpoints.json"
            endpoints_file.write_text(json.dumps(endpoints))
            results_file = workdir / "results.json"
            say(f"machine before the load: {machine()}")
            pids = {
                "gunicorn workers": gunicorn_workers(server) + ([redis.pid] if redis else []),
                "PostgreSQL": database_backends(args.database_url),
            }
            cpu_before = cpu_snapshot(pids)
            cpu_before["locust"] = children_cpu_seconds()
            run_locust(args, base, workdir, endpoints_file, results_file)
            cpu_after = cpu_snapshot(pids)
            cpu_after["locust"] = children_cpu_seconds()  # the only child waited for since
            say(f"machine after the load: {machine()}")
            results = json.loads(results_file.read_text())
            duration = results["duration"] or args.duration
            code = report(results, duration)
            requests = sum(entry["requests"] for entry in results["entries"].values())
            cpu_report(cpu_before, cpu_after, requests, duration)
            errors = log.read_text().strip()
            if errors:
                say("gunicorn log (errors and warnings):\n" + errors[-4000:])
            return code
        except KeyboardInterrupt:
            say("interrupted")
            return 130
        finally:
            stop(server, "gunicorn")
            stop(redis, "redis-server")


if __name__ == "__main__":
    raise SystemExit(main())
