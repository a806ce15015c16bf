"""Admin viewsets of the package's snippets: list columns, search and filters.

Search uses each model's own ``search_fields`` through the search backend; the viewsets set
no ``search_fields`` of their own, since Wagtail's SQLite backend cannot search named fields.

Registered in ``wagtail_hooks.py``; a host that wants other columns can unregister
nothing and instead subclass these viewsets and register its own.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, get_form_for_model
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetCreateView,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .deletion import ReferencesDeleteView
from .models import Alert, Event, Funding, Organisation, Person, Topic
from .models.fields import ADDRESS_PANELS, PHONE_PANEL


class CreationInEditingLocale:
    """The chooser's "Create" tab: an admin form of the viewset's ``form_fields``, whose
    object is created in the locale of the page being edited.

    Wagtail opens a chooser with ``?locale=<code of the edited page>``; the create form's
    address carries it on, so a person created while editing an English page is an English
    person (a source object of its own for wagtail-localize, as if made in the snippet admin).
    """

    def get_creation_form_class(self):
        if self.form_fields is None:
            return super().get_creation_form_class()
        # Admin widgets (date picker) and the model's own validation, as in the snippet admin.
        return get_form_for_model(
            self.model_class, form_class=WagtailAdminModelForm, fields=self.form_fields
        )

    def get_create_url(self):
        url = super().get_create_url()
        code = self.request.GET.get("locale")
        if code:
            url += ("&" if "?" in url else "?") + urlencode({"locale": code})
        return url


class IntegrationChooseView(CreationInEditingLocale, ChooseView):
    pass


class IntegrationChooseResultsView(CreationInEditingLocale, ChooseResultsView):
    pass


class IntegrationCreateView(CreationInEditingLocale, SnippetCreateView):
    def post(self, request):
        self.form = self.get_creation_form()
        code = request.GET.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else None
        if not self.form.is_valid() or (code and locale is None):
            if code and locale is None:
                self.form.add_error(
                    None, _("There is no language “%(code)s” on this site.") % {"code": code}
                )
            return self.get_reshow_creation_form_response()
        if locale is not None:
            self.form.instance.locale = locale
        with transaction.atomic():
            instance = self.form.save()
            log(instance=instance, action="wagtail.create", user=request.user)
        return self.get_chosen_response(instance)


class CreatingChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser with a "Create" tab for ``form_fields`` (the required fields).

    The tab and the create view need the model's add permission, as in the snippet admin.
    """

    choose_view_class = IntegrationChooseView
    choose_results_view_class = IntegrationChooseResultsView
    create_view_class = IntegrationCreateView


def creating_chooser(model, fields: list[str]) -> type[CreatingChooserViewSet]:
    return type(
        f"{model.__name__}ChooserViewSet", (CreatingChooserViewSet,), {"form_fields": fields}
    )


class IntegrationSnippetViewSet(SnippetViewSet):
    """The delete confirmation lists the fields of the pages that the deletion empties."""

    delete_view_class = ReferencesDeleteView
    delete_template_name = ReferencesDeleteView.template_name


class OrganisationViewSet(IntegrationSnippetViewSet):
    model = Organisation
    icon = "site"
    chooser_viewset_class = creating_chooser(Organisation, ["name", "kind"])
    menu_label = _("Organisations")
    list_display = ["name", "short_name", "kind", "municipality", "email"]
    list_filter = ["kind", "municipality", "topics"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("kind")]),
        FieldPanel("unit"),
        MultiFieldPanel([*ADDRESS_PANELS, FieldPanel("municipality")], heading=_("Address")),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), PHONE_PANEL], heading=_("Contact")
        ),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("review_by"),
    ]


class PersonViewSet(IntegrationSnippetViewSet):
    model = Person
    icon = "user"
    chooser_viewset_class = creating_chooser(Person, ["first_name", "last_name"])
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
        MultiFieldPanel([FieldPanel("email"), PHONE_PANEL], heading=_("Contact")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("building"), FieldPanel("room")]), *ADDRESS_PANELS],
            heading=_("Office"),
        ),
        FieldPanel("review_by"),
    ]


class FundingViewSet(IntegrationSnippetViewSet):
    model = Funding
    icon = "pick"
    chooser_viewset_class = creating_chooser(Funding, ["name"])
    menu_label = _("Funding")
    list_display = ["name", "funder", "attribution"]


class EventViewSet(IntegrationSnippetViewSet):
    model = Event
    icon = "date"
    chooser_viewset_class = creating_chooser(Event, ["title", "kind", "start_date"])
    menu_label = _("Events")
    list_display = ["title", "kind", "start_date", "city"]
    list_filter = ["kind", "start_date"]
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("topic")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")], heading=_("Start")),
        FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")], heading=_("End")),
        MultiFieldPanel([FieldPanel("venue"), *ADDRESS_PANELS], heading=_("Place")),
        FieldPanel("online_url"),
        FieldRowPanel([FieldPanel("lecturer"), FieldPanel("organiser")]),
        FieldPanel("registration_url"),
    ]


class TopicViewSet(IntegrationSnippetViewSet):
    model = Topic
    icon = "tag"
    chooser_viewset_class = creating_chooser(Topic, ["name"])
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
