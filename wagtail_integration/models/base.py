"""Behaviour shared by the package's page types: mixins and abstract building blocks.

Hosts compose their own page types from these; the package's concrete pages stay on
Wagtail's own ``Page`` because wagtail-localize does not support custom base page models.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import DUPLICATE_MESSAGE
from ..conf import integration_settings
from ..content import serializers as api
from ..content.objects import nested
from ..content.pages import page_content
from ..slugs import GermanSlugFormMixin, GermanSlugMixin
from .common import paginate
from .fields import optional_link

# API fields of every page of the package: its translations (locale, id, title, url), the
# calendar and feed links its HTML page offers, and its schema.org graph (details only:
# ``DETAIL_ONLY_API_FIELDS``).
PAGE_API_FIELDS = [
    APIField("translations", serializer=api.TranslationsField()),
    APIField("links", serializer=api.LinksField()),
    APIField("structured_data", serializer=api.StructuredDataField()),
]
DETAIL_ONLY_API_FIELDS = ("links", "structured_data", "selection")


class UniqueChildrenPageForm(GermanSlugFormMixin, WagtailAdminPageForm):
    """Rejects the same organisation twice in an inline list (``unique_child_fields``); the
    slug field writes German titles' umlauts as ae, oe, ue (``slugs.py``)."""

    def clean(self):
        cleaned_data = super().clean()
        for relation, field_name in getattr(self.instance, "unique_child_fields", {}).items():
            formset = self.formsets.get(relation)
            if formset is None or not formset.is_valid():
                continue
            seen = set()
            for form in formset.forms:
                if not getattr(form, "cleaned_data", None) or form.cleaned_data.get("DELETE"):
                    continue
                value = form.cleaned_data.get(field_name)
                if value is None:
                    continue
                if value.pk in seen:
                    form.add_error(field_name, DUPLICATE_MESSAGE)
                seen.add(value.pk)
        return cleaned_data


class ChildListingMixin:
    """An index page that lists its children, paginated with ``?page=``.

    ``get_listing`` returns the queryset; the template gets the page of it as
    ``listing_context_name``, its items loaded through ``content.loading.load_listing``:
    teasers that show a stream or related rows name them in ``listing_streams`` and
    ``listing_related`` (loaded for the shown items at once).
    """

    listing_context_name = "items"
    listing_streams: tuple[str, ...] = ()
    listing_related = False

    def get_listing(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        from ..content.loading import load_listing

        context = super().get_context(request, *args, **kwargs)
        items = paginate(request, self.get_listing(), integration_settings.PAGE_SIZE)
        items.object_list = load_listing(
            items.object_list, streams=self.listing_streams, related=self.listing_related
        )
        context[self.listing_context_name] = items
        return context


class IntegrationPageMixin(GermanSlugMixin):
    """Template context shared by all pages: the configurable base template and related data;
    German slugs for pages saved without one (``slugs.py``).

    ``api_prefetch_related`` is the one place where a page type declares the related rows it
    shows; the HTML view loads them through the content layer's ``load_pages_now`` (as the API,
    the feeds and the sitemap do), and ``get_related_context`` hands the loaded rows to the
    template.
    """

    base_form_class = UniqueChildrenPageForm
    unique_child_fields: dict[str, str] = {}
    # Lookups the API prefetches for a list of pages of this type (``api/prefetch.py``):
    # the one place a page type decides what its API representation loads.
    api_prefetch_related: list[str] = []

    def get_related_context(self) -> dict[str, Any]:
        return {}

    def load_for_html(self, request=None) -> None:
        """Load the declared rows, the live translations (``hreflang`` links and the language
        switcher) and the streams' chosen objects for this page's template.

        Once per instance. A preview leaves the rows out: its inline children live in memory.
        """
        if getattr(self, "_loaded_for_html", False):
            return
        from ..content.loading import load_pages_now

        preview = self.pk is None or getattr(request, "is_preview", False)
        load_pages_now([self], related=not preview)
        self._loaded_for_html = True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if hasattr(response, "add_post_render_callback"):
            from ..alerts.caching import limit_response

            # The alert include notes its next change while the template renders.
            response.add_post_render_callback(lambda r: limit_response(request, r))
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = integration_settings.BASE_TEMPLATE
        self.load_for_html(request)
        related = self.get_related_context()
        context.update(related)
        context["content"] = page_content(self, related)
        return context

    def get_sitemap_urls(self, request=None):
        """Wagtail's entry plus ``hreflang`` alternates: live, public translations, x-default.

        Django's ``sitemap.xml`` template renders ``alternates``; unpublished and private
        translations are left out.
        """
        from ..outputs.sitemaps import sitemap_alternates

        urls = super().get_sitemap_urls(request)
        alternates = sitemap_alternates(self, request)
        if alternates:
            for url in urls:
                url.setdefault("alternates", alternates)
        return urls

    def serve_preview(self, request, mode_name):
        """With ``HEADLESS_PREVIEW_URL`` set, redirect the preview pane to the front end."""
        if integration_settings.HEADLESS_PREVIEW_URL:
            from ..preview import serve_headless_preview

            return serve_headless_preview(self)
        return super().serve_preview(request, mode_name)


class OncePerParentMixin:
    """A page that stands once under its parent and has no children: the legal notice, the
    accessibility statement, the Leichte Sprache page. Put it before the page class."""

    subpage_types: list[str] = []
    max_count_per_parent = 1


def page_search_fields(*texts: str, filters: tuple[str, ...] = ()) -> list[index.BaseField]:
    """Wagtail's page search fields plus the page type's own ``texts`` and ``filters``."""
    own = [index.SearchField(name) for name in texts]
    return [*Page.search_fields, *own, *(index.FilterField(name) for name in filters)]


def related_prefetch(api_fields) -> list[str]:
    """What the related objects among ``api_fields`` load: each field's serializer declares
    its lookups (``SchemaField.prefetch``), relative to the field."""
    return [
        lookup
        for field in api_fields
        if getattr(field.serializer, "prefetch", ())
        for lookup in nested(field.name, field.serializer.prefetch)
    ]


class ContactFields(models.Model):
    """A contact person and/or a contact organisation (e.g. an office with a shared mailbox)."""

    contact_person = optional_link("wagtail_integration.Person", _("contact person"))
    contact_organisation = optional_link(
        "wagtail_integration.Organisation",
        _("contact office"),
        help_text=_(
            "An office or shared mailbox to contact, in addition to or instead of a person."
        ),
    )

    class Meta:
        abstract = True

    contact_api_fields = [
        APIField("contact_person", serializer=api.PersonField()),
        APIField("contact_organisation", serializer=api.OrganisationField()),
    ]
    contact_api_prefetch = related_prefetch(contact_api_fields)

    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("contact_person"), FieldPanel("contact_organisation")],
            heading=_("Contact"),
        )
    ]
