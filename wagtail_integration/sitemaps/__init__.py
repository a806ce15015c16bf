"""Old import path of the sitemap, kept because hosts' URLconfs name it (docs/install.md).

The sitemap lives in :mod:`wagtail_integration.outputs.sitemaps`.
"""

from ..outputs.sitemaps import Sitemap

__all__ = ["Sitemap"]
