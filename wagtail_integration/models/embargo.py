"""Preview links for journalists: a press release under embargo, read before its time.

A link carries a random token; only its SHA-256 hash is stored, so the database alone
cannot open a release. Links expire, can be revoked, and every use is logged.
"""

from __future__ import annotations

import datetime
import hashlib
import ipaddress
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..conf import integration_settings
from .fields import optional_link, text_line

USER_AGENT_LENGTH = 200


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def truncate_ip(value: str | None) -> str:
    """The network, not the person: IPv4 to /24, IPv6 to /48 (``""`` when unreadable)."""
    try:
        address = ipaddress.ip_address((value or "").strip())
    except ValueError:
        return ""
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def default_expiry() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=integration_settings.PRESS_PREVIEW_LINK_DAYS)


class PressPreviewLink(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    recipient = text_line(
        _("recipient"),
        max_length=200,
        required=True,
        help_text=_("Who gets the link, e.g. an editorial office; shown in the access log."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"), default=default_expiry)
    revoked = models.BooleanField(
        _("revoked"), default=False, help_text=_("A revoked link opens nothing any more.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = optional_link(settings.AUTH_USER_MODEL, _("created by"), editable=False)

    class Meta:
        verbose_name = _("press preview link")
        verbose_name_plural = _("press preview links")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.recipient} – {self.page.title}"

    def issue_token(self) -> str:
        """A new token for this link (the old one stops working); the caller shows it once."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    @classmethod
    def find(cls, token: str) -> PressPreviewLink | None:
        if not token or len(token) > 100:
            return None
        return cls.objects.select_related("page").filter(token_hash=hash_token(token)).first()

    def refusal(self, now: datetime.datetime | None = None) -> str | None:
        """Why the link opens nothing (``"revoked"``, ``"expired"``), or None."""
        if self.revoked:
            return "revoked"
        if self.expires_at <= (now or timezone.now()):
            return "expired"
        return None

    @property
    def is_usable(self) -> bool:
        return self.refusal() is None


class PressPreviewAccess(models.Model):
    """One use of a preview link, refused uses included."""

    link = models.ForeignKey(
        PressPreviewLink,
        verbose_name=_("preview link"),
        on_delete=models.CASCADE,
        related_name="accesses",
    )
    accessed_at = models.DateTimeField(_("accessed at"), auto_now_add=True)
    ip_network = text_line(_("network"), max_length=50)
    user_agent = text_line(_("user agent"), max_length=USER_AGENT_LENGTH)
    outcome = text_line(_("outcome"), max_length=20, required=True)

    class Meta:
        verbose_name = _("press preview access")
        verbose_name_plural = _("press preview accesses")
        ordering = ["-accessed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.link_id} {self.accessed_at:%Y-%m-%d %H:%M} {self.outcome}"

    @classmethod
    def log(cls, link: PressPreviewLink, request, outcome: str) -> PressPreviewAccess:
        agent = request.META.get("HTTP_USER_AGENT", "")
        return cls.objects.create(
            link=link,
            ip_network=truncate_ip(request.META.get("REMOTE_ADDR")),
            user_agent="".join(ch for ch in agent if ch.isprintable())[:USER_AGENT_LENGTH],
            outcome=outcome,
        )
