"""Record a translation's provenance when it is published or machine-translated; a
changed provenance raises the kb version, under which pages' translations are cached."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published
from wagtail_localize.models import StringTranslation

from kb import content_version
from translations import glossary, provenance
from translations.models import GlossaryEntry, Provenance


def _page_published(sender, instance, **kwargs):
    provenance.record_publication(instance)


def _string_translated(sender, instance, created, raw=False, **kwargs):
    # wagtail-localize sends no signal of its own when it machine-translates a page:
    # each string it fills in is saved with translation_type "machine".
    if raw or instance.translation_type != StringTranslation.TRANSLATION_TYPE_MACHINE:
        return
    if instance.context_id is None:
        return
    provenance.mark_machine_translated(instance.context.object_id, instance.locale_id)


def _provenance_changed(**kwargs):
    content_version.bump()


def connect() -> None:
    post_save.connect(_provenance_changed, sender=Provenance, dispatch_uid="provenance-saved")
    post_delete.connect(_provenance_changed, sender=Provenance, dispatch_uid="provenance-deleted")
    post_save.connect(glossary.forget, sender=GlossaryEntry, dispatch_uid="glossary-saved")
    post_delete.connect(glossary.forget, sender=GlossaryEntry, dispatch_uid="glossary-deleted")
    page_published.connect(_page_published, dispatch_uid="translations-provenance-published")
    post_save.connect(
        _string_translated,
        sender=StringTranslation,
        dispatch_uid="translations-provenance-machine-string",
    )
