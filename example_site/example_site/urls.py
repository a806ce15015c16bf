from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_integration.outputs.sitemaps import Sitemap

from .views import robots_txt

urlpatterns = [
    path("robots.txt", robots_txt),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every language's pages with hreflang alternates (wagtail_integration.outputs.sitemaps).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    # wagtail_integration's own views and the APIs (api/v2/, api/v3/);
    # must come before Wagtail's catch-all below.
    path("", include("wagtail_integration.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving; the default language (de) has no URL prefix, others get /en/ etc.
urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
