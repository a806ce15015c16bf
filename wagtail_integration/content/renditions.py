"""Image renditions for readers that show their data (the API): matched among the prefetched
renditions as Wagtail matches them, read as rows instead of model instances, and their URLs
remembered per file on the file system storage.

A cold API listing of 50 rich pages shows about 900 images with three renditions each; going
through ``get_renditions``, a model instance per rendition and the storage's URL quoting and
joining for each cost more than a quarter of its time.
"""

from __future__ import annotations

import functools
from collections import defaultdict

from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from wagtail.images.models import AbstractImage, AbstractRendition, Filter


@functools.lru_cache(maxsize=32)
def _filter(spec: str) -> Filter:
    # A Filter parses its spec once (``operations`` is a cached property); sharing them
    # saves that parsing for every image of a listing.
    return Filter(spec=spec)


def _prefetched_renditions(image, specs) -> dict | None:
    """The renditions of ``specs`` among ``image``'s prefetched renditions, as Wagtail's
    ``find_existing_renditions`` matches them (filter spec and focal point key); None when
    they were not prefetched or one is missing (``get_renditions`` creates it then)."""
    prefetched = getattr(image, "_prefetched_objects_cache", {}).get("renditions")
    if prefetched is None or any("preserve-svg" in spec for spec in specs):
        return None
    by_key = {(r.filter_spec, r.focal_point_key): r for r in prefetched}
    found = {}
    for spec in specs:
        rendition = by_key.get((spec, _filter(spec).get_cache_key(image)))
        if rendition is None:
            return None
        found[spec] = rendition
    return found


@functools.lru_cache(maxsize=8192)
def _file_system_url(storage, base_url: str, name: str) -> str:
    return storage.url(name)


class RenditionRow:
    """A rendition read with ``values()`` for a reader that shows only its data (the API
    listing): what ``get_renditions`` matches and ``image_out`` shows, no model instance."""

    __slots__ = ("filter_spec", "focal_point_key", "width", "height", "url", "_from_cache")

    def __init__(self, filter_spec, focal_point_key, width, height, url) -> None:
        self.filter_spec = filter_spec
        self.focal_point_key = focal_point_key
        self.width = width
        self.height = height
        self.url = url


def file_url(storage, name: str) -> str:
    """``storage.url(name)``, remembered on the file system storage (see ``rendition_url``)."""
    storage = getattr(storage, "_wrapped", storage)  # Django's DefaultStorage is lazy
    if type(storage) is FileSystemStorage:
        return _file_system_url(storage, storage.base_url, name)
    return storage.url(name)


def rendition_url(rendition) -> str:
    """``rendition.url``; on the file system storage remembered per file name, as its URL
    depends only on the name and ``MEDIA_URL`` (quoting and joining cost more than the rest
    of an image)."""
    if type(rendition).url is not AbstractRendition.url:
        return rendition.url  # a RenditionRow, or a custom rendition model's own URL
    file = rendition.file
    return file_url(file.storage, file.name) if file.name else file.url


def rendition_rows(images, model) -> bool:
    """Set the renditions of ``images`` (of image ``model``) as ``RenditionRow`` objects read
    with ``values()``: one query, as the prefetch it replaces. False (nothing done) where the
    rendition model's URL is not its file's URL."""
    if not issubclass(model, AbstractImage):
        return False
    rendition_model = model.get_rendition_model()
    file_field = rendition_model._meta.get_field("file")
    if rendition_model.url is not AbstractRendition.url or file_field.attr_class.url is not (
        FieldFile.url
    ):
        return False
    by_image = defaultdict(list)
    for image_id, spec, key, name, width, height in (
        rendition_model._default_manager.filter(image__in=images)
        .order_by()
        .values_list("image_id", "filter_spec", "focal_point_key", "file", "width", "height")
    ):
        url = file_url(file_field.storage, name)
        by_image[image_id].append(RenditionRow(spec, key, width, height, url))
    manager = rendition_model._default_manager
    for image in images:
        # What Django's prefetching leaves: a queryset with its results (``renditions.all()``).
        queryset = manager.filter(image=image)
        queryset._result_cache = by_image.get(image.pk, [])
        queryset._prefetch_done = True
        image._prefetched_objects_cache = getattr(image, "_prefetched_objects_cache", {})
        image._prefetched_objects_cache["renditions"] = queryset
    return True
