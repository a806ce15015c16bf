"""Loading for listing cards (API v3's page listing).

A listing card shows far less than a page: its own columns, one image. Its loading is the
page's own row as its specific type and that image, for all pages of a listing together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

CARD_IMAGE_STREAMS = ("media", "body")


def specific_pages(pages) -> list:
    """``pages`` as their specific types, in order: one query per page type still generic."""
    missing = defaultdict(list)
    for page in pages:
        model = page.specific_class or type(page)
        if not isinstance(page, model):
            missing[model].append(page.pk)
    fetched = {}
    for model, ids in missing.items():
        fetched.update(
            (page.pk, page)
            for page in model._default_manager.filter(pk__in=ids).select_related("locale")
        )
    return [fetched.get(page.pk, page) for page in pages]


def first_stream_image(page, names: Iterable[str] = CARD_IMAGE_STREAMS) -> dict | None:
    """The stored value of the first image block in the streams ``names`` of ``page`` (read
    from the stored JSON: no query)."""
    for name in names:
        for item in getattr(getattr(page, name, None), "raw_data", None) or []:
            if not isinstance(item, dict) or item.get("type") != "image":
                continue
            value = item.get("value")
            if isinstance(value, dict) and isinstance(value.get("image"), int):
                return value
    return None


def card_images(pages) -> dict[int, tuple[Any, dict]]:
    """The image each page's card shows, by page id, with the block value that chose it (alt
    text, credit): the first image of its streams, else its organisation's logo. One query
    for the images and one for their renditions, however many pages."""
    from wagtail.images import get_image_model

    chosen: dict[int, tuple[int, dict]] = {}
    by_organisation: dict[Any, dict[int, int]] = defaultdict(dict)  # model -> {page: org}
    for page in pages:
        value = first_stream_image(page)
        if value is not None:
            chosen[page.pk] = (value["image"], value)
        elif getattr(page, "organisation_id", None):
            model = type(page)._meta.get_field("organisation").related_model
            by_organisation[model][page.pk] = page.organisation_id
    for model, organisations in by_organisation.items():
        logos = dict(
            model._default_manager.filter(
                pk__in=set(organisations.values()), logo__isnull=False
            ).values_list("pk", "logo_id")
        )
        for page_id, organisation_id in organisations.items():
            if organisation_id in logos:
                chosen[page_id] = (logos[organisation_id], {})
    ids = {image_id for image_id, _value in chosen.values()}
    images = (
        {
            image.pk: image
            for image in get_image_model().objects.filter(pk__in=ids).prefetch_related("renditions")
        }
        if ids
        else {}
    )
    return {
        page_id: (images[image_id], value)
        for page_id, (image_id, value) in chosen.items()
        if image_id in images
    }
