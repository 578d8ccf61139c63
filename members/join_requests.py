"""Ask to join an organisation; its admins or a coordinator approve or decline."""

from django.utils import timezone, translation

from members import emails, invitations, permissions
from members.models import JoinRequest, NetworkRole, OrganisationRole, User


def deciders(organisation):
    """Who is told about a join request: the organisation's admins and the coordinators."""
    admins = User.objects.filter(
        memberships__organisation__translation_key=organisation.translation_key,
        memberships__role=OrganisationRole.ADMIN,
    )
    coordinators = User.objects.filter(
        pk__in=NetworkRole.objects.filter(role="coordinator").values("user")
    )
    return (admins | coordinators).filter(is_active=True, deleted_at=None).distinct()


def submit(join_request: JoinRequest, request=None) -> JoinRequest:
    join_request.save()
    from django.urls import reverse

    for person in deciders(join_request.organisation):
        with translation.override(person.preferred_language):
            path = reverse("members:join_requests")
            organisation_name = invitations._localised_title(join_request.organisation)
        url = request.build_absolute_uri(path) if request else path
        emails.send(
            "join_request_received",
            person.email,
            person.preferred_language,
            {
                "join_request": join_request,
                "organisation_name": organisation_name,
                "url": url,
                "person": person,
            },
        )
    return join_request


def visible_to(user):
    """Pending join requests the person may decide."""
    keys = set(permissions.managed_organisations(user).values_list("translation_key", flat=True))
    return JoinRequest.objects.filter(
        status=JoinRequest.Status.PENDING, organisation__translation_key__in=keys
    ).select_related("organisation")


def approve(join_request: JoinRequest, *, by: User, request=None):
    """Approval sends the person an invitation as a member; they set their password there."""
    permissions.require(permissions.can_manage_organisation(by, join_request.organisation))
    _decide(join_request, JoinRequest.Status.APPROVED, by)
    return invitations.invite(
        email=join_request.email,
        organisation=join_request.organisation,
        role=OrganisationRole.MEMBER,
        language=join_request.language,
        by=by,
        request=request,
    )


def decline(join_request: JoinRequest, *, by: User) -> None:
    permissions.require(permissions.can_manage_organisation(by, join_request.organisation))
    _decide(join_request, JoinRequest.Status.DECLINED, by)
    with translation.override(join_request.language):
        organisation_name = invitations._localised_title(join_request.organisation)
    emails.send(
        "join_request_declined",
        join_request.email,
        join_request.language,
        {"join_request": join_request, "organisation_name": organisation_name},
    )


def _decide(join_request: JoinRequest, status: str, by: User) -> None:
    join_request.status = status
    join_request.decided_by = by
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
