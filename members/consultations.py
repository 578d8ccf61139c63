"""Consultations on policy positions, as the site runs them: a forum topic and a start panel."""

import logging

from django.db.models import Q
from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from forum import posting
from forum.models import CategoryPage, Topic
from kb.models import Consultation
from members import emails, permissions
from members.conf import consultation_category
from members.models import Membership, OrganisationRole

logger = logging.getLogger(__name__)


def _category():
    return CategoryPage.objects.live().filter(slug=consultation_category()).order_by("pk").first()


def open_discussion(consultation) -> str:
    """The forum topic where members comment on the draft: the position's topic if it has
    one, else a new one in the consultation category. Returns its URL ("" if none)."""
    position = consultation.position
    topic = Topic.objects.filter(kb_page__translation_key=position.translation_key).first()
    if topic is None:
        category = _category()
        if category is None:
            logger.warning("No forum category %r for consultations", consultation_category())
            return ""
        with translation.override(position.locale.language_code):
            source = _(
                "The draft policy position “%(title)s” is open for comments until %(deadline)s: "
                "%(url)s\n\nComment on the draft here; to discuss one recommendation, link to it."
            ) % {
                "title": position.title,
                "deadline": consultation.deadline.isoformat(),
                "url": position.full_url or position.url or "",
            }
            topic = posting.create_topic(
                category,
                author=consultation.opened_by,
                title=(_("Consultation: %(title)s") % {"title": position.title})[:200],
                source=source,
                language=position.locale.language_code,
                kb_page=position,
            )
    category = topic.category.specific
    if category.url is None:  # not under any site
        return ""
    try:
        return category.topic_url(topic)
    except NoReverseMatch:
        return ""


def start_panel(request):
    """Open consultations and their deadlines, for the members' start page."""
    if not permissions.is_member(request.user):
        return None
    language = translation.get_language()
    rows = []
    for consultation in Consultation.open_ones().select_related("position").order_by("deadline"):
        page = consultation.position
        localised = (
            page.get_translations(inclusive=True).filter(locale__language_code=language).first()
            or page
        )
        label = _("%(title)s — until %(deadline)s") % {
            "title": localised.title,
            "deadline": date_format(consultation.deadline, "SHORT_DATE_FORMAT"),
        }
        rows.append((label, localised.url))
    if not rows:
        return None
    return {
        "title": _("Open consultations"),
        "text": _("Policy positions the network is consulting on, with their deadlines."),
        "links": rows,
    }


def _deciders(organisations):
    """Active people who decide for these organisations: their admins and those they
    authorised (``Membership.may_endorse``), each with the organisation's key."""
    keys = [o.translation_key for o in organisations]
    return (
        Membership.objects.filter(organisation__translation_key__in=keys, user__is_active=True)
        .filter(Q(role=OrganisationRole.ADMIN) | Q(may_endorse=True))
        .select_related("user", "organisation")
        .order_by("pk")
    )


def ask_to_confirm(version, organisations) -> None:
    """Email the people who decide for ``organisations`` (which signed the previous
    version) that version N was adopted and their signature waits for confirmation."""
    position = version.position
    family = {p.locale.language_code: p for p in position.get_translations(inclusive=True)}
    titles = {o.translation_key: o.title for o in organisations}
    for membership in _deciders(organisations):
        person = membership.user
        language = emails.language_for(person.email, position.locale.language_code)
        page = family.get(language, position)
        emails.send(
            "confirm_signature",
            person.email,
            language,
            {
                "position_title": version.text_in(language)["title"],
                "organisation_name": titles.get(
                    membership.organisation.translation_key, membership.organisation.title
                ),
                "number": version.number,
                "previous": version.number - 1,
                "url": (page.full_url or page.url or "") + "#cosigning",
                "person": person,
            },
        )
