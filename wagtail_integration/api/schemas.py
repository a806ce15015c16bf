"""Moved to ``wagtail_integration.content.objects``; kept so existing imports keep working."""

from ..content.objects import *  # noqa: F403
from ..content.objects import _filter, _locale_code, dump, nested  # noqa: F401
