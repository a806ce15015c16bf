"""Content locales from the settings, in one step (``wagtail_integration_locales``).

After ``migrate`` Wagtail has one locale, named after ``LANGUAGE_CODE`` at the time of the
first migration. A site first migrated with ``LANGUAGE_CODE = "en-us"`` keeps an ``en-us``
locale for its German pages after switching to ``"de"``: they render ``lang="en"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page


class LocaleSetupError(Exception):
    """The locales cannot be set up without a decision (the message says which)."""


@dataclass
class LocaleReport:
    created: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    unknown: dict[str, int] = field(default_factory=dict)  # code → number of pages


def default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


@transaction.atomic
def set_up_locales(rename: dict[str, str] | None = None) -> LocaleReport:
    """Create a locale for every ``WAGTAIL_CONTENT_LANGUAGES`` entry; rename old codes.

    ``rename`` maps an existing locale's code to a content language (``{"en-us": "de"}``).
    Without it, a default language that has no locale while another locale outside the
    content languages holds the pages raises ``LocaleSetupError`` naming the fix, instead
    of creating an empty German locale beside the German pages.
    """
    report = LocaleReport()
    languages = list(get_content_languages())
    default = default_language()
    for old, new in (rename or {}).items():
        if new not in languages:
            raise LocaleSetupError(f"“{new}” is not in WAGTAIL_CONTENT_LANGUAGES.")
        locale = Locale.objects.filter(language_code=old).first()
        if locale is None:
            raise LocaleSetupError(f"There is no locale “{old}” to rename.")
        target = Locale.objects.filter(language_code=new).first()
        if target is not None:
            if Page.objects.filter(locale=target).exists():
                raise LocaleSetupError(
                    f"A locale “{new}” with pages exists already; move or delete its pages "
                    f"before renaming “{old}”."
                )
            target.delete()  # empty: created by hand or by an earlier run
        locale.language_code = new
        locale.save(update_fields=["language_code"])
        report.renamed.append((old, new))

    existing = set(Locale.objects.values_list("language_code", flat=True))
    for code in existing - set(languages):
        report.unknown[code] = Page.objects.filter(locale__language_code=code).count()
    if default not in existing and report.unknown:
        old = max(report.unknown, key=report.unknown.get)
        raise LocaleSetupError(
            f"The default language “{default}” (LANGUAGE_CODE) has no locale, but locale "
            f"“{old}” holds {report.unknown[old]} pages: the site was first migrated with "
            f"another LANGUAGE_CODE. If those pages are in “{default}”, rename the locale: "
            f"manage.py wagtail_integration_locales --rename {old}={default}"
        )
    for code in languages:
        if code in existing or code in dict(report.renamed).values():
            report.present.append(code)
        else:
            Locale.objects.create(language_code=code)
            report.created.append(code)
    return report
