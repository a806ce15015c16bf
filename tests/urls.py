"""URLconf of the test suite: the example site's layout, without media serving."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_integration.outputs.sitemaps import Sitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every language's pages with hreflang alternates (wagtail_integration.outputs.sitemaps).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    path("", include("wagtail_integration.urls")),
    *i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False),
]
