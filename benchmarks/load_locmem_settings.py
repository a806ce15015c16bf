"""benchmarks/load.py --cache locmem: the production settings with Django's per-process cache,
the set-up before Redis became the default (for comparison only: with several workers it
serves outdated answers)."""

from example_site.settings.production import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
