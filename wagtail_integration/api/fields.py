"""Moved to ``wagtail_integration.content.serializers``; kept so existing imports keep working."""

from ..content.serializers import *  # noqa: F403
