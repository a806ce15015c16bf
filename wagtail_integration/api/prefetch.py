"""Prefetching for API output: the content layer's loading policy (``content/loading.py``)."""

from __future__ import annotations

from ..content.loading import (  # noqa: F401
    load_pages as prefetched_for_api,
)
from ..content.loading import (  # noqa: F401
    prefetch_pages,
    prefetch_translations,
    stream_field_names,
)
