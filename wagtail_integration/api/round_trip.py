"""Writing back what API v3 read: a page's JSON from GET can be PATCHed back unchanged.

Wagtail's v3 writes take chooser values as ids and drop every key they do not write. The
package's streams are read typed (``content/blocks.py``: a chooser is a nested object), and
some fields are read-only (``APIField(serializer=...)``). ``install_round_trip()`` wraps the
form builders of Wagtail's create and update operations so that:

- a stream item sent exactly as GET showed it keeps its stored value (nothing changes);
- a changed or new item in the read shape is turned into the write shape (nested objects
  become their ids, values the read shape leaves out are kept from the stored item);
- a read-only field sent with the value GET shows is accepted and left alone, sent with any
  other value it is a 422 naming it; a field the page type does not have is a 422 as well.
"""

from __future__ import annotations

import contextvars
import functools
import json
from typing import Any

from wagtail import blocks

_installed = False


def _error(name: str, msg: str, kind: str) -> dict:
    return {"type": kind, "loc": ["body", "data", name], "msg": msg}


def read_json(request, page) -> dict:
    """The page as the v3 detail shows it (``pages_detail``'s response schema)."""
    from ninja.operation import ResponseObject
    from wagtail.api.v3.routers.pages import router

    operation = next(
        op
        for view in router.path_operations.values()
        for op in view.operations
        if op.operation_id == "pages_detail"
    )
    context = {"request": request, "response_status": 200}
    model = operation.response_models[200]
    validated = model.model_validate(ResponseObject(page), context=context)
    return json.loads(json.dumps(validated.model_dump(mode="json", context=context)["response"]))


def api_input(block, value) -> Any:
    """A block's Python value in the shape Wagtail's v3 writes accept."""
    if isinstance(block, blocks.BaseStreamBlock):
        return [
            {"type": child.block_type, "value": api_input(child.block, child.value), "id": child.id}
            for child in value or []
        ]
    if isinstance(block, blocks.ListBlock):
        return [api_input(block.child_block, item) for item in value or []]
    if isinstance(block, blocks.BaseStructBlock):
        return {
            name: api_input(child, value.get(name)) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return value.source if value is not None else ""
    return block.get_prep_value(value)


def _from_read(block, sent, stored, loc: str, errors: list) -> Any:
    """Turn a value in the read shape into the write shape; ``stored`` is the write-shape
    value of the same item (or None)."""
    if isinstance(block, blocks.BaseStreamBlock):
        return _stream_from_read(block, sent, stored or [], None, loc, errors)
    if isinstance(block, blocks.ListBlock):
        stored = stored if isinstance(stored, list) else []
        return [
            _from_read(
                block.child_block,
                item,
                stored[i] if i < len(stored) else None,
                f"{loc}.{i}",
                errors,
            )
            for i, item in enumerate(sent or [])
        ]
    if isinstance(block, blocks.BaseStructBlock):
        sent = sent if isinstance(sent, dict) else {}
        stored = stored if isinstance(stored, dict) else {}
        result = {}
        for name, child in block.child_blocks.items():
            if name in sent:
                result[name] = _from_read(
                    child, sent[name], stored.get(name), f"{loc}.{name}", errors
                )
            elif name in stored:  # left out of the read shape (e.g. an image's alt_text)
                result[name] = stored[name]
            else:
                result[name] = api_input(child, child.get_default())
        return result
    if isinstance(block, blocks.ChooserBlock):
        pk = sent.get("id") if isinstance(sent, dict) else sent
        if pk is None:
            return None
        if not isinstance(pk, int) or isinstance(pk, bool):
            errors.append(_error(loc, "Expected an object with an integer id.", "chooser"))
            return None
        if not block.model_class._default_manager.filter(pk=pk).exists():
            errors.append(
                _error(loc, f"No {block.model_class._meta.verbose_name} with id {pk}.", "chooser")
            )
            return None
        return pk
    return sent


def _stream_from_read(
    block, sent, stored: list, current: list | None, loc: str, errors: list, kept=None
):
    """Stream items: an item equal to what GET shows for the stored item of the same id keeps
    the stored value; any other item is converted from the read shape."""
    if not isinstance(sent, list):
        errors.append(_error(loc, "Expected a list of {type, value, id} items.", "stream"))
        return []
    stored_by_id = {item["id"]: item for item in stored if item.get("id")}
    current_by_id = {item.get("id"): item for item in current or [] if item.get("id")}
    result = []
    for i, item in enumerate(sent):
        if not isinstance(item, dict) or item.get("type") not in block.child_blocks:
            errors.append(_error(f"{loc}.{i}", "Unknown block type.", "stream"))
            continue
        item_id = item.get("id")
        previous = stored_by_id.get(item_id) if item_id else None
        if previous is not None and previous["type"] != item["type"]:
            previous = None
        if previous is not None and current_by_id.get(item_id) == item:
            result.append(previous)
            if kept is not None:
                kept.add(item_id)
            continue
        child = block.child_blocks[item["type"]]
        value = _from_read(
            child, item.get("value"), previous["value"] if previous else None, f"{loc}.{i}", errors
        )
        entry = {"type": item["type"], "value": value}
        if item_id:
            entry["id"] = item_id
        result.append(entry)
    return result


def check_and_convert(request, page, model, raw: dict, data, writable: set[str]) -> dict:
    """Refuse unknown and changed read-only fields (422), convert typed streams in ``data``."""
    from ninja.errors import ValidationError
    from wagtail.fields import StreamField

    current = read_json(request, page) if page.pk else {}
    live = {}
    if page.pk and page.live:
        live_page = type(page)._default_manager.get(pk=page.pk)
        live = read_json(request, live_page)
    kept_items: dict[str, set[str]] = {}
    readable = {field.name for field in getattr(model, "api_fields", [])} | current.keys()
    errors: list[dict] = []
    for name, value in raw.items():
        if name == "meta" or name in writable:
            continue
        if name not in readable:
            errors.append(_error(name, f"Unknown field {name!r}.", "unknown_field"))
        elif name in current and value in (current[name], live.get(name, current[name])):
            continue  # shown by GET and sent back unchanged
        else:
            errors.append(_error(name, f"{name!r} is read-only.", "read_only"))
    for name in writable & raw.keys():
        field = model._meta.get_field(name) if name in _field_names(model) else None
        if not isinstance(field, StreamField):
            continue
        stream = field.stream_block
        if getattr(stream, "content_stream", None) is None:
            continue
        stored = api_input(stream, getattr(page, name)) if page.pk else []
        kept: set[str] = set()
        converted = _stream_from_read(
            stream, raw[name], stored, current.get(name), name, errors, kept
        )
        setattr(data, name, converted)
        kept_items[name] = kept
    if errors:
        raise ValidationError(errors)
    return kept_items


def keep_unchanged_items(form, page, kept: dict[str, set[str]]) -> None:
    """Items kept as stored (``_stream_from_read``) keep their stored value after the form's
    cleaning too: the rich text editor's round trip would otherwise rewrite paragraphs."""
    from wagtail.blocks import StreamValue

    if not kept:
        return
    clean = form.clean

    def clean_keeping():
        cleaned = clean()
        for name, ids in kept.items():
            value = (cleaned or {}).get(name)
            if value is None:
                continue
            stored = {child.id: child for child in getattr(page, name)}
            children = [
                stored[child.id] if child.id in ids and child.id in stored else child
                for child in value
            ]
            cleaned[name] = StreamValue(
                value.stream_block, [(c.block_type, c.value, c.id) for c in children]
            )
        return cleaned

    form.clean = clean_keeping


def keep_list_item_ids(page, data, form_data) -> None:
    """Wagtail's v3 writes give list items (``ListBlock``) new ids; keep the stored ones where
    an item is unchanged, so writing back what was read changes nothing."""
    from wagtail.fields import StreamField

    for name in _field_names(type(page)):
        field = type(page)._meta.get_field(name)
        if not isinstance(field, StreamField) or name not in data.model_fields_set:
            continue
        stored = field.stream_block.get_prep_value(getattr(page, name))
        by_id = {item["id"]: item for item in stored if item.get("id")}
        for i, item in enumerate(getattr(data, name) or []):
            previous = by_id.get(item.get("id")) if isinstance(item, dict) else None
            if previous and previous["type"] == item["type"]:
                child = field.stream_block.child_blocks[item["type"]]
                _list_ids(child, item["value"], previous["value"], f"{name}-{i}-value", form_data)


def _list_ids(block, sent, stored, prefix: str, form_data) -> None:
    if isinstance(block, blocks.ListBlock) and isinstance(stored, list):
        for j, item in enumerate(sent or []):
            if j < len(stored) and isinstance(stored[j], dict) and stored[j].get("id"):
                child_sent = api_input(
                    block.child_block, block.child_block.to_python(stored[j]["value"])
                )
                if child_sent == item:
                    form_data[f"{prefix}-{j}-id"] = stored[j]["id"]
                _list_ids(
                    block.child_block, item, stored[j]["value"], f"{prefix}-{j}-value", form_data
                )
    elif isinstance(block, blocks.BaseStructBlock) and isinstance(stored, dict):
        for name, child in block.child_blocks.items():
            if isinstance(sent, dict):
                _list_ids(child, sent.get(name), stored.get(name), f"{prefix}-{name}", form_data)


def _field_names(model) -> set[str]:
    return {field.name for field in model._meta.get_fields()}


def _writable(model, data) -> set[str]:
    from wagtail.api.v3.form_data import get_api_form_class

    form_class = get_api_form_class(model)
    form_fields = set(form_class.base_fields) | set(getattr(form_class, "formsets", {}))
    return form_fields & set(type(data).model_fields)


def _raw_body(request) -> dict:
    try:
        raw = json.loads(request.body or b"{}")
    except ValueError:
        return {}
    return raw if isinstance(raw, dict) else {}


def install_round_trip() -> None:
    """Wrap the form builders of Wagtail's v3 page create and update operations."""
    global _installed
    if _installed:
        return
    from wagtail.api.v3.routers import pages

    build_update = pages.build_page_update_form
    build_create = pages.build_page_form

    @functools.wraps(build_update)
    def update_form(page, data, user):
        request = _current_request.get()
        writable = _writable(type(page), data)
        kept = check_and_convert(request, page, type(page), _raw_body(request), data, writable)
        form = build_update(page, data, user)
        keep_list_item_ids(page, data, form.data)
        keep_unchanged_items(form, page, kept)
        return form

    @functools.wraps(build_create)
    def create_form(model, parent, data, user):
        request = _current_request.get()
        check_and_convert(request, model(), model, _raw_body(request), data, _writable(model, data))
        return build_create(model, parent, data, user)

    pages.build_page_update_form = update_form
    pages.build_page_form = create_form
    for operation_id in ("pages_update", "pages_create"):
        _remember_request(pages.router, operation_id)
    _installed = True


_current_request = contextvars.ContextVar("wagtail_integration_write_request")


def _remember_request(router, operation_id: str) -> None:
    """The form builders get no request; keep it for them while the write view runs."""
    operation = next(
        op
        for view in router.path_operations.values()
        for op in view.operations
        if op.operation_id == operation_id
    )
    view_func = operation.view_func

    @functools.wraps(view_func)
    def view(request, *args, **kwargs):
        token = _current_request.set(request)
        try:
            return view_func(request, *args, **kwargs)
        finally:
            _current_request.reset(token)

    operation.view_func = view
