"""Invitation flow end to end through the real email outbox; closed sign-up; join requests."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

from members.models import Invitation, JoinRequest, Membership, User
from tests.members.conftest import PASSWORD

NEW_PASSWORD = "puente-nueva-clave-2026"


def link_in(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def invite(client, admin, org, email="nueva@example.org", language="de", role="member"):
    client.force_login(admin)
    response = client.post(
        f"/es/members/organisations/{org.pk}/invite/",
        {"email": email, "role": role, "language": language},
    )
    assert response.status_code == 302, response.content
    client.logout()
    return mail.outbox[-1]


def test_invitation_end_to_end_in_the_invitees_language(client, people, kb_tree):
    message = invite(client, people["org_admin"], kb_tree["org_a"], language="de")
    assert message.to == ["nueva@example.org"]
    assert "Einladung" in message.subject
    assert message.extra_headers["Content-Language"] == "de"
    url = link_in(message)
    assert url.startswith("/de/members/invitation/")

    page = client.get(url)
    assert page.status_code == 200
    assert "Casa A" in page.content.decode()

    response = client.post(
        url,
        {
            "first_name": "Ana",
            "last_name": "Pérez",
            "preferred_language": "de",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/de/accounts/login/")
    user = User.objects.get(email="nueva@example.org")
    assert Membership.objects.get(user=user).organisation == kb_tree["org_a"]
    assert user.groups.filter(name="Members").exists()

    response = client.post(
        "/de/accounts/login/", {"login": "nueva@example.org", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/de/members/"
    start = client.get("/de/members/")
    assert start.status_code == 200
    assert "Meine Organisationen" in start.content.decode()


def test_reused_invitation_is_refused_with_a_clear_message(client, people, kb_tree):
    url = link_in(invite(client, people["org_admin"], kb_tree["org_a"], language="es"))
    data = {
        "first_name": "Ana",
        "preferred_language": "es",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    assert client.post(url, data).status_code == 302
    client.logout()
    again = client.get(url)
    assert again.status_code == 410
    assert "ya se utilizó" in again.content.decode()
    assert client.post(url, data).status_code == 410
    assert User.objects.filter(email="nueva@example.org").count() == 1


def test_expired_invitation_is_refused_with_a_clear_message(client, people, kb_tree):
    url = link_in(invite(client, people["org_admin"], kb_tree["org_a"], language="en"))
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(url)
    assert response.status_code == 410
    assert "This invitation has expired" in response.content.decode()
    assert not User.objects.filter(email="nueva@example.org").exists()


def test_unknown_invitation_link_is_a_404(client, db):
    assert client.get("/es/members/invitation/nothing-here/").status_code == 404


def test_bad_password_keeps_what_was_typed(client, people, kb_tree):
    url = link_in(invite(client, people["org_admin"], kb_tree["org_a"], language="es"))
    response = client.post(
        url,
        {
            "first_name": "Ana Typed",
            "preferred_language": "es",
            "password1": "123",
            "password2": "123",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="Ana Typed"' in body
    assert 'aria-describedby="id_password1_helptext id_password1_error"' in body
    assert not User.objects.filter(email="nueva@example.org").exists()


def test_editor_cannot_invite_and_admin_cannot_invite_to_another_org(client, people, kb_tree):
    client.force_login(people["editor_a"])
    url = f"/es/members/organisations/{kb_tree['org_a'].pk}/invite/"
    assert (
        client.post(url, {"email": "x@example.org", "role": "member", "language": "es"}).status_code
        == 403
    )
    client.force_login(people["org_admin"])
    url = f"/es/members/organisations/{kb_tree['org_b'].pk}/invite/"
    assert (
        client.post(url, {"email": "x@example.org", "role": "member", "language": "es"}).status_code
        == 403
    )
    assert mail.outbox == []


def test_existing_member_accepts_after_signing_in(client, people, kb_tree):
    url = link_in(
        invite(client, people["coordinator"], kb_tree["org_b"], email="member@example.org")
    )
    response = client.get(url)
    assert "/accounts/login/" in response["Location"]
    client.force_login(people["member"])
    assert client.post(url).status_code == 302
    assert people["member"].memberships.count() == 2


def test_signup_is_closed(client, db):
    response = client.post(
        "/es/accounts/signup/",
        {"email": "x@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="x@example.org").exists()


def test_join_request_approved_sends_an_invitation(client, people, kb_tree):
    response = client.post(
        "/en/members/join/",
        {
            "name": "Luis",
            "email": "luis@example.org",
            "organisation": kb_tree["org_a"].pk,
            "message": "I work at Casa A.",
            "language": "en",
        },
    )
    assert response.status_code == 200
    told = sorted(address for m in mail.outbox for address in m.to)
    assert told == ["coordinator@example.org", "org_admin@example.org"]
    mail.outbox.clear()
    client.force_login(people["org_admin"])
    join_request = JoinRequest.objects.get()
    response = client.post(f"/es/members/join-requests/{join_request.pk}/approve/")
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["luis@example.org"]
    assert link_in(mail.outbox[-1]).startswith("/en/members/invitation/")


def test_join_request_bad_input_is_a_400_with_errors(client, kb_tree):
    response = client.post("/es/members/join/", {"name": "", "email": "nope"})
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()


def test_login_is_rate_limited(client, people):
    for _ in range(5):
        client.post("/es/accounts/login/", {"login": "member@example.org", "password": "wrong"})
    response = client.post(
        "/es/accounts/login/", {"login": "member@example.org", "password": PASSWORD}
    )
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_password_reset_email_is_in_the_users_language(client, people):
    people["member"].preferred_language = "de"
    people["member"].save()
    client.post("/es/accounts/password/reset/", {"email": "member@example.org"})
    assert len(mail.outbox) == 1
    assert "Passwort" in mail.outbox[0].subject or "Passwort" in mail.outbox[0].body
