"""No bare ``<select multiple>`` in the package's admin forms: picking several entries of one
needs Ctrl-click, which editors rarely know. Small choice sets are checkboxes; a multi-select
that stays needs a help text that says how to pick several."""

from __future__ import annotations

import html
import re

import pytest
from django import forms
from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

PAGE_MODELS = [m for m in get_page_models() if m._meta.app_label == "wagtail_integration"]
SNIPPET_MODELS = [m for m in get_snippet_models() if m._meta.app_label == "wagtail_integration"]


def bare_multiselect(field: forms.Field) -> bool:
    widget = field.widget
    return (
        isinstance(widget, forms.SelectMultiple)
        and not isinstance(widget, forms.CheckboxSelectMultiple)
        and not str(field.help_text or "")
    )


def block_fields(block: blocks.Block, path: str):
    """(path, form field) of every field block inside ``block``."""
    if isinstance(block, blocks.FieldBlock):
        yield path, block.field
    children = getattr(block, "child_blocks", None) or {}
    for name, child in children.items():
        yield from block_fields(child, f"{path}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from block_fields(block.child_block, f"{path}.item")


def problems_of(model, form_class) -> list[str]:
    problems = []
    for name, field in form_class.base_fields.items():
        if bare_multiselect(field):
            problems.append(f"{model.__name__}.{name}")
    for model_field in model._meta.get_fields():
        if isinstance(model_field, StreamField):
            for path, field in block_fields(model_field.stream_block, model_field.name):
                if bare_multiselect(field):
                    problems.append(f"{model.__name__}.{path}")
    return problems


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_page_forms_have_no_bare_multi_select(model):
    form_class = model.get_edit_handler().get_form_class()
    assert problems_of(model, form_class) == []


@pytest.mark.parametrize("model", SNIPPET_MODELS, ids=lambda m: m.__name__)
def test_snippet_forms_have_no_bare_multi_select(model):
    form_class = model.snippet_viewset.get_edit_handler().get_form_class()
    assert problems_of(model, form_class) == []


def test_the_check_finds_a_bare_multi_select():
    """The helpers see Django's default widget of a multiple choice (and a help text)."""
    assert bare_multiselect(forms.MultipleChoiceField(choices=[("a", "A")]))
    assert not bare_multiselect(
        forms.MultipleChoiceField(choices=[("a", "A")], help_text="Strg-Klick wählt mehrere.")
    )
    days = blocks.MultipleChoiceBlock(choices=[("Monday", "Monday")])
    assert [p for p, f in block_fields(blocks.StructBlock([("days", days)]), "x")] == ["x.days"]


SELECT_MULTIPLE = re.compile(r"<select\b[^>]*\bmultiple\b", re.I)


def rendered(response) -> str:
    # Block widgets travel as JSON in the page (telepath), with < and > escaped.
    text = response.content.decode()
    text = text.replace("\\u003C", "<").replace("\\u003E", ">").replace("\\u0022", '"')
    return html.unescape(html.unescape(text))


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_page_create_views_render_no_select_multiple(admin_client, root_page, model):
    parent = root_page
    if Page not in model.allowed_parent_page_models():
        # Press releases and projects live below their index page.
        (parent_model,) = model.allowed_parent_page_models()
        parent = root_page.add_child(instance=parent_model(title="Index", slug="index"))
    url = f"/admin/pages/add/wagtail_integration/{model._meta.model_name}/{parent.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert SELECT_MULTIPLE.findall(rendered(response)) == []


@pytest.mark.parametrize("model", SNIPPET_MODELS, ids=lambda m: m.__name__)
def test_snippet_create_views_render_no_select_multiple(admin_client, model):
    response = admin_client.get(reverse(model.snippet_viewset.get_url_name("add")))
    assert response.status_code == 200
    assert SELECT_MULTIPLE.findall(rendered(response)) == []
