"""The example site's production settings plus a header naming the worker (tests only)."""

from example_site.settings.production import *  # noqa: F403
from example_site.settings.production import MIDDLEWARE, WAGTAIL_INTEGRATION

MIDDLEWARE = ["tests.deploy.middleware.worker_pid_middleware", *MIDDLEWARE]
WAGTAIL_INTEGRATION = {
    **WAGTAIL_INTEGRATION,
    "HEADLESS_PREVIEW_URL": "http://127.0.0.1:9/preview",
}
