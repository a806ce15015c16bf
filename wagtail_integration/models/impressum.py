"""The legal notice (Impressum): provider details under § 5 DDG and the person responsible
under § 18 (2) MStV. Prose is translated; data is synchronised between translations."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from ..review.models import ReviewDateMixin
from .base import PAGE_API_FIELDS, IntegrationPageMixin, OncePerParentMixin
from .fields import (
    ADDRESS_PANELS,
    PHONE_PANEL,
    AddressFields,
    PhoneFields,
    postcode_validator,
    prose,
    reject_line_breaks,
    synchronised,
    text_line,
)

vat_id_validator = RegexValidator(
    r"^DE[0-9]{9}$", _("Enter a German VAT identification number: DE and nine digits.")
)


class AbstractImpressumPage(IntegrationPageMixin, PhoneFields, ReviewDateMixin, Page):
    """Impressum: provider details under § 5 DDG and the person responsible under § 18 (2)
    MStV."""

    page_description = _(
        "The legal notice (Impressum): provider, representatives, contact and supervisory "
        "authority."
    )

    provider_name = text_line(
        _("name of the body"),
        required=True,
        help_text=_("e.g. “Kreis Steinfurt”; with its legal form if it is not obvious."),
    )
    legal_form = text_line(
        _("legal form"), help_text=_("e.g. “Körperschaft des öffentlichen Rechts”.")
    )
    unit = text_line(_("unit"))
    represented_by = text_line(
        _("represented by"),
        required=True,
        help_text=_("Who represents the body, e.g. “the Landrat” with the name."),
    )
    street = text_line(_("street and number"), required=True)
    postcode = text_line(
        _("postcode"), max_length=10, required=True, validators=[postcode_validator]
    )
    city = text_line(_("city"), required=True)
    email = models.EmailField(_("e-mail address"))
    contact_form_url = models.URLField(_("contact form"), blank=True)
    supervisory_authority = text_line(
        _("supervisory authority"),
        help_text=_("e.g. the Bezirksregierung as the authority supervising a Kreis."),
    )
    supervisory_authority_address = models.TextField(
        _("address of the supervisory authority"), blank=True
    )
    vat_id = text_line(
        _("VAT identification number"),
        max_length=11,
        validators=[vat_id_validator],
        help_text=_("USt-IdNr., where the body has one (§ 27a UStG)."),
    )
    register_entry = text_line(
        _("register entry"),
        help_text=_("Register and number, e.g. for an association or a company."),
    )
    editor_name = text_line(
        _("responsible for the content"),
        required=True,
        help_text=_("The person responsible for editorial content under § 18 (2) MStV."),
    )
    editor_address = text_line(
        _("address of the person responsible"),
        required=True,
        help_text=_("Street, postcode and city, e.g. the body's address."),
    )
    further_information = prose(
        _("further information"),
        help_text=_("e.g. notes on liability for links or on the images used."),
    )

    override_translatable_fields = synchronised(
        "provider_name",
        "street",
        "postcode",
        "city",
        "email",
        "phone",
        "fax",
        "contact_form_url",
        "vat_id",
        "register_entry",
        "editor_name",
        "editor_address",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("provider_name"),
                FieldPanel("legal_form"),
                FieldPanel("unit"),
                FieldPanel("represented_by"),
            ],
            heading=_("Provider"),
        ),
        MultiFieldPanel(ADDRESS_PANELS, heading=_("Address")),
        MultiFieldPanel(
            [FieldPanel("email"), PHONE_PANEL, FieldPanel("contact_form_url")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("supervisory_authority"), FieldPanel("supervisory_authority_address")],
            heading=_("Supervisory authority"),
        ),
        MultiFieldPanel(
            [FieldPanel("vat_id"), FieldPanel("register_entry")],
            heading=_("Identification numbers"),
        ),
        MultiFieldPanel(
            [FieldPanel("editor_name"), FieldPanel("editor_address")],
            heading=_("Responsible for the content (§ 18 (2) MStV)"),
        ),
        FieldPanel("further_information"),
    ]

    api_fields = [
        APIField("provider_name"),
        APIField("legal_form"),
        APIField("unit"),
        APIField("represented_by"),
        APIField("street"),
        APIField("postcode"),
        APIField("city"),
        APIField("email"),
        APIField("phone"),
        APIField("fax"),
        APIField("contact_form_url"),
        APIField("supervisory_authority"),
        APIField("supervisory_authority_address"),
        APIField("vat_id"),
        APIField("register_entry"),
        APIField("editor_name"),
        APIField("editor_address"),
        APIField("further_information"),
        *PAGE_API_FIELDS,
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        reject_line_breaks(
            self,
            [
                "provider_name",
                "legal_form",
                "unit",
                "represented_by",
                "street",
                "city",
                "phone",
                "fax",
                "supervisory_authority",
                "vat_id",
                "register_entry",
                "editor_name",
                "editor_address",
            ],
        )

    address_lines = AddressFields.address_lines  # street; postcode and city


class ImpressumPage(OncePerParentMixin, AbstractImpressumPage):
    class Meta:
        verbose_name = _("legal notice (Impressum)")
        verbose_name_plural = _("legal notices (Impressum)")
