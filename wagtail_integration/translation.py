"""Translations of pages: whole trees with wagtail-localize, and the language links of a page.

``translate_page_tree`` submits a page, its subtree and the snippets they use to
wagtail-localize and fails loudly where wagtail-localize would skip a page silently.
``page_translations`` lists the live translations of a page for ``hreflang`` alternates and
the language switcher, from what the loading policy loaded with the page.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


class TranslationSkippedError(Exception):
    """Objects wagtail-localize did not translate; ``failures`` maps (object, language) to why."""

    def __init__(self, failures: dict[tuple[Any, str], str]):
        self.failures = failures
        lines = [f"{obj} (id {obj.pk}) → {code}: {why}" for (obj, code), why in failures.items()]
        super().__init__("Not translated:\n" + "\n".join(lines))


# Whether parents copied for a translation are published (``translate_page_tree(publish=True)``).
_publish_copied_parents = contextvars.ContextVar("wagtail_integration_publish", default=False)


def translate_page_tree(
    page: Page,
    locales: Iterable[Locale],
    user=None,
    include_subtree: bool = True,
    include_related_objects: bool = True,
    publish: bool = True,
):
    """Translate ``page`` (and its subtree) into ``locales``; ``publish=False`` for drafts.

    ``publish=True`` (the default, for code that fills the translations itself, such as
    machine translation in a data migration) publishes every translation at once, with the
    German text where segments are not translated yet; the admin's “Translate” creates
    drafts (see ``draft_new_translations``).

    Like the admin's “Translate this page” with “include subtree”, through
    ``wagtail_localize.operations.TranslationCreator``: missing strings fall back to the
    source text until translators fill them; the snippets the pages use are translated too
    (one level deep; a snippet's own related snippets stay in the source language until
    translated themselves).

    Unlike ``TranslationCreator``, nothing is skipped silently: a page or snippet whose
    translation fails validation raises ``TranslationSkippedError`` with the reason. Returns
    the creator (``seen_objects`` holds the translation keys of everything submitted).
    """
    from wagtail_localize.operations import TranslationCreator

    locales = list(locales)
    creator = TranslationCreator(user, locales)
    pages = (
        page.get_descendants(inclusive=True).specific().order_by("path")
        if include_subtree
        else [page.specific]
    )
    translation_keys = set()
    token = _publish_copied_parents.set(publish)
    try:
        for source in pages:  # parents first: a child's translation goes under its parent's
            creator.create_translations(source, include_related_objects=include_related_objects)
            translation_keys.add(source.translation_key)
    finally:
        _publish_copied_parents.reset(token)

    failures = {}
    for translation_source, translations in creator.mappings.items():
        for translation in translations:
            try:
                translation.get_target_instance()
            except ObjectDoesNotExist:
                obj = translation_source.get_source_instance()
                code = translation.target_locale.language_code
                failures[(obj, code)] = _translation_failure(translation)
    if failures:
        raise TranslationSkippedError(failures)

    # wagtail-localize publishes each page on commit, from a copy taken before its children
    # were added: within one transaction that copy's stale ``numchild`` would hide the
    # children (404). Recount once every publish of this transaction has run.
    translation_keys.update(page.get_ancestors().values_list("translation_key", flat=True))
    locale_ids = [locale.pk for locale in locales]
    if publish:
        transaction.on_commit(partial(_publish_drafts, creator.mappings))
    transaction.on_commit(partial(_recount_children, translation_keys, locale_ids))
    return creator


def _translation_failure(translation) -> str:
    """Why ``translation`` has no target (run again without suppressing the error)."""
    try:
        with transaction.atomic():
            translation.source.create_or_update_translation(
                translation.target_locale, fallback=True, copy_parent_pages=True
            )
    except ValidationError as error:
        return "; ".join(error.messages)
    except Exception as error:  # noqa: BLE001 - report whatever stopped it
        return f"{type(error).__name__}: {error}"
    return "not created"


def _publish_drafts(mappings) -> None:
    for translations in mappings.values():  # parents first
        for translation in translations:
            target = translation.get_target_instance()
            if isinstance(target, Page) and not target.live:
                target.get_latest_revision().publish()


def draft_new_translations() -> None:
    """New page translations start as drafts unless the host decided otherwise.

    wagtail-localize publishes a new translation when its source is live (with the source's
    text in every segment) unless ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` is
    ``False``; the package makes ``False`` the default.
    """
    if not hasattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE"):
        settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def parent_copied_for_translation(sender, instance, created=False, raw=False, **kwargs):
    """A parent page wagtail-localize copied for a translation becomes a draft translation.

    wagtail-localize creates missing parents as live aliases of the source: German text
    under the other language's URL and ``lang``, listed in ``hreflang`` and the sitemap.
    Once the copy is saved, it is submitted for translation itself and unpublished; it goes
    live when a translator publishes it, as any other translation.
    """
    if raw or not created or not isinstance(instance, Page) or not instance.alias_of_id:
        return
    source = Page.objects.filter(pk=instance.alias_of_id).only("locale_id").first()
    if source is None or source.locale_id == instance.locale_id:
        return  # an alias in the same language, not a translation
    if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True):
        return
    publish = _publish_copied_parents.get()
    transaction.on_commit(partial(_convert_copied_parent, instance, source.pk, publish))


def _convert_copied_parent(instance: Page, source_id: int, publish: bool) -> None:
    from wagtail_localize.operations import TranslationCreator

    alias = Page.objects.filter(pk=instance.pk).select_related("locale").first()
    source = Page.objects.filter(pk=source_id).first()
    if alias is None or source is None or not alias.alias_of_id:
        return
    alias_id = alias.pk
    old_url_path = alias.url_path
    TranslationCreator(None, [alias.locale]).create_translations(
        source.specific, include_related_objects=False
    )
    translation = Page.objects.get(pk=alias_id).specific
    if translation.url_path != old_url_path:
        # The translation may get another slug than the alias had; the pages already copied
        # below it must follow, or they have no URL.
        translation._update_descendant_url_paths(old_url_path, translation.url_path)
    if publish:
        if not translation.live or translation.has_unpublished_changes:
            translation.get_latest_revision().publish()
    elif translation.live:
        translation.unpublish()
    # Outside a transaction this runs at once, inside the alias's ``post_save``: Wagtail's copy
    # then goes on to use this very instance as the parent of the page it copies (treebeard
    # caches it as the child's parent), so it must carry the new slug and url_path too.
    instance.refresh_from_db()


def _recount_children(translation_keys: set, locale_ids: list[int]) -> None:
    for translated in Page.objects.filter(
        translation_key__in=translation_keys, locale_id__in=locale_ids
    ):
        count = Page.objects.filter(
            path__startswith=translated.path, depth=translated.depth + 1
        ).count()
        if count != translated.numchild:
            Page.objects.filter(pk=translated.pk).update(numchild=count)


@dataclass(frozen=True)
class PageTranslation:
    """One live language version of a page, for ``hreflang`` links and the switcher."""

    language_code: str
    name: str  # the language's own name, e.g. "Deutsch", "العربية"
    url: str
    full_url: str
    is_current: bool
    is_bidi: bool


def _language_order() -> dict[str, int]:
    codes = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])]
    return {code.lower(): index for index, code in enumerate(codes)}


def page_translations(page: Page | None, request=None) -> list[PageTranslation]:
    """The live, public language versions of ``page`` (itself included), in settings order.

    Read from the translations the loading policy loaded (``content.loading``): the HTML view
    loads them with the page, so the ``hreflang`` links and the switcher cost no query of
    their own; a page loaded without them costs one query, whatever the number of languages.
    URLs come from Wagtail's per-request cache of site root paths.
    """
    if page is None or not getattr(page, "translation_key", None):
        return []
    from .content.loading import live_translations

    versions = getattr(page, "_live_versions", None)
    if versions is None:
        versions = live_translations({page.translation_key})[page.translation_key]
    order = _language_order()
    result = []
    for translation in versions:
        url_parts = translation.get_url_parts(request=request)
        if url_parts is None:
            continue
        _site_id, root_url, page_path = url_parts
        if page_path is None:  # wagtail_serve not routed (headless)
            continue
        locale = translation.locale
        result.append(
            PageTranslation(
                language_code=locale.language_code,
                name=locale.get_display_name() or locale.language_code,
                url=page_path,
                full_url=root_url + page_path,
                is_current=translation.pk == page.pk,
                is_bidi=locale.is_bidi,
            )
        )
    result.sort(key=lambda item: order.get(item.language_code.lower(), len(order)))
    return result


def default_translation(translations: list[PageTranslation]) -> PageTranslation | None:
    """The version in the site's default language, for ``hreflang="x-default"``."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return next((item for item in translations if item.language_code == default), None)


def refuse_foreign_language_prefix(page, request, serve_args, serve_kwargs):
    """``before_serve_page``: a language prefix serves only pages in that language.

    Wagtail routes ``/en/…`` through the site root's translation in English and falls back
    to the German root when there is none, so ``/en/presse/feed/atom/`` would answer German
    content under an English URL. Such requests answer 404 until the translation exists.
    """
    from django.http import Http404
    from django.utils.translation import get_language_from_path

    prefix = get_language_from_path(request.path_info)
    if prefix is None:  # no language prefix: the default language's own URLs
        return None
    try:
        language = get_supported_content_language_variant(prefix)
    except LookupError:
        raise Http404 from None
    if language != page.locale.language_code:
        raise Http404
    return None
