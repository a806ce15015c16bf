"""Browser tests: Playwright drives the system Chromium against pytest-django's live server.

Playwright's own browser download is not used: the tests launch the Chromium found on PATH
(``apt-get install -y chromium`` on Debian). Without it every test in this folder is skipped.

When a test fails, a full-page screenshot and the page's HTML are written to
``test-artifacts/`` at the repository root.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ARTIFACTS_DIR = HERE.parent.parent / "test-artifacts"

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SKIP_REASON = (
    "Chromium not found on PATH (no 'chromium' executable); install it to run the browser "
    "tests, e.g. 'apt-get install -y chromium' (see docs/contributing.md)"
)

# Default time limit of one Playwright action or expectation, in milliseconds.
TIMEOUT_MS = 15_000

_reports_key = pytest.StashKey[dict[str, pytest.TestReport]]()


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so fixtures can tell whether the test failed."""
    report = yield
    item.stash.setdefault(_reports_key, {})[report.when] = report
    return report


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """One headless Chromium for all tests of this folder.

    Playwright's sync API keeps an asyncio event loop running in the test thread from start
    to stop, which has two effects on Django, both handled here:

    - Django refuses ORM calls from a thread with a running loop. The tests (and
      pytest-django's flush and restore around them) call the ORM between browser actions,
      never from inside the loop, so ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set while it runs.
    - Django then keeps database connections per async context (asgiref's thread-critical
      ``Local``): the test thread gets new connection objects, not those the test databases
      were created with. The databases are therefore set up first, the serialized contents
      that ``serialized_rollback`` restores are handed to the new connections, and those
      are closed before Playwright stops (PostgreSQL could not drop the test database
      otherwise).

    Package scope stops Playwright after the last test here, so tests elsewhere never run
    with the loop (pytest-django runs these transactional tests after the other DB tests).
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with pytest.MonkeyPatch.context() as mp, sync_playwright() as playwright:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        serialise_requests_on_shared_sqlite(mp)
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        connections.close_all()


def serialise_requests_on_shared_sqlite(mp) -> None:
    """One request at a time when the live server shares in-memory SQLite's one connection.

    The live server answers each request in a thread of its own, and with in-memory SQLite
    all of them use the test thread's single connection. Two overlapping requests (Wagtail's
    autosave landing while the editor presses "Publish") then interleave their transactions
    ("cannot start a transaction within a transaction"), which a real deployment, with a
    connection per thread, never does. PostgreSQL runs keep concurrent requests.
    """
    import threading

    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    lock = threading.RLock()
    handle = WSGIHandler.__call__

    def one_at_a_time(self, environ, start_response):
        with lock:
            return handle(self, environ, start_response)

    mp.setattr(WSGIHandler, "__call__", one_at_a_time)


@pytest.fixture(scope="package")
def live_server(browser, live_server):
    """pytest-django's live server, started once the browser runs (see ``browser``).

    With in-memory SQLite the server shares the test thread's connection: started here, it
    is the connection the tests use while Playwright runs.
    """
    return live_server


@pytest.fixture(autouse=True)
def _browser_test_settings(settings):
    """Serve media files and keep the admin from calling out to the Wagtail release feed."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False


@pytest.fixture
def page(request, browser):
    """A fresh browser page (own cookies); saves a screenshot and the HTML if the test failed."""
    context = browser.new_context(
        locale="de-DE", timezone_id="Europe/Berlin", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(TIMEOUT_MS)
    browser_page = context.new_page()
    yield browser_page
    reports = request.node.stash.get(_reports_key, {})
    if any(report.failed for report in reports.values()):
        save_artifacts(browser_page, request.node.nodeid)
    context.close()


@pytest.fixture
def save_page_artifacts(request):
    """``save(page, suffix)``: screenshot and HTML of ``page`` now, e.g. for each failing page."""

    def save(browser_page, suffix: str) -> None:
        save_artifacts(browser_page, f"{request.node.nodeid}-{suffix}")

    return save


def save_artifacts(browser_page, name: str) -> None:
    """Write ``<name>.png`` (full page) and ``<name>.html`` into test-artifacts/."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_")
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    try:
        browser_page.screenshot(path=str(ARTIFACTS_DIR / f"{name}.png"), full_page=True)
        (ARTIFACTS_DIR / f"{name}.html").write_text(browser_page.content(), encoding="utf-8")
    except Exception as exc:  # a closed or crashed page must not hide the test failure
        print(f"could not save browser artifacts {name}: {exc}")
    else:
        print(f"browser artifacts: {ARTIFACTS_DIR / name}.png / .html")
