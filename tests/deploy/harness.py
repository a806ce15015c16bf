"""The example site as deployed: PostgreSQL, redis-server, gunicorn with three workers and
(optionally) Varnish in front, each on a free loopback port, stopped at the end."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = ROOT / "example_site"
WORKERS = 3
HOST = "localhost"  # the demo site's hostname; Varnish keys its objects by it

VCL = """\
vcl 4.1;

backend default {{
    .host = "127.0.0.1";
    .port = "{backend_port}";
}}

acl purge {{
    "127.0.0.1";
}}

sub vcl_recv {{
    if (req.method == "PURGE") {{
        if (!client.ip ~ purge) {{
            return (synth(405, "Not allowed"));
        }}
        # A path ending in / drops everything under it (feeds, archives, API answers),
        # any other path itself; both with every query string.
        if (req.url ~ "/$") {{
            ban("obj.http.X-Cache-Host == " + req.http.host +
                " && obj.http.X-Cache-Path ~ ^" + req.url);
        }} else {{
            ban("obj.http.X-Cache-Host == " + req.http.host +
                " && obj.http.X-Cache-Path == " + regsub(req.url, "\\?.*$", ""));
        }}
        return (synth(200, "Purged"));
    }}
}}

sub vcl_backend_response {{
    set beresp.http.X-Cache-Host = bereq.http.host;
    set beresp.http.X-Cache-Path = regsub(bereq.url, "\\?.*$", "");
}}

sub vcl_deliver {{
    unset resp.http.X-Cache-Host;
    unset resp.http.X-Cache-Path;
    if (obj.hits > 0) {{
        set resp.http.X-Cache = "HIT";
    }} else {{
        set resp.http.X-Cache = "MISS";
    }}
}}
"""


class TcpProxy:
    """A loopback TCP forwarder to the database that a test can take down and bring back,
    so an outage never touches the shared PostgreSQL server."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.port = free_port()
        self.listener: socket.socket | None = None
        self.open: set[socket.socket] = set()
        self.guard = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        """Refuse new connections and cut the open ones, as a crashed server would."""
        if self.listener is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with contextlib.suppress(OSError):
                self.listener.shutdown(socket.SHUT_RDWR)
            self.listener.close()
            self.listener = None
        with self.guard:
            for sock in self.open:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=10)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self.guard:
                self.open |= {client, server}
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before it listened")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on port {port} within {timeout} s")


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip(
            "deployed tests run on PostgreSQL only: set DATABASE_URL=postgresql://... "
            "(.ci/run does)"
        )
    return url


def need(binary: str) -> str:
    path = shutil.which(binary) or shutil.which(binary, path="/usr/sbin:/usr/bin:/sbin")
    if path is None:
        pytest.skip(f"{binary} is not installed (.ci/run installs it from Debian)")
    return path


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str

    @property
    def pid(self) -> str:
        return self.headers.get("x-worker-pid", "")

    def json(self):
        return json.loads(self.body)


@dataclass
class Deployment:
    database_url: str
    work: Path
    env: dict[str, str] = field(default_factory=dict)
    gunicorn_port: int = 0
    varnish_port: int = 0
    processes: list = field(default_factory=list)
    gunicorn: subprocess.Popen | None = None
    database_proxy: TcpProxy | None = None

    # --- setting up -----------------------------------------------------------------------

    @classmethod
    def start(cls, *, varnish: bool) -> Deployment:
        base_url = postgres_url()
        redis_server = need("redis-server")
        varnishd = need("varnishd") if varnish else None
        work = Path(tempfile.mkdtemp(prefix="wi-deployed-"))
        work.chmod(0o755)  # varnishd, started as root, reads its VCL as its own user
        deployment = cls(database_url=cls._fresh_database(base_url), work=work)
        try:
            deployment._start(redis_server, varnishd)
        except BaseException:
            deployment.stop()
            raise
        return deployment

    @staticmethod
    def _fresh_database(url: str) -> str:
        import psycopg

        parts = urlsplit(url)
        name = f"{parts.path.lstrip('/') or 'postgres'}_deployed_{secrets.token_hex(3)}"
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        return urlunsplit(parts._replace(path=f"/{name}"))

    def _start(self, redis_server: str, varnishd: str | None) -> None:
        redis_port = free_port()
        self._spawn(
            [redis_server, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.work)],
            redis_port,
            "redis-server",
        )
        self.gunicorn_port = free_port()
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "WAGTAIL"))
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="tests.deploy.site_settings",
            PYTHONPATH=os.pathsep.join([str(ROOT), str(EXAMPLE_DIR)]),
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS=f"{HOST},127.0.0.1",
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_SECURE_COOKIES="0",
            DJANGO_SECURE_HSTS_SECONDS="0",
            DATABASE_URL=self.database_url,
            DJANGO_REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
            DJANGO_STATIC_ROOT=str(self.work / "static"),
            DJANGO_MEDIA_ROOT=str(self.work / "media"),
            WAGTAILADMIN_BASE_URL=f"http://{HOST}",
        )
        if varnishd:
            self.varnish_port = free_port()
            vcl = self.work / "site.vcl"
            vcl.write_text(VCL.format(backend_port=self.gunicorn_port))
            vcl.chmod(0o644)
            self._spawn(
                [varnishd, "-F", "-f", str(vcl), "-n", str(self.work / "varnish")]
                + ["-a", f"127.0.0.1:{self.varnish_port}", "-T", "none", "-s", "malloc,32m"],
                self.varnish_port,
                "varnishd",
            )
            self.env["DJANGO_FRONTEND_CACHE_URL"] = f"http://127.0.0.1:{self.varnish_port}"
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("collectstatic", "--noinput", "-v", "0")
        self.manage("wagtail_integration_demo", "-v", "0")
        self.shell(
            "from django.contrib.auth import get_user_model\n"
            "get_user_model().objects.create_superuser('admin', 'admin@example.org', 'admin')"
        )
        # The workers reach the database through a proxy that test_outage.py takes down.
        parts = urlsplit(self.database_url)
        self.database_proxy = TcpProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
        self.database_proxy.start()
        netloc = parts.netloc.rsplit("@", 1)
        address = f"127.0.0.1:{self.database_proxy.port}"
        proxied = urlunsplit(parts._replace(netloc="@".join([*netloc[:-1], address])))
        self.gunicorn = self._spawn(
            [str(Path(sys.executable).with_name("gunicorn")), "example_site.wsgi:application"]
            + ["--workers", str(WORKERS), "--bind", f"127.0.0.1:{self.gunicorn_port}"]
            + ["--chdir", str(EXAMPLE_DIR), "--timeout", "60", "--log-level", "warning"],
            self.gunicorn_port,
            "gunicorn",
            env={**self.env, "DATABASE_URL": proxied},
        )
        deadline = time.monotonic() + 30
        while len(self.worker_pids()) < WORKERS and time.monotonic() < deadline:
            time.sleep(0.1)

    def _spawn(
        self, cmd: list[str], port: int, what: str, env: dict | None = None
    ) -> subprocess.Popen:
        log = open(self.work / f"{what}.log", "wb")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(  # noqa: S603  (fixed command, no shell)
            cmd, cwd=self.work, env=env or self.env or None, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes.append(process)
        try:
            wait_for_port(port, process, what)
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}:\n{self.log(what)[-3000:]}") from None
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            stop(process)
        if self.database_proxy is not None:
            self.database_proxy.stop()
        try:
            import psycopg

            parts = urlsplit(self.database_url)
            admin_url = urlunsplit(parts._replace(path="/postgres"))
            with psycopg.connect(admin_url, autocommit=True) as connection:
                name = parts.path.lstrip("/")
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            shutil.rmtree(self.work, ignore_errors=True)

    def log(self, what: str) -> str:
        path = self.work / f"{what}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- other processes ------------------------------------------------------------------

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(  # noqa: S603  (fixed command, no shell)
            [sys.executable, "manage.py", *args],
            cwd=EXAMPLE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result

    def shell(self, code: str):
        """Run code in ``manage.py shell`` (another process); return what it printed as JSON
        on its last line, if anything."""
        result = self.manage("shell", "--no-imports", "-c", textwrap.dedent(code))
        lines = result.stdout.strip().splitlines()
        return json.loads(lines[-1]) if lines else None

    def worker_pids(self) -> set[str]:
        if self.gunicorn is None:
            return set()
        path = Path(f"/proc/{self.gunicorn.pid}/task/{self.gunicorn.pid}/children")
        return set(path.read_text().split()) if path.exists() else set()

    # --- HTTP -----------------------------------------------------------------------------

    def request(
        self,
        path: str,
        *,
        through_varnish: bool = False,
        method: str = "GET",
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        port = self.varnish_port if through_varnish else self.gunicorn_port
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=90)
        try:
            connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
            response = connection.getresponse()
            return Answer(
                response.status,
                {key.lower(): value for key, value in response.getheaders()},
                response.read().decode("utf-8", "replace"),
            )
        finally:
            connection.close()

    def every_worker(self, path: str, *, batch: int = 9, max_requests: int = 300) -> list[Answer]:
        """Concurrent requests until each of the three workers has answered; all answers."""
        answers: list[Answer] = []
        pids = self.worker_pids()
        assert len(pids) == WORKERS, f"gunicorn runs {len(pids)} workers, not {WORKERS}"
        with ThreadPoolExecutor(batch) as pool:
            while len(answers) < max_requests:
                answers += pool.map(lambda _: self.request(path), range(batch))
                if pids <= {answer.pid for answer in answers}:
                    return answers
        seen = {answer.pid for answer in answers}
        raise AssertionError(f"{len(answers)} requests reached workers {seen}, not all of {pids}")
