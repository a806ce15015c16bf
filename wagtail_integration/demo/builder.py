"""Creates the demo content of ``content.py``: images, snippets and pages.

Idempotent: every object is looked up before it is created (images by title, snippets by
their name fields and locale, pages by slug under their parent) and an object that exists
already is used as it is, never changed. A second run therefore creates no page, revision,
snippet or image.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.core.files.images import ImageFile
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from . import content
from .content import Ref

APP_LABEL = "wagtail_integration"

# Snippets in the order they are created (later ones refer to earlier ones):
# reference kind, model name, the data, and the fields that identify an existing object.
SNIPPETS: list[tuple[str, str, dict[str, dict], tuple[str, ...]]] = [
    ("topic", "Topic", content.TOPICS, ("name",)),
    ("organisation", "Organisation", content.ORGANISATIONS, ("name", "unit")),
    ("person", "Person", content.PEOPLE, ("academic_title", "first_name", "last_name")),
    ("funding", "Funding", content.FUNDING, ("name",)),
    ("event", "Event", content.EVENTS, ("title", "start_date")),
    ("alert", "Alert", content.ALERTS, ("title",)),
]


class DemoContentError(Exception):
    """The demo content cannot be placed under the chosen parent page."""


def placeholder_png(text: str, colour: tuple[int, int, int], size=(800, 450)) -> bytes:
    """A coloured rectangle with ``text`` written on it, as PNG bytes."""
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    try:
        font = ImageFont.load_default(size=36)
    except TypeError:  # Pillow before 10.1 has only a small bitmap font
        font = ImageFont.load_default()
    draw.rectangle((12, 12, size[0] - 13, size[1] - 13), outline=(255, 255, 255), width=4)
    draw.multiline_text(
        (size[0] // 2, size[1] // 2),
        text.replace(" (", "\n("),
        fill=(255, 255, 255),
        anchor="mm",
        align="center",
        font=font,
    )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


class DemoBuilder:
    """Builds the demo under ``parent``; pages and snippets go into the parent's locale."""

    def __init__(self, parent: Page, log: Callable[[bool, str, str], None] | None = None) -> None:
        self.parent = parent
        self.locale: Locale = parent.locale
        self.log = log or (lambda created, what, label: None)
        self.created: Counter[str] = Counter()
        self.present: Counter[str] = Counter()
        self.objects: dict[Ref, models.Model] = {}

    def build(self) -> list[Page]:
        """Create whatever is missing; return the top-level demo pages."""
        for key, spec in content.IMAGES.items():
            self.objects[Ref("image", key)] = self.get_or_create_image(spec)
        for kind, model_name, data, identity in SNIPPETS:
            model = apps.get_model(APP_LABEL, model_name)
            for key, spec in data.items():
                self.objects[Ref(kind, key)] = self.get_or_create_snippet(model, spec, identity)
        return [self.get_or_create_page(self.parent, spec) for spec in content.PAGES]

    def _report(self, created: bool, what: str, label: str) -> None:
        (self.created if created else self.present)[what] += 1
        self.log(created, what, label)

    def resolve(self, value: Any) -> Any:
        """``value`` with every ``Ref`` replaced by the saved object it names."""
        if isinstance(value, Ref):
            return self.objects[value]
        if isinstance(value, content.FromNow):
            moment = timezone.now().replace(second=0, microsecond=0) + timedelta(days=value.days)
            return timezone.localdate(moment) if value.as_date else moment
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if isinstance(value, tuple):
            return tuple(self.resolve(item) for item in value)
        return value

    def get_or_create_image(self, spec: dict) -> models.Model:
        image_model = get_image_model()
        image = image_model.objects.filter(title=spec["title"]).order_by("pk").first()
        created = image is None
        if created:
            png = placeholder_png(spec["title"], spec["colour"])
            image = image_model(title=spec["title"])
            if any(field.name == "description" for field in image_model._meta.get_fields()):
                image.description = spec["description"]
            image.file = ImageFile(io.BytesIO(png), name=f"{slugify(spec['title'])}.png")
            image._set_image_file_metadata()
            image.save()
        self._report(created, "image", spec["title"])
        return image

    def get_or_create_snippet(
        self, model: type[models.Model], spec: dict, identity: tuple[str, ...]
    ) -> models.Model:
        values = self.resolve(spec)
        lookup = {field: values.get(field, "") for field in identity}
        obj = model.objects.filter(locale=self.locale, **lookup).order_by("pk").first()
        created = obj is None
        if created:
            obj = model(locale=self.locale, **values)
            obj.full_clean()
            obj.save()
        self._report(created, model._meta.model_name, str(obj))
        return obj

    def get_or_create_page(self, parent: Page, spec: dict) -> Page:
        model = apps.get_model(APP_LABEL, spec["type"])
        page = parent.get_children().filter(slug=spec["slug"]).first()
        created = page is None
        if page is not None:
            page = page.specific
            if not isinstance(page, model):
                raise DemoContentError(
                    f"The page “{page.title}” (id {page.pk}) under “{parent.title}” already "
                    f"uses the slug “{spec['slug']}” but is a {type(page).__name__}, not a "
                    f"{model.__name__}; rename it or choose another parent with --parent."
                )
        else:
            page = self.new_page(model, spec)
            parent.add_child(instance=page)
            page.save_revision().publish()
        self._report(created, "page", f"{page.title} ({page.url_path})")
        for child_spec in spec.get("children", []):
            self.get_or_create_page(page, child_spec)
        return page

    def new_page(self, model: type[Page], spec: dict) -> Page:
        """An unsaved page of ``model``; inline rows (orderables) are attached to it."""
        fields = self.resolve(spec["fields"])
        child_models = {
            relation.get_accessor_name(): relation.related_model
            for relation in get_all_child_relations(model)
        }
        rows = {name: fields.pop(name) for name in list(fields) if name in child_models}
        page = model(title=spec["title"], slug=spec["slug"], locale=self.locale, live=False)
        for name, value in fields.items():
            setattr(page, name, value)
        for name, row_values in rows.items():
            row_model = child_models[name]
            setattr(
                page,
                name,
                [
                    row_model(locale=self.locale, sort_order=index, **row)
                    for index, row in enumerate(row_values)
                ],
            )
        return page
