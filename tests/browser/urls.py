"""URLconf of the browser tests: the test suite's URLs plus media files.

``tests/urls.py`` does not serve ``MEDIA_URL``; the browser tests do, so that images in pages
load for real (a broken image would still pass an ``<img>`` check but not a visual one).
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from tests.urls import urlpatterns as site_urlpatterns


def serve_media(request, path):
    # MEDIA_ROOT is read per request: the test settings create it at start-up.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")), serve_media),
    *site_urlpatterns,
]
