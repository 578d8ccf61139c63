"""Who may do what: every view, admin hook and template asks these functions.

Ownership is compared by ``translation_key``: an organisation is one organisation
in all its languages, and so is a practice page and its translations.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from members.models import Membership, NetworkRole, OrganisationRole

EDITING_ROLES = (OrganisationRole.EDITOR, OrganisationRole.ADMIN)


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and not user.deleted_at)


def organisation_model():
    return apps.get_model("kb", "OrganisationPage")


def is_coordinator(user) -> bool:
    if not _active(user):
        return False
    return user.is_superuser or NetworkRole.objects.filter(user=user, role="coordinator").exists()


def is_moderator(user) -> bool:
    if not _active(user):
        return False
    return NetworkRole.objects.filter(user=user, role="moderator").exists()


def is_member(user) -> bool:
    """A member of the network: belongs to an organisation or holds a network role."""
    if not _active(user):
        return False
    return (
        user.is_superuser
        or Membership.objects.filter(user=user).exists()
        or NetworkRole.objects.filter(user=user).exists()
    )


def organisation_keys(user, roles=None) -> set:
    """Translation keys of the organisations the person belongs to (with one of ``roles``)."""
    if not _active(user):
        return set()
    memberships = Membership.objects.filter(user=user)
    if roles:
        memberships = memberships.filter(role__in=roles)
    return set(memberships.values_list("organisation__translation_key", flat=True))


def role_in(user, organisation) -> str | None:
    """The person's role in ``organisation`` (any of its translations), or None."""
    if not _active(user):
        return None
    return (
        Membership.objects.filter(
            user=user, organisation__translation_key=organisation.translation_key
        )
        .values_list("role", flat=True)
        .first()
    )


def can_manage_organisation(user, organisation) -> bool:
    """Edit the organisation's profile, invite and remove its members, decide join requests."""
    return is_coordinator(user) or role_in(user, organisation) == OrganisationRole.ADMIN


def managed_organisations(user):
    """Organisation pages (one per organisation, any language) the person may manage."""
    OrganisationPage = organisation_model()
    if is_coordinator(user):
        return OrganisationPage.objects.all()
    keys = organisation_keys(user, [OrganisationRole.ADMIN])
    return OrganisationPage.objects.filter(translation_key__in=keys)


def page_organisation_keys(page) -> set | None:
    """Organisations a page belongs to; None when the page is not owned by any."""
    page = page.specific
    if isinstance(page, organisation_model()):
        return {page.translation_key}
    relation = getattr(page, "organisations", None)
    if relation is None:
        return None
    return set(relation.all().values_list("translation_key", flat=True))


def can_edit_page(user, page) -> bool:
    """Ownership rule for the Wagtail admin; Wagtail's own page permissions apply on top.

    Organisation pages: their admins. Pages with organisations: editors and admins
    of one of them. Every other page, and everything for coordinators and superusers:
    coordinators only.
    """
    if not _active(user):
        return False
    if is_coordinator(user):
        return True
    owners = page_organisation_keys(page)
    if owners is None:
        return False  # pages nobody owns (home, indexes, positions) are the coordination's
    if isinstance(page.specific, organisation_model()):
        return bool(owners & organisation_keys(user, [OrganisationRole.ADMIN]))
    return bool(owners & organisation_keys(user, EDITING_ROLES))


def may_claim_organisations(user, organisation_ids) -> bool:
    """May the person file a page under these organisations (at least one, all their own)?"""
    if is_coordinator(user):
        return True
    if not organisation_ids:
        return False
    keys = set(
        organisation_model()
        .objects.filter(pk__in=organisation_ids)
        .values_list("translation_key", flat=True)
    )
    return bool(keys) and keys <= organisation_keys(user, EDITING_ROLES)


def can_view_profile(user, person) -> bool:
    """Profiles are for members only; former members have no profile."""
    return is_member(user) and person.is_active and not person.deleted_at


def can_invite(user, organisation) -> bool:
    return can_manage_organisation(user, organisation)


def endorsing_organisations(user):
    """Organisation pages the person may endorse positions for: as its admin, or
    authorised by it (``Membership.may_endorse``); coordinators for none by default."""
    if not _active(user):
        return organisation_model().objects.none()
    keys = Membership.objects.filter(user=user).filter(
        Q(role=OrganisationRole.ADMIN) | Q(may_endorse=True)
    )
    return organisation_model().objects.filter(
        translation_key__in=keys.values("organisation__translation_key")
    )


def can_decide_for(user, organisation) -> bool:
    """May the person endorse or decline a policy position on behalf of ``organisation``?"""
    return (
        endorsing_organisations(user).filter(translation_key=organisation.translation_key).exists()
    )


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
