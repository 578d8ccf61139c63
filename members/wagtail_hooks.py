"""Ownership in the Wagtail admin: editors touch only their own organisations' pages.

Wagtail's group page permissions (kb's Editors and Coordinators) say *what* a role
may do; these hooks add *whose* pages, asking ``members.permissions``. They answer
403 on direct URLs too, not just hide buttons.
"""

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied
from wagtail import hooks

from members import permissions


def forbidden(request):
    """A plain 403: Wagtail would turn a raised PermissionDenied into a redirect."""
    return permission_denied(request, PermissionDenied())


def _owned_model(page_class) -> bool:
    try:
        page_class._meta.get_field("organisations")
    except Exception:  # noqa: BLE001 - any page type without the relation is not owned
        return False
    return True


def submitted_organisations(request) -> list[int] | None:
    """Organisation ids in the page form: a multiple choice field or an inline formset."""
    if "organisations" in request.POST:
        values = request.POST.getlist("organisations")
    else:
        prefix = "organisations-"
        values = [
            value
            for key, value in request.POST.items()
            if key.startswith(prefix)
            and key.endswith("-organisation")
            and request.POST.get(key.rsplit("-", 1)[0] + "-DELETE") not in ("on", "1", "true")
        ]
        if not values and f"{prefix}TOTAL_FORMS" not in request.POST:
            return None
    ids = []
    for value in values:
        try:
            ids.append(int(value))
        except (TypeError, ValueError):
            continue
    return ids


def _check_claim(request, page_class):
    if request.method != "POST" or not _owned_model(page_class):
        return None
    ids = submitted_organisations(request)
    if ids is not None and not permissions.may_claim_organisations(request.user, ids):
        return forbidden(request)
    return None


@hooks.register("before_create_page")
def guard_create(request, parent_page, page_class):
    if permissions.is_coordinator(request.user):
        return None
    if page_class is permissions.organisation_model():
        return forbidden(request)  # new member organisations are added by the coordination
    if not _owned_model(page_class) or not permissions.organisation_keys(
        request.user, permissions.EDITING_ROLES
    ):
        return forbidden(request)
    return _check_claim(request, page_class)


@hooks.register("before_edit_page")
def guard_edit(request, page):
    if not permissions.can_edit_page(request.user, page):
        return forbidden(request)
    return _check_claim(request, page.specific_class)


def _guard(request, page, *args):
    if not permissions.can_edit_page(request.user, page):
        return forbidden(request)
    return None


for _hook in (
    "before_delete_page",
    "before_move_page",
    "before_copy_page",
    "before_unpublish_page",
    "before_convert_alias_page",
):
    hooks.register(_hook, _guard)


@hooks.register("before_bulk_action")
def guard_bulk(request, action_type, objects, action_class_instance):
    from wagtail.models import Page

    for obj in objects:
        if isinstance(obj, Page) and not permissions.can_edit_page(request.user, obj):
            return forbidden(request)
    return None


@hooks.register("register_member_start_panel")
def open_consultations_panel(request):
    from members.consultations import start_panel

    return start_panel(request)
