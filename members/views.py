"""Member pages: start page, directory, profiles, invitations, join requests, own data."""

from functools import wraps

from allauth.account.views import RequestReauthenticationCodeView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from members import invitations, join_requests, memberships, permissions, privacy
from members.forms import (
    AcceptInvitationForm,
    DeleteAccountForm,
    DirectoryFilterForm,
    InvitationForm,
    JoinRequestForm,
    ProfileForm,
    RequestReauthenticationCodeForm,
    RoleForm,
)
from members.models import Invitation, JoinRequest, Membership, User


def member_required(view):
    """Anonymous people go to the login page; accounts outside the network get 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        permissions.require(permissions.is_member(request.user))
        return view(request, *args, **kwargs)

    return wrapped


def localised(page):
    """The page in the current language if it exists, else the page itself."""
    translated = (
        page.get_translations(inclusive=True)
        .filter(locale__language_code=translation.get_language())
        .first()
    )
    return translated or page


def _organisation(pk):
    if pk >= 2**63:  # beyond any database id; SQLite would raise OverflowError
        raise Http404
    organisation = get_object_or_404(permissions.organisation_model(), pk=pk)
    return organisation


def _start_panels(request):
    """Panels other apps add to the start page through the ``register_member_start_panel``
    hook: each function takes the request and returns None or a dict with
    ``title`` and ``links`` (a list of (label, url)) and optional ``text``."""
    panels = []
    for fn in hooks.get_hooks("register_member_start_panel"):
        panel = fn(request)
        if panel:
            panels.append(panel)
    return panels


@member_required
def start(request):
    user = request.user
    own = [
        {"membership": m, "organisation": localised(m.organisation)}
        for m in user.memberships.select_related("organisation")
    ]
    managed = (
        [
            localised(o)
            for o in permissions.managed_organisations(user).filter(locale__language_code="es")
        ]
        if permissions.is_coordinator(user)
        else [row["organisation"] for row in own if row["membership"].role == "admin"]
    )
    return render(
        request,
        "members/start.html",
        {
            "memberships": own,
            "network_roles": list(user.network_roles.all()),
            "managed": managed,
            "pending_join_requests": join_requests.visible_to(user).count(),
            "can_edit": user.has_perm("wagtailadmin.access_admin"),
            "panels": _start_panels(request),
        },
    )


@member_required
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    people = (
        User.objects.filter(is_active=True, deleted_at=None)
        .filter(Q(memberships__isnull=False) | Q(network_roles__isnull=False))
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )
    if form.is_valid() and form.cleaned_data["q"]:
        q = form.cleaned_data["q"]
        people = people.filter(
            Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(memberships__organisation__title__icontains=q)
        ).distinct()
    page = Paginator(people.prefetch_related("memberships__organisation"), 30).get_page(
        request.GET.get("page")
    )
    return render(request, "members/directory.html", {"form": form, "page": page})


@member_required
def person(request, pk):
    person = get_object_or_404(User, pk=pk)
    if not permissions.can_view_profile(request.user, person):
        raise Http404
    rows = [
        {"membership": m, "organisation": localised(m.organisation)}
        for m in person.memberships.select_related("organisation")
    ]
    return render(
        request,
        "members/person.html",
        {
            "person": person,
            "memberships": rows,
            "network_roles": list(person.network_roles.all()),
            "is_self": person == request.user,
        },
    )


@member_required
def avatar(request, pk):
    """Avatars are served through this view so that only members see them."""
    person = get_object_or_404(User, pk=pk)
    if not permissions.can_view_profile(request.user, person) or not person.avatar:
        raise Http404
    response = FileResponse(person.avatar.open("rb"), content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def profile(request):
    """Edit one's own profile (any signed-in account, even outside the network)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = form.save()
            messages.success(request, _("Your profile has been saved."))
            with translation.override(user.preferred_language):
                return redirect(reverse("members:profile"))
        return render(request, "members/profile.html", {"form": form}, status=400)
    return render(request, "members/profile.html", {"form": form})


def export(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    response = HttpResponse(
        privacy.export_json(request.user), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="puente-my-data.json"'
    return response


def delete_account(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            privacy.delete_account(user)
            messages.success(request, _("Your account has been deleted."))
            return redirect("/" + translation.get_language() + "/")
        return render(request, "members/delete_account.html", {"form": form}, status=400)
    return render(request, "members/delete_account.html", {"form": form})


def accept_invitation(request, token):
    invitation = Invitation.objects.filter(token=token).select_related("organisation").first()
    if invitation is None:
        return render(
            request,
            "members/invitation_invalid.html",
            {"reason": _("This invitation link is not valid. Check that you copied all of it.")},
            status=404,
        )
    try:
        invitations.check(invitation)
    except invitations.InvitationError as error:
        return render(
            request, "members/invitation_invalid.html", {"reason": str(error)}, status=410
        )
    organisation = localised(invitation.organisation)
    existing = User.objects.filter(email__iexact=invitation.email, is_active=True).first()
    if existing:
        if request.user != existing:
            messages.info(request, _("Sign in to accept the invitation."))
            return redirect_to_login(request.get_full_path())
        if request.method == "POST":
            invitations.accept_as_existing_person(invitation, existing)
            messages.success(
                request, _("You are now a member of %(name)s.") % {"name": organisation.title}
            )
            return redirect("members:start")
        return render(
            request,
            "members/accept_invitation.html",
            {"invitation": invitation, "organisation": organisation, "existing": True},
        )
    if request.user.is_authenticated:
        logout(request)
    form = AcceptInvitationForm(
        request.POST or None,
        invitation=invitation,
        initial={"preferred_language": invitation.language},
    )
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            user = invitations.accept_as_new_person(
                invitation,
                first_name=data["first_name"],
                last_name=data["last_name"],
                password=data["password1"],
                language=data["preferred_language"],
            )
            with translation.override(user.preferred_language):
                messages.success(
                    request,
                    _("Your account is ready. Sign in with your email address and password."),
                )
                return redirect(reverse("account_login") + "?" + _login_hint(user))
        status = 400
    else:
        status = 200
    return render(
        request,
        "members/accept_invitation.html",
        {"invitation": invitation, "organisation": organisation, "form": form},
        status=status,
    )


def _login_hint(user):
    from django.utils.http import urlencode

    return urlencode({"email": user.email})


def join(request):
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            join_requests.submit(form.save(commit=False), request=request)
            return render(request, "members/join_sent.html", {"join_request": form.instance})
        return render(request, "members/join.html", {"form": form}, status=400)
    return render(request, "members/join.html", {"form": form})


@member_required
def join_request_list(request):
    pending = join_requests.visible_to(request.user)
    if not pending.exists() and not permissions.managed_organisations(request.user).exists():
        raise PermissionDenied
    rows = [{"request": r, "organisation": localised(r.organisation)} for r in pending]
    return render(request, "members/join_requests.html", {"rows": rows})


@require_POST
@member_required
def decide_join_request(request, pk, decision):
    if decision not in ("approve", "decline"):
        raise Http404
    join_request = get_object_or_404(JoinRequest, pk=pk, status=JoinRequest.Status.PENDING)
    if decision == "approve":
        join_requests.approve(join_request, by=request.user, request=request)
        messages.success(
            request,
            _("Approved: an invitation is on its way to %(email)s.")
            % {"email": join_request.email},
        )
    else:
        join_requests.decline(join_request, by=request.user)
        messages.success(request, _("The join request was declined."))
    return redirect("members:join_requests")


@member_required
def organisation_members(request, pk):
    organisation = _organisation(pk)
    permissions.require(permissions.can_manage_organisation(request.user, organisation))
    rows = (
        Membership.objects.filter(organisation__translation_key=organisation.translation_key)
        .select_related("user")
        .order_by("user__first_name", "user__last_name")
    )
    pending = Invitation.objects.filter(
        organisation__translation_key=organisation.translation_key,
        accepted_at=None,
        revoked_at=None,
    )
    form = InvitationForm(organisation=organisation)
    return render(
        request,
        "members/organisation_members.html",
        {
            "organisation": localised(organisation),
            "rows": [{"membership": m, "form": RoleForm(initial={"role": m.role})} for m in rows],
            "invitations": [i for i in pending if i.is_pending],
            "form": form,
        },
    )


@member_required
def invite(request, pk):
    organisation = _organisation(pk)
    permissions.require(permissions.can_invite(request.user, organisation))
    form = InvitationForm(request.POST or None, organisation=organisation)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            invitations.invite(
                email=data["email"],
                organisation=organisation,
                role=data["role"],
                language=data["language"],
                by=request.user,
                request=request,
            )
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": data["email"]})
            return redirect("members:organisation", pk=organisation.pk)
        status = 400
    else:
        status = 200
    return render(
        request,
        "members/invite.html",
        {"organisation": localised(organisation), "form": form},
        status=status,
    )


@require_POST
@member_required
def change_role(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("organisation"), pk=pk)
    permissions.require(permissions.can_manage_organisation(request.user, membership.organisation))
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles offered."))
    else:
        memberships.change_role(membership, form.cleaned_data["role"], by=request.user)
        messages.success(request, _("The role has been changed."))
    return redirect("members:organisation", pk=membership.organisation.pk)


@require_POST
@member_required
def remove_member(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("organisation"), pk=pk)
    organisation_pk = membership.organisation.pk
    memberships.remove(membership, by=request.user)
    messages.success(request, _("The person has been removed from the organisation."))
    if permissions.can_manage_organisation(request.user, membership.organisation):
        return redirect("members:organisation", pk=organisation_pk)
    return redirect("members:start")


@require_POST
@member_required
def revoke_invitation(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    invitations.revoke(invitation, by=request.user)
    messages.success(request, _("The invitation has been withdrawn."))
    return redirect("members:organisation", pk=invitation.organisation.pk)


# allauth's "send me a code" step of signing in again, with the address field's label
# translated (routed before allauth's own URLs in config/urls.py).
request_reauthentication_code = RequestReauthenticationCodeView.as_view(
    form_class=RequestReauthenticationCodeForm
)
