"""The typed content an HTML page renders: the page's streams and related objects built by the
same builders as the API (``content.blocks``, ``content.objects``).

``page_content(page, related)`` runs once in ``IntegrationPageMixin.get_context`` after
``load_for_html``: every StreamField with a ``Stream`` becomes its typed list, every chosen
person, organisation, funding and event its content object, and the rows of
``get_related_context`` (members, partners, working groups) theirs. Nothing here queries what
``load_for_html`` loaded. While it builds, images carry their original file and make the
renditions the templates show when a template asks for one (``HtmlImageOut.rendition``), as
``{% image %}`` does; documents carry their file size (``HtmlDocumentOut``). The API never sees
these fields.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.db.models import ForeignKey
from django.utils.translation import gettext as _
from pydantic import PrivateAttr
from wagtail.fields import StreamField

from .objects import (
    DocumentOut,
    ImageOut,
    RenditionOut,
    _filter,
    event_out,
    extended_for_html,
    funding_out,
    image_out,
    membership_out,
    organisation_out,
    person_out,
    working_group_out,
)

# The renditions the package's templates show, named by their spec: logos, photos, the photo
# archive's previews, figures in a page's body and the web-sized download.
HTML_RENDITIONS = ("height-80", "fill-160x160", "max-800x600", "max-1200x800", "max-1600x1200")

# Rich text as display HTML, whatever format the API is set to answer in.
_DISPLAY_HTML = {"request": SimpleNamespace(GET={"rich_text_format": "html"})}

RELATED_BUILDERS = {
    "wagtail_integration.person": person_out,
    "wagtail_integration.organisation": organisation_out,
    "wagtail_integration.funding": funding_out,
    "wagtail_integration.event": event_out,
}
ROW_BUILDERS = {
    "memberships": membership_out,
    "partners": membership_out,
    "working_groups": working_group_out,
}


class HtmlImageOut(ImageOut):
    """An image as the templates show it, with the renditions they ask for (``rendition``)."""

    default_alt: str  # the image's own alternative text, which ``alt`` falls back to
    file_url: str
    file_size: int | None
    _image: Any = PrivateAttr(default=None)

    def rendition(self, spec: str) -> RenditionOut:
        """The rendition ``spec``, made on first use (a prefetched one costs no query): an
        image shown as a logo gets no photo sizes, one shown in a figure no logo size."""
        if spec not in self.renditions:
            made = self._image.get_rendition(_filter(spec))
            self.renditions[spec] = RenditionOut(url=made.url, width=made.width, height=made.height)
        return self.renditions[spec]


class HtmlDocumentOut(DocumentOut):
    file_size: int | None


class _HtmlExtension:
    def image(self, image, out: ImageOut) -> HtmlImageOut:
        shown = HtmlImageOut(
            **{**dict(out), "renditions": dict(out.renditions)},
            default_alt=image.default_alt_text or "",
            file_url=image.file.url,
            file_size=image.file_size,
        )
        shown._image = image
        return shown

    def document(self, document, out: DocumentOut) -> HtmlDocumentOut:
        return HtmlDocumentOut(**dict(out), file_size=document.file_size)


def page_content(page, related: dict[str, Any] | None = None) -> dict[str, Any]:
    """``{field or row name: typed content}`` for the page's template (its ``content``)."""
    content: dict[str, Any] = {}
    with extended_for_html(_HtmlExtension()):
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                stream = getattr(field.stream_block, "content_stream", None)
                if stream is not None:
                    content[field.name] = stream.build(getattr(page, field.name), _DISPLAY_HTML)
            elif isinstance(field, ForeignKey):
                build = RELATED_BUILDERS.get(field.related_model._meta.label_lower)
                if build is not None:
                    content[field.name] = build(getattr(page, field.name))
        for name, rows in (related or {}).items():
            if name in ROW_BUILDERS:
                content[name] = [ROW_BUILDERS[name](row) for row in rows]
    return content


def html_value(build, value):
    """One block's typed value as the templates show it (``{% include_block %}``)."""
    with extended_for_html(_HtmlExtension()):
        return build(value, _DISPLAY_HTML)


def html_image(image, *, alt: str = "") -> HtmlImageOut | None:
    """One image as the templates show it (the photo archive's images are no stream's)."""
    with extended_for_html(_HtmlExtension()):
        return image_out(image, alt=alt)


def office(building: str, room: str) -> str:
    """A person's office as the contact card shows it: "Building A, Room 1.23"."""
    parts = []
    if building:
        parts.append(_("Building %(building)s") % {"building": building})
    if room:
        parts.append(_("Room %(room)s") % {"room": room})
    return ", ".join(parts)
