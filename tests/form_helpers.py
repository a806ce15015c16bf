"""Admin form data for existing pages, StreamFields included.

Wagtail's ``assertPageIsEditable``/``assertPageIsPreviewable`` read the form data from the edit
view's HTML, but StreamField inputs are created by JavaScript, so they are missing there.
``page_edit_data`` takes the HTML inputs and adds the StreamField data computed from the page.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html


def block_form_data(block: blocks.Block, value: Any, prefix: str) -> dict[str, Any]:
    """The POST data the admin's block widgets submit for ``value`` (a native block value)."""
    data: dict[str, Any] = {}
    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data[f"{prefix}-count"] = str(len(children))
        for i, child in enumerate(children):
            child_prefix = f"{prefix}-{i}"
            data[f"{child_prefix}-type"] = child.block_type
            data[f"{child_prefix}-deleted"] = ""
            data[f"{child_prefix}-order"] = str(i)
            data[f"{child_prefix}-id"] = child.id or ""
            data.update(block_form_data(child.block, child.value, f"{child_prefix}-value"))
    elif isinstance(block, blocks.ListBlock):
        items = list(value or [])
        data[f"{prefix}-count"] = str(len(items))
        for i, item in enumerate(items):
            child_prefix = f"{prefix}-{i}"
            data[f"{child_prefix}-deleted"] = ""
            data[f"{child_prefix}-order"] = str(i)
            data[f"{child_prefix}-id"] = ""
            data.update(block_form_data(block.child_block, item, f"{child_prefix}-value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            child_value = value.get(name) if value is not None else None
            data.update(block_form_data(child_block, child_value, f"{prefix}-{name}"))
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = str(value.pk) if value is not None else ""
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    elif isinstance(block, blocks.FieldBlock):
        form_value = block.field.widget.format_value(block.value_for_form(value))
        if form_value is None:
            form_value = ""
        data[prefix] = [str(v) for v in form_value] if isinstance(form_value, list) else form_value
    else:  # pragma: no cover - a new block family would need support here
        raise TypeError(f"No form data for {type(block).__name__}")
    return data


def stream_form_data(page) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(block_form_data(field.stream_block, getattr(page, field.name), field.name))
    return data


def to_querydict(data: dict[str, Any]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            query.setlist(key, value)
        else:
            query[key] = value
    return query


def page_edit_data(client, page) -> QueryDict:
    """The edit form of ``page`` as the admin would submit it unchanged (client logged in)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key, value in stream_form_data(page.specific).items():
        if isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value
    return data
