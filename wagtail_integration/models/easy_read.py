"""Leichte Sprache and German Sign Language on the start page (BITV 2.0 § 4, Anlage 2).
Prose is translated; data is synchronised between translations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..content.objects import DocumentOut, document_out
from ..content.serializers import schema_field
from ..review.models import ReviewDateMixin
from .base import PAGE_API_FIELDS, IntegrationPageMixin, OncePerParentMixin, page_search_fields
from .fields import RICH_TEXT_FEATURES, optional_link, prose

SignLanguageFileField = schema_field("SignLanguageFileField", DocumentOut, document_out, ())

VIDEO_EXTENSIONS = ("mp4", "webm")


class AbstractEasyReadPage(IntegrationPageMixin, ReviewDateMixin, Page):
    """The explanations BITV 2.0 § 4 (Anlage 2) asks for on the start page: a text in Leichte
    Sprache and a video in German Sign Language, with captions and a transcript."""

    page_description = _(
        "Explanations of the site in easy-to-read language (Leichte Sprache) and sign language."
    )

    easy_read_text = RichTextField(
        _("text in Leichte Sprache"),
        features=[*RICH_TEXT_FEATURES, "h2", "h3"],
        help_text=_(
            "What the site offers, how to find one's way around it, and where the "
            "accessibility statement and the feedback form are: in short sentences."
        ),
    )
    sign_language_video = optional_link(
        "wagtaildocs.Document",
        _("video in German Sign Language"),
        help_text=_("An MP4 or WebM file, served from this site (no third-party player)."),
    )
    sign_language_captions = optional_link(
        "wagtaildocs.Document",
        _("captions (WebVTT)"),
        help_text=_("A .vtt file with the captions of the video."),
    )
    sign_language_transcript = prose(_("transcript of the video"))

    search_fields = page_search_fields("easy_read_text")

    content_panels = Page.content_panels + [
        FieldPanel("easy_read_text"),
        MultiFieldPanel(
            [
                FieldPanel("sign_language_video"),
                FieldPanel("sign_language_captions"),
                FieldPanel("sign_language_transcript"),
            ],
            heading=_("German Sign Language"),
        ),
    ]

    api_fields = [
        APIField("easy_read_text"),
        APIField("sign_language_video", serializer=SignLanguageFileField()),
        APIField("sign_language_captions", serializer=SignLanguageFileField()),
        APIField("sign_language_transcript"),
        *PAGE_API_FIELDS,
    ]
    api_prefetch_related = ["sign_language_video", "sign_language_captions"]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        video, captions = self.sign_language_video, self.sign_language_captions
        if video is not None and video.file_extension.lower() not in VIDEO_EXTENSIONS:
            errors["sign_language_video"] = _("Choose a video file: MP4 or WebM.")
        if captions is not None and captions.file_extension.lower() != "vtt":
            errors["sign_language_captions"] = _("Choose a WebVTT file (.vtt).")
        if video is not None:
            if captions is None:
                errors.setdefault(
                    "sign_language_captions", _("A video needs captions (a .vtt file).")
                )
            if not (self.sign_language_transcript or "").strip():
                errors["sign_language_transcript"] = _("A video needs a transcript.")
        if errors:
            raise ValidationError(errors)


class EasyReadPage(OncePerParentMixin, AbstractEasyReadPage):
    class Meta:
        verbose_name = _("Leichte Sprache and sign language")
        verbose_name_plural = _("Leichte Sprache and sign language pages")
