"""The HTML page's typed content: built from what ``load_for_html`` loaded, without queries, and
the only thing the page templates read of the page's streams and related objects."""

from __future__ import annotations

import re

import pytest
from django.db.models import ForeignKey
from django.template import Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.fields import StreamField

from wagtail_integration.content.blocks import ImageWithCreditOut
from wagtail_integration.content.objects import MembershipOut, OrganisationOut, PersonOut
from wagtail_integration.content.pages import (
    HTML_RENDITIONS,
    RELATED_BUILDERS,
    ROW_BUILDERS,
    HtmlImageOut,
    page_content,
)

from .. import factories as f

pytestmark = pytest.mark.django_db


def loaded(page):
    """A fresh instance of ``page`` with what its template needs loaded, as ``serve`` does."""
    page = type(page).objects.get(pk=page.pk)
    page.load_for_html()
    return page


def test_streams_and_related_objects_are_typed(client):
    page = f.full_network_page()
    client.get(page.url)  # renditions are created once, on the first view
    page = loaded(page)
    content = page_content(page, page.get_related_context())

    assert {item.type for item in content["body"]} >= {"heading", "paragraph", "image"}
    assert all(isinstance(item.value.person, PersonOut) for item in content["speakers"])
    assert isinstance(content["contact_person"], PersonOut)
    assert isinstance(content["contact_organisation"], OrganisationOut)
    assert content["memberships"] and all(
        isinstance(entry, MembershipOut) for entry in content["memberships"]
    )
    figure = next(item.value for item in content["body"] if item.type == "image")
    assert isinstance(figure, ImageWithCreditOut)
    assert isinstance(figure.image, HtmlImageOut)
    assert all(figure.image.rendition(spec).url for spec in HTML_RENDITIONS)
    assert figure.image.file_url.startswith("/")
    paragraph = next(item.value for item in content["body"] if item.type == "paragraph")
    assert paragraph.startswith("<") and "richtext" not in paragraph


def test_building_the_content_costs_no_queries(client, django_assert_max_num_queries):
    page = f.full_project_page()
    client.get(page.url)
    page = loaded(page)
    related = page.get_related_context()
    with django_assert_max_num_queries(0):
        page_content(page, related)


def test_an_image_gets_only_the_renditions_its_templates_show(client):
    """A figure's image is shown at its figure and download sizes; no logo or photo size is
    made for it (an HTML image makes a rendition when a template asks for it)."""
    image = f.ImageFactory()
    page = f.SpeakerTeamPageFactory(body=[("image", {"image": image, "caption": "Bild"})])
    assert client.get(page.url).status_code == 200
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert {"max-1200x800"} <= made
    assert not {"height-80", "fill-160x160", "max-800x600"} & made, made


def test_the_api_never_sees_the_html_fields(client):
    page = f.full_network_page()
    client.get(page.url)
    body = client.get(f"/api/v2/pages/{page.pk}/").json()["body"]
    image = next(item["value"]["image"] for item in body if item["type"] == "image")
    assert "file_url" not in image
    assert not set(HTML_RENDITIONS) & set(image["renditions"])


class ModelGuard:
    """The page as its template sees it, failing on every stream and related object: those
    must come from ``content``."""

    def __init__(self, page, guarded):
        self._page = page
        self._guarded = guarded

    @property
    def __class__(self):  # isinstance() answers as for the page: ``{% pageurl %}`` takes it
        return type(self._page)

    def __getattr__(self, name):
        if name in self._guarded:
            raise AssertionError(f"the template read page.{name}, not content.{name}")
        return getattr(self._page, name)


def guarded_names(page) -> set[str]:
    names = set(ROW_BUILDERS)
    for field in page._meta.get_fields():
        if isinstance(field, StreamField) and hasattr(field.stream_block, "content_stream"):
            names.add(field.name)
        elif (
            isinstance(field, ForeignKey)
            and field.related_model._meta.label_lower in RELATED_BUILDERS
        ):
            names.add(field.name)
    return names


def without_tokens(html: str) -> str:
    """The HTML without its form tokens (CSRF, the feedback form's), which change per render."""
    return re.sub(r'value="[A-Za-z0-9:_-]{40,}"', 'value=""', html)


@pytest.mark.parametrize("build", f.FULL_PAGE_BUILDERS.values(), ids=lambda build: build.__name__)
def test_page_templates_read_the_typed_content_only(client, build):
    page = build()
    client.get(page.url)
    page = loaded(page)
    request = RequestFactory().get(page.url)
    context = page.get_context(request)
    # Only the page's own content block: the head's JSON-LD and Open Graph read the page.
    context["base_template"] = Template("{% block content %}{% endblock %}")
    template = page.get_template(request)
    shown = without_tokens(render_to_string(template, context, request))

    for name in ROW_BUILDERS:
        context.pop(name, None)
    context["page"] = ModelGuard(page, guarded_names(page))
    assert without_tokens(render_to_string(template, context, request)) == shown
    assert "<h1>" in shown
