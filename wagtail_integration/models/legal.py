"""What a German public body's website must publish: the accessibility statement (BITV 2.0,
EU model statement of Implementing Decision (EU) 2018/1523) with its feedback form here; the
legal notice (Impressum, § 5 DDG and § 18 (2) MStV) in ``impressum``, the Leichte Sprache and
sign-language page (BITV 2.0 § 4) in ``easy_read``; both stay importable from here.

Prose is translated; data (dates, addresses, e-mail addresses, numbers, choices) is
synchronised between translations.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from ..blocks.base import optional_text
from ..duties import api as duties_api
from ..duties.enforcement import ENFORCEMENT_BODY_CHOICES, OTHER
from ..review.models import ReviewDateMixin
from .base import (
    PAGE_API_FIELDS,
    IntegrationPageMixin,
    OncePerParentMixin,
    page_search_fields,
)
from .fields import phone_field, prose, reject_line_breaks, stream, synchronised, text_line


class NonAccessibleContentBlock(blocks.StructBlock):
    """One item of the model statement's list: what, why, and the accessible alternative."""

    REASONS = [
        ("non_compliance", _("Not compliant with the requirements (BITV 2.0)")),
        ("disproportionate_burden", _("Disproportionate burden")),
        ("out_of_scope", _("Not within the scope of the applicable legislation")),
    ]

    content = blocks.CharBlock(
        label=_("content that is not accessible"),
        max_length=500,
        help_text=_("e.g. “The PDF forms of the registration office have no tags.”"),
    )
    reason = blocks.ChoiceBlock(choices=REASONS, label=_("reason"))
    explanation = blocks.TextBlock(
        label=_("explanation"),
        required=False,
        help_text=_("Which requirement is not met, or why fixing it would be disproportionate."),
    )
    alternative = blocks.TextBlock(
        label=_("accessible alternative"),
        help_text=_("How people can get this content in another way, e.g. by phone or e-mail."),
    )
    planned_fix = optional_text(
        _("planned fix"),
        help_text=_("e.g. “New forms by the end of 2027.”"),
    )

    class Meta:
        icon = "warning"
        label = _("content that is not accessible")

    def get_api_representation(self, value, context=None):
        return duties_api.dump(duties_api.non_accessible_item_out(value))


class AbstractAccessibilityStatementPage(IntegrationPageMixin, ReviewDateMixin, Page):
    """Erklärung zur Barrierefreiheit, following the EU model statement and BITV 2.0."""

    page_description = _(
        "The accessibility statement (Erklärung zur Barrierefreiheit) required of public "
        "bodies, with feedback contact and enforcement procedure."
    )

    class Conformance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NOT = "not", _("not compliant")

    class Method(models.TextChoices):
        SELF = "self_assessment", _("self-assessment")
        THIRD_PARTY = "third_party", _("assessment by a third party")

    scope = prose(
        _("scope"),
        help_text=_("Which website or app the statement covers, e.g. “www.example.de”."),
    )
    conformance_status = models.CharField(
        _("conformance status"), max_length=20, choices=Conformance.choices
    )
    standard = models.CharField(
        _("standard"),
        max_length=255,
        default="BITV 2.0, EN 301 549 / WCAG 2.1 AA",
        help_text=_("The requirements the content was checked against."),
    )
    non_accessible_content = stream(
        [("item", NonAccessibleContentBlock())], _("content that is not accessible")
    )
    prepared_on = models.DateField(_("statement prepared on"))
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    method = models.CharField(
        _("how the statement was prepared"),
        max_length=30,
        choices=Method.choices,
        default=Method.SELF,
    )
    method_note = text_line(
        _("about the assessment"),
        help_text=_("e.g. the name of the testing organisation or the test procedure used."),
    )
    feedback_introduction = prose(
        _("feedback introduction"),
        help_text=_("Shown above the feedback form."),
    )
    feedback_email = models.EmailField(
        _("feedback e-mail address"),
        blank=True,
        help_text=_(
            "Shown as a way of contact and receives the form's messages unless the site "
            "setting ACCESSIBILITY_FEEDBACK_EMAIL names another address."
        ),
    )
    feedback_phone = phone_field(_("feedback phone"))
    enforcement_body = models.CharField(
        _("conciliation body"),
        max_length=20,
        choices=ENFORCEMENT_BODY_CHOICES,
        help_text=_(
            "The federal conciliation body for federal bodies; for Länder and municipalities "
            "the body of their Land. Choose “another body” and fill in the fields below when "
            "yours is not listed; filled fields also replace the stated contact."
        ),
    )
    enforcement_name = text_line(_("name of the body"))
    enforcement_address = models.TextField(_("postal address"), blank=True)
    enforcement_email = models.EmailField(_("e-mail address"), blank=True)
    enforcement_phone = phone_field(_("phone"))
    enforcement_url = models.URLField(_("website"), blank=True)

    override_translatable_fields = synchronised(
        "conformance_status",
        "prepared_on",
        "last_reviewed_on",
        "method",
        "feedback_email",
        "feedback_phone",
        "enforcement_body",
        "enforcement_email",
        "enforcement_phone",
        "enforcement_url",
    )

    search_fields = page_search_fields("scope")

    content_panels = Page.content_panels + [
        FieldPanel("scope"),
        MultiFieldPanel(
            [FieldPanel("conformance_status"), FieldPanel("standard")],
            heading=_("Conformance status"),
        ),
        FieldPanel("non_accessible_content"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("last_reviewed_on")]),
                FieldPanel("method"),
                FieldPanel("method_note"),
            ],
            heading=_("Preparation of this statement"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("feedback_introduction"),
                FieldRowPanel([FieldPanel("feedback_email"), FieldPanel("feedback_phone")]),
            ],
            heading=_("Feedback and contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("enforcement_body"),
                FieldPanel("enforcement_name"),
                FieldPanel("enforcement_address"),
                FieldRowPanel([FieldPanel("enforcement_email"), FieldPanel("enforcement_phone")]),
                FieldPanel("enforcement_url"),
            ],
            heading=_("Enforcement procedure"),
        ),
    ]

    api_fields = [
        APIField("scope"),
        APIField("conformance_status"),
        APIField("standard"),
        APIField("non_accessible_content", serializer=duties_api.NonAccessibleContentField()),
        APIField("prepared_on"),
        APIField("last_reviewed_on"),
        APIField("method"),
        APIField("method_note"),
        APIField("feedback_introduction"),
        APIField("feedback_email"),
        APIField("feedback_phone"),
        APIField("enforcement", serializer=duties_api.EnforcementField()),
        *PAGE_API_FIELDS,
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        reject_line_breaks(self, ["method_note", "enforcement_name", "feedback_phone"])
        errors = {}
        if self.last_reviewed_on and self.prepared_on and self.last_reviewed_on < self.prepared_on:
            errors["last_reviewed_on"] = _("The review cannot be before the statement.")
        if self.conformance_status in (self.Conformance.PARTIAL, self.Conformance.NOT) and not (
            self.non_accessible_content
        ):
            errors["non_accessible_content"] = _(
                "Name the content that is not accessible, with the reason and the alternative."
            )
        if self.enforcement_body == OTHER:
            if not self.enforcement_name:
                errors["enforcement_name"] = _("Name the conciliation body.")
            if not (self.enforcement_email or self.enforcement_url or self.enforcement_address):
                errors["enforcement_address"] = _(
                    "Give at least one way to reach the body: address, e-mail or website."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def enforcement(self):
        return duties_api.enforcement_out(self)

    def feedback_recipient(self) -> str:
        from ..conf import integration_settings

        return integration_settings.ACCESSIBILITY_FEEDBACK_EMAIL or self.feedback_email

    def serve(self, request, *args, **kwargs):
        from ..duties.feedback import FeedbackForm, new_token, store_and_mail

        if request.method == "POST":
            form = FeedbackForm(request.POST)
            if form.is_valid():
                if not form.is_spam:
                    store_and_mail(self, form, request)
                return redirect(self.get_url(request) + "?feedback=sent#feedback")
        else:
            form = FeedbackForm()
        context = self.get_context(request, *args, **kwargs)
        context["feedback_form"] = form
        context["feedback_token"] = new_token()
        context["feedback_sent"] = request.GET.get("feedback") == "sent"
        response = TemplateResponse(
            request, self.get_template(request, *args, **kwargs), context, status=200
        )
        # The form carries a CSRF token and a signed time: no shared cache may keep them.
        add_never_cache_headers(response)
        return response


class AccessibilityStatementPage(OncePerParentMixin, AbstractAccessibilityStatementPage):
    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")


class AccessibilityFeedback(models.Model):
    """One message sent with a statement's feedback form (kept; also mailed)."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("statement"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = text_line(_("language"), max_length=20)
    name = text_line(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    content_url = models.URLField(_("page concerned"), max_length=500, blank=True)
    message = models.TextField(_("message"))
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    mailed = models.BooleanField(_("mailed"), default=False)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self) -> str:
        first_line = self.message.strip().splitlines()[0] if self.message.strip() else ""
        return first_line[:80]


# Split by purpose; these names stay importable from ``models.legal``.
from .easy_read import (  # noqa: E402
    VIDEO_EXTENSIONS,
    AbstractEasyReadPage,
    EasyReadPage,
    SignLanguageFileField,
)
from .impressum import AbstractImpressumPage, ImpressumPage, vat_id_validator  # noqa: E402

__all__ = [
    "VIDEO_EXTENSIONS",
    "AbstractAccessibilityStatementPage",
    "AbstractEasyReadPage",
    "AbstractImpressumPage",
    "AccessibilityFeedback",
    "AccessibilityStatementPage",
    "EasyReadPage",
    "ImpressumPage",
    "NonAccessibleContentBlock",
    "SignLanguageFileField",
    "vat_id_validator",
]
