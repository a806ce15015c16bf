"""A front end on another origin (a second local HTTP server) loads a page and a headless
preview from the API with ``fetch`` in Chromium: CORS as a browser enforces it."""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from functools import partial

import pytest

from wagtail_integration.preview import content_type_label, store_preview

from .. import factories as f

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.contract,
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="needs the system Chromium"),
]

FRONT_END = """<!doctype html><html lang="en"><head><title>front end</title></head><body>
<pre id="out">loading</pre>
<script>
async function load(url) {
  try {
    const response = await fetch(url);
    return {status: response.status, body: await response.json()};
  } catch (error) {
    return {error: String(error)};
  }
}
window.loadAll = async (urls) => {
  const results = [];
  for (const url of urls) results.push(await load(url));
  document.getElementById("out").textContent = "done";
  return results;
};
</script></body></html>"""


@pytest.fixture
def front_end(tmp_path):
    (tmp_path / "index.html").write_text(FRONT_END)
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def chromium(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls of the test and
    # its teardown run outside that loop's callbacks (as in tests/browser/conftest.py).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def fetch_all(chromium, front_end, urls):
    page = chromium.new_page()
    page.goto(f"{front_end}/index.html")
    results = page.evaluate("(urls) => window.loadAll(urls)", urls)
    page.close()
    return results


@pytest.fixture
def api_urls(live_server, django_db_serialized_rollback, transactional_db):
    # Serialized rollback: the flush after this test then leaves the migrated rows to the
    # restore, and the next serialized test does not meet content types created twice.
    page = f.full_press_release_page()
    page.title = "Unsaved headline"
    token = store_preview(page)
    preview = (
        f"{live_server.url}/api/v2/page_preview/?content_type={content_type_label(page)}"
        f"&token={token}"
    )
    urls = [f"{live_server.url}/api/v2/pages/{page.pk}/", preview]
    from django.apps import apps

    if apps.is_installed("wagtail.api.v3"):
        urls.append(f"{live_server.url}/api/v3/pages/{page.pk}/")
        urls.append(preview.replace("/api/v2/", "/api/v3/"))
    return page, urls


def test_front_end_on_another_origin_loads_page_and_preview(
    settings, api_urls, front_end, chromium
):
    settings.WAGTAIL_INTEGRATION = {"CORS_ALLOWED_ORIGINS": [front_end]}
    page, urls = api_urls
    results = fetch_all(chromium, front_end, urls)
    assert all("error" not in result for result in results), json.dumps(results)[:2000]
    assert [result["status"] for result in results] == [200] * len(urls)
    detail, preview, *v3 = (result["body"] for result in results)
    assert detail["id"] == page.pk
    assert preview["title"] == "Unsaved headline"
    assert all(item["id"] == page.pk for item in v3)
    if v3:  # the v3 detail shows the saved page, the v3 preview the unsaved title
        assert v3[0]["title"] != "Unsaved headline"
        assert v3[-1]["title"] == "Unsaved headline"

    # Without the origin in the setting the browser refuses every answer: CORS is what
    # lets the front end read them.
    settings.WAGTAIL_INTEGRATION = {"CORS_ALLOWED_ORIGINS": ["https://elsewhere.example"]}
    refused = fetch_all(chromium, front_end, urls)
    assert all("error" in result for result in refused), json.dumps(refused)[:2000]
