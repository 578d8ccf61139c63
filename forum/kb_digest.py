"""The knowledge base's open consultations, as a section of the forum digest."""

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def open_consultations(user) -> dict | None:
    """Policy positions open for comments, with their deadlines, for those who take part
    in consultations (``kb.consultation.is_member``); in the current language."""
    from kb import consultation
    from kb.models import Consultation

    if not consultation.is_member(user):
        return None
    language = get_language()
    items = []
    for open_one in Consultation.open_ones().select_related("position").order_by("deadline"):
        page = open_one.position
        localised = (
            page.get_translations(inclusive=True)
            .live()
            .filter(locale__language_code=language)
            .first()
            or page
        )
        url = localised.get_full_url()
        if not url:
            continue
        label = _("%(title)s — until %(deadline)s") % {
            "title": localised.title,
            "deadline": date_format(open_one.deadline, "SHORT_DATE_FORMAT"),
        }
        items.append((label, url))
    return {"title": _("Open consultations"), "items": items}
