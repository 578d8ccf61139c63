"""Consultation and co-signing of policy positions: open, decide, close, adopt.

Who may do what comes from the site through settings (see ``kb.conf``), so the
knowledge base stays free of any member model: ``IS_COORDINATOR``,
``DECIDING_ORGANISATIONS``, ``IS_MEMBER`` and ``ON_CONSULTATION_OPENED``.
"""

import datetime
import logging
from functools import cache

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from wagtail.models import Revision

from kb import content_version
from kb.conf import kb_settings
from kb.models import (
    Consultation,
    Endorsement,
    OrganisationPage,
    PolicyPositionPage,
    PositionRecipient,
    PositionResponse,
    PositionVersion,
)
from kb.models.positions import SIGNING_DECISIONS

logger = logging.getLogger(__name__)
Decision = Endorsement.Decision
Status = PolicyPositionPage.Status


# Defaults for a project without a member model: Django permissions ------------------


def default_is_coordinator(user) -> bool:
    return bool(user and user.is_active and user.has_perm("kb.coordinate_consultation"))


def default_deciding_organisations(user):
    if user and user.is_active and user.has_perm("kb.decide_endorsement"):
        return OrganisationPage.objects.all()
    return OrganisationPage.objects.none()


def default_is_member(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("kb.view_endorsement"))


@cache
def _hook(path):
    return import_string(path) if path else None


def is_coordinator(user) -> bool:
    return bool(user and user.is_authenticated) and _hook(kb_settings.IS_COORDINATOR)(user)


def is_member(user) -> bool:
    return bool(user and user.is_authenticated) and _hook(kb_settings.IS_MEMBER)(user)


def deciding_organisations(user):
    """Organisation pages (any language) the person may decide for."""
    if not (user and user.is_authenticated):
        return OrganisationPage.objects.none()
    return _hook(kb_settings.DECIDING_ORGANISATIONS)(user)


def can_decide_for(user, organisation) -> bool:
    return (
        deciding_organisations(user).filter(translation_key=organisation.translation_key).exists()
    )


# Reading -----------------------------------------------------------------------------


def _family(position):
    return PolicyPositionPage.objects.filter(translation_key=position.translation_key)


def versions_of(position):
    return PositionVersion.objects.filter(position__translation_key=position.translation_key)


def current_version(position):
    """The latest adopted version, or None."""
    return versions_of(position).filter(adopted_at__isnull=False).order_by("-number").first()


def current_consultation(position):
    """The latest consultation (open or closed) whose version is not adopted yet, or None."""
    return (
        Consultation.objects.filter(
            position__translation_key=position.translation_key, version__adopted_at__isnull=True
        )
        .select_related("version")
        .order_by("-opened_at")
        .first()
    )


def decisions(version):
    """Every decision on ``version``, oldest first, with the organisations' logos and
    their renditions (a fixed number of queries however many organisations decided)."""
    return (
        Endorsement.objects.filter(version=version)
        .select_related("organisation", "organisation__logo")
        .prefetch_related("organisation__logo__renditions")
        .order_by("decided_at")
    )


# Rules ------------------------------------------------------------------------------


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _set_status(position, **fields):
    """Change fields of every language version of the position and of their latest
    revisions, so that the next publish from the editor does not roll them back."""
    family = list(_family(position))
    _family(position).update(**fields)
    revisions = Revision.page_revisions.filter(
        pk__in=[p.latest_revision_id for p in family if p.latest_revision_id]
    )
    stored = {
        key: value.isoformat() if isinstance(value, datetime.date) else value
        for key, value in fields.items()
    }
    for revision in revisions:
        revision.content.update(stored)
        revision.save(update_fields=["content"])
    for key, value in fields.items():
        setattr(position, key, value)


@transaction.atomic
def open_consultation(position, *, by, deadline: datetime.date) -> Consultation:
    """Open a consultation on the next version of ``position`` until ``deadline``."""
    _require(is_coordinator(by))
    if deadline < timezone.localdate():
        raise ValidationError(_("The deadline cannot be in the past."), code="deadline")
    if current_consultation(position) is not None:
        raise ValidationError(
            _("This position is already in consultation."), code="already_consulting"
        )
    last = versions_of(position).order_by("-number").first()
    version = PositionVersion.objects.create(
        position=position, number=(last.number + 1) if last else 1
    )
    consultation = Consultation.objects.create(
        position=position, version=version, deadline=deadline, opened_by=by
    )
    _set_status(position, status=Status.CONSULTATION)
    hook = _hook(kb_settings.ON_CONSULTATION_OPENED)
    if hook:
        consultation.discussion_url = hook(consultation) or ""
        consultation.save(update_fields=["discussion_url"])
    return consultation


def _may_confirm(version, organisation) -> bool:
    """After adoption, organisations that signed the previous version may confirm, once."""
    if not version.is_adopted or version != current_version(version.position):
        return False
    return organisation.translation_key in {
        o.translation_key for o in organisations_to_confirm(version)
    }


@transaction.atomic
def decide(version, organisation, *, by, decision: str, comment: str = "") -> Endorsement:
    """Record (or change) ``organisation``'s decision on ``version``.

    Allowed while the version's consultation is open; after adoption only as the
    first decision of an organisation that signed the previous version.
    """
    _require(can_decide_for(by, organisation))
    if decision not in Decision.values:
        raise ValidationError(_("Choose endorse, endorse with a comment or decline."))
    comment = comment.strip()
    if decision == Decision.ENDORSE_WITH_COMMENT and not comment:
        raise ValidationError(_("Write the comment that goes with your endorsement."))
    consultation = getattr(version, "consultation", None)
    if not (consultation and consultation.is_open) and not _may_confirm(version, organisation):
        raise ValidationError(_("The consultation is closed."), code="closed")
    existing = Endorsement.objects.filter(
        version=version, organisation__translation_key=organisation.translation_key
    ).first()
    endorsement = existing or Endorsement(
        version=version, position=version.position, organisation=organisation
    )
    endorsement.decision = decision
    endorsement.comment = comment if decision == Decision.ENDORSE_WITH_COMMENT else ""
    endorsement.decided_by = by
    endorsement.decided_at = timezone.now()
    endorsement.save()
    return endorsement


def close_consultation(consultation, *, by) -> None:
    """No more decisions or changes to them."""
    _require(is_coordinator(by))
    if consultation.closed_at is None:
        consultation.closed_at = timezone.now()
        consultation.save(update_fields=["closed_at"])


def _frozen(page) -> dict:
    return {
        "title": page.title,
        "summary": page.summary,
        "context": str(page.context),
        "recommendations": [
            {"text": str(block.value["text"]), "addressee": block.value["addressee"]}
            for block in page.recommendations
        ],
    }


def _texts(source, position) -> dict:
    """``{language: frozen fields}`` of the latest revisions of ``source`` and its
    translations: what adopting would freeze."""
    texts = {source.locale.language_code: _frozen(source.get_latest_revision_as_object())}
    for page in _family(position).exclude(pk=source.pk).select_related("locale"):
        texts[page.locale.language_code] = _frozen(page.get_latest_revision_as_object())
    return texts


def _unchanged(version, texts) -> bool:
    def without_language(text):
        return {key: value for key, value in text.items() if key != "language"}

    return all(without_language(version.text_in(code)) == text for code, text in texts.items())


def version_to_adopt(position) -> int:
    """The number of the version adopting ``position`` now would freeze.

    Raises ValidationError when there is nothing new to adopt: no consultation pending
    and the text (in every language) is the one of the current version.
    """
    consultation = current_consultation(position)
    if consultation:
        return consultation.version.number
    current = current_version(position)
    if current and _unchanged(current, _texts(position, position)):
        raise ValidationError(
            _("The text has not changed since version %(number)s was adopted.")
            % {"number": current.number},
            code="unchanged",
        )
    last = versions_of(position).order_by("-number").first()
    return (last.number + 1) if last else 1


@transaction.atomic
def adopt_position(
    position, *, by, on: datetime.datetime | None = None, number: int | None = None
) -> PositionVersion:
    """Adopt the consulted text (or the current text) as the next version and freeze it.

    ``number`` is the version the coordinator confirmed; adopting refuses when another
    one would be frozen (e.g. the same form sent twice). ``on`` records an adoption
    decided earlier (e.g. at a meeting) instead of now. Organisations that signed the
    previous version are then asked to confirm (``ON_VERSION_ADOPTED``).
    """
    _require(is_coordinator(by))
    expected = version_to_adopt(position)
    if number is not None and number != expected:
        raise ValidationError(
            _("Version %(number)s cannot be adopted any more; reload the page.")
            % {"number": number},
            code="stale",
        )
    consultation = current_consultation(position)
    if consultation:
        version = consultation.version
        if consultation.closed_at is None:
            consultation.closed_at = timezone.now()
            consultation.save(update_fields=["closed_at"])
    else:
        version = PositionVersion(position=position, number=expected)
    source = version.position.specific if version.pk else position
    texts = _texts(source, position)
    for key, value in texts.pop(source.locale.language_code).items():
        setattr(version, key, value)
    version.language = source.locale.language_code
    version.translations = texts
    version.adopted_at = on or timezone.now()
    version.adopted_by = by
    version.save()
    _set_status(
        position, status=Status.ADOPTED, date_adopted=timezone.localdate(version.adopted_at)
    )
    asked = organisations_to_confirm(version)
    hook = _hook(kb_settings.ON_VERSION_ADOPTED)
    if asked and hook:
        transaction.on_commit(lambda: hook(version, asked))
    return version


def organisations_to_confirm(version) -> list:
    """Organisations that signed the version before ``version`` and have not decided on
    ``version`` yet: they are asked to confirm their signature (one query)."""
    if version.number < 2:
        return []
    key = version.position.translation_key
    decided = Endorsement.objects.filter(version=version).values("organisation__translation_key")
    signed = Endorsement.objects.filter(
        version__position__translation_key=key,
        version__number=version.number - 1,
        decision__in=SIGNING_DECISIONS,
    ).exclude(organisation__translation_key__in=decided)
    return [e.organisation for e in signed.select_related("organisation").order_by("pk")]


# What readers see -------------------------------------------------------------------


def plain_text(html: str) -> str:
    return " ".join(strip_tags(html or "").split())


def citation(page, version, url: str) -> str:
    """A suggested citation of one version, in the page's language."""
    site = page.get_site()
    author = site.site_name if site and site.site_name else ""
    text = version.text_in(page.locale.language_code)
    return _(
        "%(author)s (%(year)s). %(title)s. Version %(number)s, adopted on %(date)s. %(url)s"
    ) % {
        "author": author,
        "year": version.adopted_at.year,
        "title": text["title"],
        "number": version.number,
        "date": timezone.localdate(version.adopted_at).isoformat(),
        "url": url,
    }


def _consultations(position):
    return (
        Consultation.objects.filter(position__translation_key=position.translation_key)
        .select_related("version")
        .order_by("-opened_at")
    )


def _family_rows(model, position, *related):
    """Rows of this page, or else of the language version that has some (one query, cached
    until the kb changes): translations made before the rows were added do not have them."""
    rows = content_version.remember(
        ["kb-position-rows", model._meta.label, str(position.translation_key), *related],
        lambda: list(
            model.objects.filter(page__translation_key=position.translation_key)
            .select_related(*related)
            .order_by("page_id", "sort_order")
        ),
    )
    own = [row for row in rows if row.page_id == position.pk]
    if own or not rows:
        return own
    return [row for row in rows if row.page_id == rows[0].page_id]


def timeline(position, *, consultations=None, adopted=None) -> list[dict]:
    """Drafted, consulted, adopted, sent, answered: dated events, oldest first.

    ``consultations`` and ``adopted`` (versions) spare their queries when already loaded.
    """
    events = []
    drafted = position.first_published_at
    if drafted:
        events.append({"kind": "drafted", "label": _("Drafted"), "date": drafted})
    if consultations is None:
        consultations = _consultations(position)
    if adopted is None:
        adopted = versions_of(position).filter(adopted_at__isnull=False)
    for consultation in consultations:
        events.append(
            {
                "kind": "consulted",
                "label": _("Consultation on version %(number)s")
                % {"number": consultation.version.number},
                "date": consultation.opened_at,
            }
        )
    for version in adopted:
        events.append(
            {
                "kind": "adopted",
                "label": _("Version %(number)s adopted") % {"number": version.number},
                "date": version.adopted_at,
            }
        )
    for recipient in _family_rows(PositionRecipient, position):
        events.append(
            {
                "kind": "sent",
                "label": _("Sent to %(institution)s") % {"institution": recipient.institution},
                "date": recipient.sent_at,
            }
        )
    for response in _family_rows(PositionResponse, position, "document"):
        events.append(
            {
                "kind": "answered",
                "label": _("Answer from %(institution)s") % {"institution": response.institution},
                "date": response.date,
                "response": response,
            }
        )

    def as_date(event):
        value = event["date"]
        return timezone.localdate(value) if isinstance(value, datetime.datetime) else value

    for event in events:
        event["day"] = as_date(event)
    return sorted(events, key=lambda e: (e["day"], ORDER.index(e["kind"])))


ORDER = ["drafted", "consulted", "adopted", "sent", "answered"]


def signatories(version):
    """Endorsing decisions on ``version``, oldest first."""
    return [d for d in decisions(version) if d.is_endorsement]


def page_context(page, request) -> dict:
    """What the position page shows about consultation, signatures and history."""
    user = request.user
    member = is_member(user)
    # Versions and their consultations, and the decisions shown, are read once (one query
    # each, cached until the kb changes: whether a consultation is open is decided below).
    every = content_version.remember(
        ["kb-position-versions", str(page.translation_key)],
        lambda: list(versions_of(page).select_related("consultation").order_by("number")),
    )
    adopted = [v for v in every if v.is_adopted]
    current = adopted[-1] if adopted else None
    consultations = sorted(
        (c for c in (getattr(v, "consultation", None) for v in every) if c),
        key=lambda c: c.opened_at,
        reverse=True,
    )
    consultation = next((c for c in consultations if c.version.adopted_at is None), None)
    shown = current or (consultation.version if consultation else None)
    all_decisions = []
    if shown:
        # The logos' renditions are made as the page is shown: read afresh (one query).
        all_decisions = content_version.remember(
            ["kb-position-decisions", shown.pk],
            lambda: list(decisions(shown).prefetch_related(None)),
        )
        prefetch_related_objects(all_decisions, "organisation__logo__renditions")
    context = {
        "current_version": current,
        "consultation": consultation,
        "signed_version": shown,
        "signatories": [d for d in all_decisions if d.is_endorsement],
        "declined": [d for d in all_decisions if not d.is_endorsement] if member else [],
        "timeline": timeline(page, consultations=consultations, adopted=adopted),
        "is_consultation_member": member,
        "can_coordinate": is_coordinator(user),
        "versions": adopted,
    }
    if context["can_coordinate"] and not (consultation and consultation.is_open):
        from kb.forms import ConsultationForm

        context["consultation_form"] = ConsultationForm()
    target = _decision_version(consultation, current)
    if target and member:
        from kb.forms import DecisionForm

        mine = organisations_for_form(user, page)
        if target.is_adopted:  # after adoption: only to confirm a signature of version N-1
            asked = {o.translation_key for o in organisations_to_confirm(target)}
            mine = [o for o in mine if o.translation_key in asked]
            context["confirming"] = True
        if mine:
            context["decision_form"] = DecisionForm(organisations=mine)
            context["decision_version"] = target
    return context


def organisations_for_form(user, page):
    """The organisations the person decides for, one page each, in the page's language if any."""
    found = {}
    for organisation in deciding_organisations(user).order_by("title"):
        key = organisation.translation_key
        if key not in found or organisation.locale_id == page.locale_id:
            found[key] = organisation
    return sorted(found.values(), key=lambda o: o.title)


def decision_version(page):
    """The version organisations decide on now: the consulted one, else the adopted one
    (for confirmations), else None."""
    consultation = current_consultation(page)
    if consultation and consultation.is_open:
        return consultation.version
    if consultation is None:
        return current_version(page)
    return None


def _decision_version(consultation, current):
    """``decision_version`` from an already loaded consultation and adopted version."""
    if consultation and consultation.is_open:
        return consultation.version
    if consultation is None:
        return current
    return None
