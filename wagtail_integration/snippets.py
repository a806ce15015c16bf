"""Admin viewsets of the package's snippets: list columns, search and filters.

Search uses each model's own ``search_fields`` through the search backend; the viewsets set
no ``search_fields`` of their own, since Wagtail's SQLite backend cannot search named fields.

Registered in ``wagtail_hooks.py``; a host that wants other columns can unregister
nothing and instead subclass these viewsets and register its own.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .deletion import ReferencesDeleteView
from .models import Alert, Event, Funding, Organisation, Person, Topic


class IntegrationSnippetViewSet(SnippetViewSet):
    """The delete confirmation lists the fields of the pages that the deletion empties."""

    delete_view_class = ReferencesDeleteView
    delete_template_name = ReferencesDeleteView.template_name


class OrganisationViewSet(IntegrationSnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name", "short_name", "kind", "municipality", "email"]
    list_filter = ["kind", "municipality", "topics"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("kind")]),
        FieldPanel("unit"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("municipality"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]


class PersonViewSet(IntegrationSnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["full_name", "position", "organisation", "email"]
    list_filter = ["organisation"]
    panels = [
        FieldRowPanel(
            [FieldPanel("academic_title"), FieldPanel("first_name"), FieldPanel("last_name")]
        ),
        FieldPanel("position"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("building"), FieldPanel("room")]),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
            ],
            heading=_("Office"),
        ),
    ]


class FundingViewSet(IntegrationSnippetViewSet):
    model = Funding
    icon = "pick"
    menu_label = _("Funding")
    list_display = ["name", "funder", "attribution"]


class EventViewSet(IntegrationSnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Events")
    list_display = ["title", "kind", "start_date", "city"]
    list_filter = ["kind", "start_date"]
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("topic")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")], heading=_("Start")),
        FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")], heading=_("End")),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
            ],
            heading=_("Place"),
        ),
        FieldPanel("online_url"),
        FieldRowPanel([FieldPanel("lecturer"), FieldPanel("organiser")]),
        FieldPanel("registration_url"),
    ]


class TopicViewSet(IntegrationSnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name"]


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Alerts")
    list_display = ["title", "severity", "section", "starts_at", "ends_at"]
    list_filter = ["severity"]
    panels = [
        FieldPanel("severity"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("link_url"), FieldPanel("link_text")]),
        FieldPanel("section"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Shown")),
    ]


class IntegrationViewSetGroup(SnippetViewSetGroup):
    items = (
        OrganisationViewSet,
        PersonViewSet,
        EventViewSet,
        FundingViewSet,
        TopicViewSet,
        AlertViewSet,
    )
    menu_icon = "group"
    menu_label = _("Integration")
    menu_name = "wagtail_integration"
    # Further items of the submenu (the organisation import) register with this hook.
    submenu_hook = "register_wagtail_integration_menu_item"
