"""API v3's page listing (``pages_list``) with listing cards, card-date ordering, the shared
loading and the item cache.

Wagtail's listing answers ``id``, ``title`` and ``meta`` only and orders by the fields of the
one page type ``type=`` names. ``install_listing_cards`` wraps the router's template operation
(every mount clones it), as ``install_detail_loading`` does for the detail: Wagtail still
chooses the pages (filters, search, visibility, pagination, its ordering); the package builds
their cards (``v3_cards.py``) for the pages the item cache does not hold, all together, and
declares the card schemas as the answer. ``order=date`` / ``order=-date`` order by the card
date on any listing; on a listing of several types, ``release_date`` and ``start_date`` mean
the card date too.
"""

from __future__ import annotations

import functools

from .cache import PageItemCache
from .v3_cards import CARD_DATE_TERMS, build_cards, card_date_expression, card_list_schema

CARD_DATE = "_card_date"


def _validation_error(message: str):
    from wagtail.api.v3.errors import as_validation_error

    return as_validation_error(ValueError(message), message, loc=("query", "order"))


def card_ordering(order, model, searching: bool) -> list | None:
    """``order_by`` arguments for an ``order`` with a card-date term; None to leave the
    ordering to Wagtail. Other terms are validated as Wagtail validates them (422)."""
    from django.db.models import F
    from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
    from wagtail.api.validators import OrderingValidator
    from wagtail.models import Page

    if not isinstance(order, list):  # "random"
        return None

    def is_card_term(term: str) -> bool:
        name = term.removeprefix("-")
        return name == "date" or (model is Page and name in CARD_DATE_TERMS)

    if not any(is_card_term(term) for term in order):
        return None
    if searching:
        raise _validation_error(
            "Ordering by the card date cannot be combined with search: search results are "
            "ordered by relevance or by a field of the one page type that type= names."
        )
    arguments, descending = [], None
    for term in order:
        if is_card_term(term):
            desc = term.startswith("-")
            descending = desc if descending is None else descending
            date = F(CARD_DATE)
            arguments.append(date.desc(nulls_last=True) if desc else date.asc(nulls_last=True))
        else:
            fields = OrderingValidator(
                model=model,
                fields=[term],
                base_fields=list(BASE_PAGE_READ_FIELDS),
                db_fields_only=True,
            ).fields
            if fields == ["?"]:
                raise _validation_error("random ordering cannot be combined with other fields.")
            arguments.extend(fields)
    arguments.append("-pk" if descending else "pk")
    return arguments


def serialise_cards(request, pages: list) -> list[dict]:
    """Cards of ``pages``, in order: cached items reused, the rest built together."""
    cacheable = not request.user.is_authenticated
    item_cache = PageItemCache(request, variant="v3:card") if cacheable else None
    cached = item_cache.get_many(pages) if item_cache else {}
    missing = [page for page in pages if page.pk not in cached]
    if missing:
        fresh = build_cards(missing, request)
        if item_cache:
            item_cache.set_many({page: fresh[page.pk] for page in missing})
        cached.update(fresh)
    return [cached[page.pk] for page in pages]


def install_listing_cards(operation, get_api) -> None:
    """Wrap ``operation`` (Wagtail's ``pages_list``); ``get_api()`` renders the answers."""
    from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
    from wagtail.api.v3.schemas.params import OrderingSchema
    from wagtail.models import Page

    if getattr(operation.view_func, "_integration_cards", False):
        return
    list_pages = operation.view_func.__wrapped__  # Wagtail's view, below ninja's pagination
    paginator = WagtailLimitOffsetPagination()

    @functools.wraps(operation.view_func)
    def listing(request, **kwargs):
        pagination = kwargs.pop("ninja_pagination", None) or paginator.Input()
        models = kwargs["filters"].type
        model = models[0] if len(models) == 1 else Page
        searching = kwargs["search"].search is not None
        order_by = card_ordering(kwargs["ordering"].order, model, searching)
        if order_by is not None:
            kwargs["ordering"] = OrderingSchema(order=[])
        queryset = list_pages(request, pagination_info=pagination, **kwargs)
        if order_by is not None:
            queryset = queryset.annotate(**{CARD_DATE: card_date_expression(model)})
            queryset = queryset.order_by(*order_by)
        result = paginator.paginate_queryset(queryset, pagination=pagination, request=request)
        items = serialise_cards(request, list(result["items"]))
        data = {"items": items, "count": result["count"]}
        return get_api().create_response(request, data, status=200)

    listing._integration_cards = True
    operation.view_func = listing
    operation.response_models[200] = operation._create_response_model(card_list_schema())
