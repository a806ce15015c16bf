"""Synchronised fields reach every translation when the source changes.

wagtail-localize copies synchronised fields (``SynchronizedField``) into a translation only
when that translation is created or saved again ("Sync translated pages", the translator's
*Publish*). Until then a changed phone number or founding year stays old in every other
language. Here the source's new values are written into its existing translations at once:

- snippets: when the source snippet is saved (published, for snippets with drafts);
- pages: when the source page is published.

Only synchronised fields are written; translated text is left alone, and so is a value a
translator overrode for one language in wagtail-localize's editor. For pages the live row,
the live revision and the latest draft revision get the new values, so neither the live
page nor a later publish of the translation brings the old value back. The stored
``TranslationSource`` gets the new values too: wagtail-localize copies synchronised fields
from it when a translation is published.
"""

from __future__ import annotations

import contextvars
import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import DraftStateMixin, Page, RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

_running = contextvars.ContextVar("wagtail_integration_translation_sync", default=False)


def synchronised_fields(model) -> list:
    """Model fields that wagtail-localize declares synchronised for ``model`` (editable ones)."""
    fields = []
    for translatable_field in get_translatable_fields(model):
        if not isinstance(translatable_field, SynchronizedField):
            continue
        field = translatable_field.get_field(model)
        if getattr(field, "editable", True) and not field.auto_created:
            fields.append(field)
    return fields


def _source_record(instance):
    """The ``TranslationSource`` of ``instance`` in its own locale, or ``None``."""
    from wagtail_localize.models import TranslationSource

    return (
        TranslationSource.objects.filter(
            object_id=instance.translation_key, locale_id=instance.locale_id
        )
        .select_related("object")
        .first()
    )


def _overridden_fields(source_record, locale_id, names) -> set[str]:
    """Synchronised fields a translator overrode for this locale (kept as they are)."""
    from wagtail_localize.models import SegmentOverride

    paths = SegmentOverride.objects.filter(
        context__object_id=source_record.object_id, locale_id=locale_id
    ).values_list("context__path", flat=True)
    return {name for name in names for path in paths if path.split(".")[0] == name}


def _serialised(instance) -> dict:
    if hasattr(instance, "serializable_data"):
        return instance.serializable_data()
    from modelcluster.models import get_serializable_data_for_fields

    return get_serializable_data_for_fields(instance)


def _patch_content(content: dict, data: dict, fields) -> dict:
    for field in fields:
        if field.name in data:
            value = data[field.name]
            # Full precision: DjangoJSONEncoder would cut a time to milliseconds, and a
            # translator's later publish would then write that cut value back.
            if isinstance(value, datetime.datetime | datetime.time):
                value = value.isoformat()
            content[field.name] = value
    return content


def _copy_values(source, target, fields) -> list[str]:
    """Set ``fields`` of ``target`` from ``source``; returns the names for ``update_fields``."""
    names = []
    for field in fields:
        if isinstance(field, ParentalManyToManyField | models.ManyToManyField):
            values = list(getattr(source, field.name).all())
            if isinstance(field, ParentalManyToManyField):
                setattr(target, field.name, values)
            else:  # plain many-to-many: written at once
                getattr(target, field.name).set(values)
                continue
        else:
            setattr(target, field.attname, getattr(source, field.attname))
        names.append(field.name)
    return names


def synchronise_translations(instance) -> int:
    """Write the synchronised fields of ``instance`` into its existing translations.

    ``instance`` is the source (the object a ``TranslationSource`` was made from, in its own
    locale); anything else is left alone. Returns the number of translations updated.
    """
    if _running.get() or not isinstance(instance, TranslatableMixin):
        return 0
    if isinstance(instance, Page):
        instance = instance.specific
    fields = synchronised_fields(type(instance))
    if not fields:
        return 0
    source_record = _source_record(instance)
    if source_record is None:  # never submitted for translation: no translations to follow it
        return 0
    token = _running.set(True)
    try:
        with transaction.atomic():
            data = _serialised(instance)
            content = json.loads(source_record.content_json)
            source_record.content_json = json.dumps(
                _patch_content(content, data, fields), cls=DjangoJSONEncoder
            )
            source_record.save(update_fields=["content_json"])
            source_record.refresh_segments()  # overridable segments show the new values
            # "Stop synced translation" made these manual translations: left alone.
            stopped = source_record.translations.filter(enabled=False).values("target_locale")
            translations = _translations_of(instance).exclude(locale__in=stopped)
            return sum(
                _update_translation(instance, translation, source_record, fields, data)
                for translation in translations
            )
    finally:
        _running.reset(token)


def _translations_of(instance):
    translations = type(instance).objects.filter(translation_key=instance.translation_key)
    translations = translations.exclude(pk=instance.pk)
    if isinstance(instance, Page):
        # Aliases follow their source through Wagtail itself.
        translations = translations.filter(alias_of__isnull=True)
    return translations


def _update_translation(source, translation, source_record, fields, data) -> int:
    names = {field.name for field in fields}
    kept = _overridden_fields(source_record, translation.locale_id, names)
    fields = [field for field in fields if field.name not in kept]
    if not fields:
        return 0
    update_fields = _copy_values(source, translation, fields)
    # Pages are saved as wagtail-localize saves them (no full_clean of the translation).
    translation.save(
        update_fields=update_fields, **({"clean": False} if isinstance(translation, Page) else {})
    )
    if isinstance(translation, RevisionMixin):
        revision_ids = {
            getattr(translation, "live_revision_id", None),
            translation.latest_revision_id,
        } - {None}
        for revision in translation.revisions.filter(pk__in=revision_ids):
            revision.content = _patch_content(dict(revision.content), data, fields)
            revision.save(update_fields=["content"])
    return 1


def _on_save(sender, instance, created=False, raw=False, **kwargs):
    # Pages and snippets with drafts follow on publish; a new object has no translations.
    if raw or created or isinstance(instance, Page | DraftStateMixin):
        return
    if isinstance(instance, TranslatableMixin):
        synchronise_translations(instance)


def _on_publish(sender, instance, **kwargs):
    synchronise_translations(instance)


def connect_signals() -> None:
    from django.db.models.signals import post_save
    from wagtail.signals import page_published, published

    post_save.connect(_on_save, dispatch_uid="wagtail_integration_sync_snippet_translations")
    page_published.connect(_on_publish, dispatch_uid="wagtail_integration_sync_page_translations")
    published.connect(_on_publish, dispatch_uid="wagtail_integration_sync_draft_translations")
