"""Change a member's role in an organisation, or remove them from it."""

from members import permissions
from members.models import Membership, OrganisationRole, User


def change_role(membership: Membership, role: str, *, by: User) -> None:
    permissions.require(permissions.can_manage_organisation(by, membership.organisation))
    if role not in OrganisationRole.values:
        raise ValueError(role)
    membership.role = role
    membership.save(update_fields=["role"])  # groups follow through the post_save signal


def remove(membership: Membership, *, by: User) -> None:
    """Rights that came with the membership end at once: groups are recomputed on delete."""
    permissions.require(
        permissions.can_manage_organisation(by, membership.organisation) or membership.user == by
    )
    membership.delete()
