"""Roles map onto groups by themselves; removing a membership revokes rights at once."""

from django.contrib.auth.models import Group

from members.models import Membership


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


def test_each_role_gets_its_groups(people):
    assert group_names(people["member"]) == {"Members"}
    assert group_names(people["editor_a"]) == {"Members", "Editors"}
    assert group_names(people["org_admin"]) == {"Members", "Editors", "Organisation admins"}
    assert group_names(people["moderator"]) == {"Members", "Forum moderators"}
    assert group_names(people["coordinator"]) == {"Members", "Coordinators"}
    assert group_names(people["outsider"]) == set()


def test_forum_rights_travel_as_permissions(people):
    assert people["member"].has_perm("forum.participate")
    assert not people["member"].has_perm("forum.moderate")
    assert people["moderator"].has_perm("forum.moderate")
    assert not people["outsider"].has_perm("forum.participate")


def test_wagtail_moderators_group_is_not_used_for_forum_moderators(people):
    assert not people["moderator"].groups.filter(name="Moderators").exists()
    assert not people["moderator"].has_perm("wagtailadmin.access_admin")


def test_removing_a_membership_revokes_rights_at_once(people, client):
    editor = people["editor_a"]
    assert editor.has_perm("wagtailadmin.access_admin")
    Membership.objects.filter(user=editor).delete()
    editor = type(editor).objects.get(pk=editor.pk)  # as the next request loads it
    assert group_names(editor) == set()
    assert not editor.has_perm("wagtailadmin.access_admin")
    client.force_login(editor)
    assert client.get("/admin/").status_code in (302, 403)
    assert client.get("/es/members/").status_code == 403


def test_role_change_moves_groups(people):
    membership = Membership.objects.get(user=people["member"])
    membership.role = "editor"
    membership.save()
    assert "Editors" in group_names(people["member"])
    assert Group.objects.filter(name="Organisation admins").exists()
