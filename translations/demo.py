"""Demo provenance: reviewed, official and machine-translated pages, and a Spanish-only page.

Runs after the demo content (every translation is then recorded as "translated") and,
when they exist, after the demo people: the coordinator is the reviewer.
"""

from django.utils import timezone
from wagtail.models import Locale, Page

from home.demo.pages import ensure_child
from home.models import HomePage, StandardPage
from translations import provenance
from translations.models import Provenance

Status = Provenance.Status

# Spanish slug of a page -> {language: status} for its translations.
STATUSES = {
    "acerca-de": {"de": Status.REVIEWED, "en": Status.REVIEWED},
    "privacidad": {"de": Status.OFFICIAL, "en": Status.OFFICIAL},
    "recepcion-humanitaria-juarez": {"de": Status.MACHINE, "en": Status.REVIEWED},
}
SPANISH_ONLY = {
    "slug": "boletin-noviembre-2026",
    "title": "Boletín de la red: noviembre de 2026",
    "intro": (
        "Noticias de las organizaciones de la red: nuevos albergues en la frontera sur, "
        "el próximo diálogo sobre (re)integración laboral y una convocatoria para "
        "compartir buenas prácticas. Este boletín sólo se publica en español."
    ),
}
REVIEWER_EMAIL = "coordinacion@demo.puente.local"


def _record(page: Page, status: str, reviewer) -> None:
    reviewed = status in (Status.REVIEWED, Status.OFFICIAL) and reviewer is not None
    record = Provenance.objects.filter(page=page).first() or provenance.record_publication(page)
    if record is None or record.status == status:
        return
    record.status = status
    record.reviewed_by = reviewer if reviewed else None
    record.reviewed_at = timezone.now() if reviewed else None
    record.save()


def build() -> Page:
    """Set the demo's translation statuses; returns the Spanish-only page."""
    from members.models import User

    reviewer = User.objects.filter(email=REVIEWER_EMAIL).first()
    spanish = Locale.objects.get(language_code="es")
    for slug, statuses in STATUSES.items():
        source = Page.objects.filter(slug=slug, locale=spanish).first()
        if source is None:
            continue
        for code, status in statuses.items():
            translation = source.get_translation_or_none(Locale.objects.get(language_code=code))
            if translation is not None:
                _record(translation, status, reviewer)
    home = HomePage.objects.get(locale=spanish)
    fields = {k: v for k, v in SPANISH_ONLY.items() if k != "slug"}
    return ensure_child(home, StandardPage, SPANISH_ONLY["slug"], **fields)
