"""Profiles, data export and account deletion."""

import io
import json

from allauth.account.models import EmailAddress
from PIL import Image

from members.models import User
from tests.members.conftest import PASSWORD


def picture(fmt="PNG", size=(800, 600)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format=fmt)
    buffer.seek(0)
    buffer.name = f"me.{fmt.lower()}"
    return buffer


def profile_data(**extra):
    return {
        "first_name": "Marta",
        "last_name": "Ruiz",
        "languages_spoken": "español, English",
        "bio": "Abogada.",
        "preferred_language": "es",
        "forum_email": "daily",
        **extra,
    }


def test_profile_saves_and_avatar_is_resized_and_members_only(client, people):
    member = people["member"]
    client.force_login(member)
    response = client.post("/es/members/profile/", profile_data(avatar_upload=picture()))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.bio == "Abogada."
    with member.avatar.open("rb") as handle:
        assert Image.open(handle).size == (256, 192)
    avatar_url = f"/es/members/people/{member.pk}/avatar/"
    assert client.get(avatar_url).status_code == 200
    client.logout()
    assert "/accounts/login/" in client.get(avatar_url)["Location"]
    client.force_login(people["outsider"])
    assert client.get(avatar_url).status_code == 403


def test_a_file_that_is_not_a_picture_is_refused_clearly(client, people):
    client.force_login(people["member"])
    fake = io.BytesIO(b"not a picture at all")
    fake.name = "me.png"
    response = client.post("/es/members/profile/", profile_data(avatar_upload=fake, bio="Tecleado"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Tecleado" in body
    assert 'id="id_avatar_upload_error"' in body


def test_data_export_is_json_with_everything(client, people):
    client.force_login(people["org_admin"])
    response = client.get("/es/members/profile/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["profile"]["email"] == "org_admin@example.org"
    assert data["memberships"][0]["role"] == "admin"
    assert data["email_addresses"][0]["verified"] is True


def test_deleting_the_account_anonymises_it(client, people):
    member = people["member"]
    client.force_login(member)
    response = client.post("/es/members/profile/delete/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 400
    response = client.post("/es/members/profile/delete/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    tombstone = User.objects.get(pk=member.pk)
    assert str(tombstone) in ("Former member", "Antiguo miembro", "Ex-Mitglied")
    assert tombstone.is_former_member
    assert not tombstone.is_active
    assert tombstone.email.startswith("former-member-")
    assert tombstone.first_name == tombstone.bio == ""
    assert not tombstone.memberships.exists()
    assert not tombstone.groups.exists()
    assert not EmailAddress.objects.filter(user=tombstone).exists()
    assert not tombstone.has_usable_password()
    assert "_auth_user_id" not in client.session
    login = client.post(
        "/es/accounts/login/", {"login": "member@example.org", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert login.status_code == 200
    client.force_login(people["coordinator"])
    assert client.get(f"/es/members/people/{member.pk}/").status_code == 404


def test_directory_lists_members_only_to_members(client, people):
    client.force_login(people["member"])
    body = client.get("/es/members/people/").content.decode()
    assert "Editor A" in body
    assert "Outsider" not in body
    client.force_login(people["outsider"])
    assert client.get("/es/members/people/").status_code == 403


def test_member_pages_never_answer_500_on_garbage(client, people):
    client.force_login(people["coordinator"])
    assert client.get("/es/members/organisations/999999/").status_code == 404
    assert client.get("/es/members/people/?page=abc").status_code == 200
    assert client.post("/es/members/join-requests/1/explode/").status_code == 404
    assert client.post("/es/members/memberships/999/role/", {"role": "boss"}).status_code == 404
