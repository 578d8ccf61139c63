"""Routes of a policy position: its versions, decisions and the coordination's actions."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kb import consultation as domain
from kb.diff import diff_versions
from kb.forms import AdoptionForm, ConsultationForm, DecisionForm


def _adopted(page, number):
    version = domain.versions_of(page).filter(adopted_at__isnull=False, number=number).first()
    if version is None:
        raise Http404
    return version


def version(request, page, number):
    """A frozen version at a stable address, with a suggested citation."""
    version = _adopted(page, number)
    url = page.get_full_url(request) + page.reverse_subpage("version", args=(number,)).lstrip("/")
    text = version.text_in(page.locale.language_code)
    return page.render(
        request,
        template="kb/position_version.html",
        context_overrides={
            "version": version,
            "text": text,
            "citation": domain.citation(page, version, url),
            "version_signatories": domain.signatories(version),
            "has_previous": version.number > 1,
        },
    )


def version_changes(request, page, number):
    """What changed from version N-1 to version N."""
    new = _adopted(page, number)
    old = _adopted(page, number - 1) if number > 1 else None
    if old is None:
        raise Http404
    language = page.locale.language_code
    return page.render(
        request,
        template="kb/position_version_changes.html",
        context_overrides={
            "version": new,
            "previous": old,
            "diff": diff_versions(old.text_in(language), new.text_in(language)),
        },
    )


def _post_only(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def _back(page, anchor):
    return redirect(f"{page.url}#{anchor}")


def _rerender(request, page, status, **context):
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


def decide(request, page):
    if refused := _post_only(request):
        return refused
    if not domain.is_member(request.user):
        raise PermissionDenied
    version = domain.decision_version(page)
    organisations = domain.organisations_for_form(request.user, page)
    if version is None or not organisations:
        raise PermissionDenied
    form = DecisionForm(request.POST, organisations=organisations)
    if form.is_valid():
        try:
            domain.decide(
                version,
                form.chosen_organisation,
                by=request.user,
                decision=form.cleaned_data["decision"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your organisation's decision has been recorded."))
            return _back(page, "cosigning")
    return _rerender(
        request,
        page,
        400,
        decision_form=form,
        decision_version=version,
        confirming=version.is_adopted,
    )


def open_consultation(request, page):
    if refused := _post_only(request):
        return refused
    if not domain.is_coordinator(request.user):
        raise PermissionDenied
    form = ConsultationForm(request.POST)
    if form.is_valid():
        try:
            domain.open_consultation(page, by=request.user, deadline=form.cleaned_data["deadline"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The consultation is open."))
            return _back(page, "consultation")
    return _rerender(request, page, 400, consultation_form=form)


def adopt(request, page):
    """GET: which version adopting would freeze, and a button to confirm; POST: adopt it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not domain.is_coordinator(request.user):
        raise PermissionDenied
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = AdoptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = domain.adopt_position(
                page, by=request.user, number=form.cleaned_data["number"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Version %(number)s has been adopted.") % {"number": version.number}
            )
            return _back(page, "cosigning")
    reasons = []
    try:
        number = domain.version_to_adopt(page)
    except ValidationError as error:
        number = None
        if not form.is_bound:
            reasons = error.messages  # an unbound form (GET) cannot hold errors
        elif not form.errors:
            form.add_error(None, error)
    response = page.render(
        request,
        template="kb/position_adopt.html",
        context_overrides={
            "adoption_form": form,
            "number": number,
            "reasons": reasons,
        },
    )
    if request.method == "POST":
        response.status_code = 400
    return response
