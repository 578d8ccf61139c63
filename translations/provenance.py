"""The provenance of translated pages: recorded on publication, changed by editors.

A page is a translation when another page of its ``translation_key`` is its source:
the one wagtail-localize translates from, or else the oldest one (pages copied with
Wagtail's own "translate" action have no wagtail-localize source).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationSource

from kb import content_version
from translations.models import Provenance

Status = Provenance.Status


def source_of(page: Page) -> Page | None:
    """The page ``page`` was translated from; None when it is an original."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .order_by("created_at")
        .values_list("locale_id", flat=True)
        .first()
    )
    versions = Page.objects.filter(translation_key=page.translation_key)
    if source is not None:
        found = versions.filter(locale_id=source).first()
    else:
        found = versions.order_by("pk").first()
    return found if found is not None and found.pk != page.pk else None


def _has_machine_strings(page: Page, since=None) -> bool:
    strings = StringTranslation.objects.filter(
        context__object_id=page.translation_key,
        locale_id=page.locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    if since is not None:
        strings = strings.filter(updated_at__gt=since)
    return strings.exists()


def record_publication(page: Page) -> Provenance | None:
    """On publishing a translation: record it, as machine-made when machine strings are new."""
    source = source_of(page)
    if source is None:
        return None
    provenance = Provenance.objects.filter(page=page).first()
    if provenance is None:
        status = Status.MACHINE if _has_machine_strings(page) else Status.TRANSLATED
        return Provenance.objects.create(page=page, source_page=source, status=status)
    changed = provenance.source_page_id != source.pk
    provenance.source_page = source
    if provenance.status != Status.MACHINE and _has_machine_strings(page, provenance.reviewed_at):
        provenance.status, changed = Status.MACHINE, True
    if changed:
        provenance.save()
    return provenance


def mark_machine_translated(translation_key, locale_id) -> None:
    """A machine translated strings of this page: what readers see is machine-made again."""
    page = Page.objects.filter(translation_key=translation_key, locale_id=locale_id).first()
    if page is None:
        return
    updated = (
        Provenance.objects.filter(page=page)
        .exclude(status=Status.MACHINE)
        .update(status=Status.MACHINE, updated_at=timezone.now())
    )
    if updated:
        content_version.bump()  # an update sends no post_save: pages cache their labels
    elif not Provenance.objects.filter(page=page).exists():
        source = source_of(page)
        if source is not None:
            Provenance.objects.create(page=page, source_page=source, status=Status.MACHINE)


@transaction.atomic
def set_status(page: Page, status: str, *, by) -> Provenance:
    """Record an editor's verdict on a translation; reviewed and official versions name them."""
    if not page.permissions_for_user(by).can_edit():
        raise PermissionDenied
    source = source_of(page)
    if source is None:
        raise ValueError("An original page has no translation status.")
    provenance, _created = Provenance.objects.select_for_update().get_or_create(
        page=page, defaults={"source_page": source}
    )
    provenance.status = status
    provenance.source_page = source
    reviewed = status in (Status.REVIEWED, Status.OFFICIAL)
    provenance.reviewed_by = by if reviewed else None
    provenance.reviewed_at = timezone.now() if reviewed else None
    provenance.save()
    return provenance


def mark_reviewed(page: Page, *, by) -> Provenance:
    """``by`` has checked the translation against its original."""
    return set_status(page, Status.REVIEWED, by=by)
