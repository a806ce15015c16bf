"""The legal notice (Impressum): provider details under § 5 DDG and the person responsible
under § 18 (2) MStV. Prose is translated; data is synchronised between translations."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from ..review.models import ReviewDateMixin
from .base import PAGE_API_FIELDS, IntegrationPageMixin, OncePerParentMixin
from .fields import (
    AddressFields,
    PhoneFields,
    postcode_validator,
    prose,
    reject_line_breaks,
    synchronised,
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

    provider_name = models.CharField(
        _("name of the body"),
        max_length=255,
        help_text=_("e.g. “Kreis Steinfurt”; with its legal form if it is not obvious."),
    )
    legal_form = models.CharField(
        _("legal form"),
        max_length=255,
        blank=True,
        help_text=_("e.g. “Körperschaft des öffentlichen Rechts”."),
    )
    unit = models.CharField(_("unit"), max_length=255, blank=True)
    represented_by = models.CharField(
        _("represented by"),
        max_length=255,
        help_text=_("Who represents the body, e.g. “the Landrat” with the name."),
    )
    street = models.CharField(_("street and number"), max_length=255)
    postcode = models.CharField(
        _("postcode"),
        max_length=10,
        validators=[postcode_validator],
    )
    city = models.CharField(_("city"), max_length=255)
    email = models.EmailField(_("e-mail address"))
    contact_form_url = models.URLField(_("contact form"), blank=True)
    supervisory_authority = models.CharField(
        _("supervisory authority"),
        max_length=255,
        blank=True,
        help_text=_("e.g. the Bezirksregierung as the authority supervising a Kreis."),
    )
    supervisory_authority_address = models.TextField(
        _("address of the supervisory authority"), blank=True
    )
    vat_id = models.CharField(
        _("VAT identification number"),
        max_length=11,
        blank=True,
        validators=[vat_id_validator],
        help_text=_("USt-IdNr., where the body has one (§ 27a UStG)."),
    )
    register_entry = models.CharField(
        _("register entry"),
        max_length=255,
        blank=True,
        help_text=_("Register and number, e.g. for an association or a company."),
    )
    editor_name = models.CharField(
        _("responsible for the content"),
        max_length=255,
        help_text=_("The person responsible for editorial content under § 18 (2) MStV."),
    )
    editor_address = models.CharField(
        _("address of the person responsible"),
        max_length=255,
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
        MultiFieldPanel(
            [FieldPanel("street"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")])],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldPanel("contact_form_url"),
            ],
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
