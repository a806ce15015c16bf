"""A photo archive: the press images of all live, public press releases, searchable.

The images sit in the ``media`` StreamField of the releases, not in a table of their own. The
archive reads the stored JSON of the releases (one query), fetches the chosen images in one
query and the renditions of the shown page in one more: the number of queries does not grow
with the number of releases or images.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import prefetch_related_objects
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from ..conf import integration_settings
from ..content import objects as schemas
from ..content.pages import html_image
from ..review.models import ReviewDateMixin
from ..visibility import visible
from .base import PAGE_API_FIELDS, IntegrationPageMixin
from .common import SearchForm, page_window, paginate
from .fields import optional_link, prose

# The API lists the newest photos only; the HTML page has them all, paginated.
API_PHOTO_LIMIT = 50


@dataclass
class Photo:
    """One image of a press release's media, with the release it belongs to."""

    image: Any
    alt_text: str
    caption: str
    credit: str
    licence: str
    release: Any
    shown: Any = None  # the typed image the archive shows (``content.pages.html_image``)

    @property
    def alt(self) -> str:
        return self.alt_text or self.image.default_alt_text or ""

    def haystack(self) -> str:
        return " ".join(
            [self.caption, self.credit, self.licence, self.alt_text, self.image.title]
            + [self.release.title]
        ).casefold()


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def release_photo_specs(release) -> list[dict[str, Any]]:
    """The image blocks of a release's media from the stored JSON (no query)."""
    specs = []
    for item in getattr(release.media, "raw_data", None) or []:
        if not isinstance(item, dict) or item.get("type") != "image":
            continue
        value = item.get("value")
        if isinstance(value, dict) and isinstance(value.get("image"), int):
            specs.append(value)
    return specs


class PhotoSearchForm(SearchForm):
    """The search term only."""


class ReleaseRefOut(schemas.Out):
    id: int
    title: str
    url: str | None
    release_date: datetime.date


class PhotoOut(schemas.Out):
    image: schemas.ImageOut | None
    caption: str
    credit: str
    licence: str
    release: ReleaseRefOut


def photo_out(photo: Photo, request=None) -> PhotoOut:
    return PhotoOut(
        image=schemas.image_out(photo.image, credit=photo.credit, alt=photo.alt_text),
        caption=photo.caption,
        credit=photo.credit,
        licence=photo.licence,
        release=ReleaseRefOut(
            id=photo.release.pk,
            title=photo.release.title,
            url=photo.release.get_url(request),
            release_date=photo.release.release_date,
        ),
    )


class PhotosField(serializers.Field):
    """The archive's newest photos for the API (``APIField("photos", ...)``)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, value):
        request = (getattr(self, "context", None) or {}).get("request")
        photos = value.get_photos()[:API_PHOTO_LIMIT]
        prefetch_related_objects([photo.image for photo in photos], "renditions")
        return [schemas.dump(photo_out(photo, request)) for photo in photos]


# API v3 types a custom serializer from its return annotation (see api/fields.py).
PhotosField.to_representation.__annotations__ = {"value": Any, "return": list[PhotoOut]}


class AbstractPhotoArchivePage(IntegrationPageMixin, ReviewDateMixin, Page):
    """All press images of the site's (or one index's) live, public releases."""

    page_description = _(
        "Press photos to search and download, with captions, credits and licences."
    )

    introduction = prose(_("introduction"))
    press_index = optional_link(
        "wagtailcore.Page",
        _("press release index"),
        help_text=_("Only the images of this index's press releases. Empty: the whole site."),
    )

    # Translations keep the chosen index; the archive uses the index's translation in its own
    # language (matched by translation key), as releases are listed per language.
    override_translatable_fields = [SynchronizedField("press_index")]

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        PageChooserPanel("press_index", ["wagtail_integration.PressReleaseIndexPage"]),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("photos", serializer=PhotosField()),
        *PAGE_API_FIELDS,
    ]

    # Extension point: a host's archive names its own release page type.
    release_model = "wagtail_integration.PressReleasePage"

    class Meta:
        abstract = True

    def get_scope(self) -> Page | None:
        """The page whose releases are shown: the chosen index in this language, or the site's
        root in this language."""
        if self.press_index_id:
            scope = (
                Page.objects.filter(
                    translation_key=Page.objects.filter(pk=self.press_index_id).values(
                        "translation_key"
                    )[:1],
                    locale_id=self.locale_id,
                )
                .only("path", "depth")
                .first()
            )
            return scope
        site = self.get_site()
        if site is None:
            return None
        # Translated trees sit beside the site's root page, not below it.
        root = site.root_page
        return root.get_translation_or_none(self.locale) or root

    def get_releases(self):
        """Live, public releases in this page's language, newest first; no StreamField but
        ``media`` is loaded."""
        releases = (
            visible(self.get_release_model().objects.live().public())
            .filter(locale_id=self.locale_id)
            .defer("body", "events")
            .order_by("-release_date", "-pk")
        )
        scope = self.get_scope()
        if scope is None:
            return releases.none()
        return releases.descendant_of(scope)

    @classmethod
    def get_release_model(cls) -> type[Page]:
        """The page type whose media the archive shows (``release_model``)."""
        return apps.get_model(cls.release_model)

    def get_photos(self, query: str = "") -> list[Photo]:
        """Every image of the releases, newest release first; ``query`` words must all match."""
        releases = list(self.get_releases())
        specs = [(release, spec) for release in releases for spec in release_photo_specs(release)]
        images = get_image_model().objects.in_bulk({spec["image"] for _release, spec in specs})
        photos = [
            Photo(
                image=images[spec["image"]],
                alt_text=_text(spec.get("alt_text")),
                caption=_text(spec.get("caption")),
                credit=_text(spec.get("credit")),
                licence=_text(spec.get("licence")),
                release=release,
            )
            for release, spec in specs
            if spec["image"] in images
        ]
        words = query.casefold().split()
        if words:
            photos = [photo for photo in photos if all(w in photo.haystack() for w in words)]
        return photos

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = PhotoSearchForm(request.GET if request is not None else {})
        query = form.cleaned_data.get("q", "") if form.is_valid() else ""
        photos = paginate(request, self.get_photos(query), integration_settings.PAGE_SIZE)
        # Renditions of the shown images only: one query, however many the archive holds.
        prefetch_related_objects([photo.image for photo in photos.object_list], "renditions")
        for photo in photos.object_list:
            photo.shown = html_image(photo.image, alt=photo.alt)
        context.update(
            {
                "search_form": form,
                "search_query": query,
                "photos": photos,
                "result_count": photos.paginator.count,
                "page_numbers": page_window(photos),
                "page_query": urlencode({"q": query} if query else {}),
            }
        )
        return context


class PhotoArchivePage(AbstractPhotoArchivePage):
    class Meta:
        verbose_name = _("photo archive")
        verbose_name_plural = _("photo archives")
