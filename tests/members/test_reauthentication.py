"""Signing in again with a code sent by email (allauth), in the member's language."""

import pytest
from django.core import mail

from tests.members.conftest import make_user

LABELS = {"es": "Enviar el código a", "de": "Code senden an", "en": "Send the code to"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es", "de", "en"])
def test_the_code_form_names_where_the_code_goes_in_the_readers_language(client, language):
    member = make_user("ana", language=language)
    client.force_login(member)
    response = client.get(f"/{language}/accounts/reauthenticate/code/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<label for="id_recipient">{LABELS[language]}:</label>' in html
    assert "Recipient" not in html
    assert '<option value="ana@example.org">' in html


@pytest.mark.django_db
def test_asking_for_a_code_emails_it_and_asks_for_it(client):
    member = make_user("ana", language="de")
    client.force_login(member)
    response = client.post("/de/accounts/reauthenticate/code/", {"recipient": member.email})
    assert response.status_code == 302
    assert response["Location"] == "/de/accounts/reauthenticate/code/confirm/"
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]


@pytest.mark.django_db
def test_an_address_not_the_members_own_is_refused(client):
    member = make_user("ana")
    client.force_login(member)
    response = client.post(
        "/es/accounts/reauthenticate/code/", {"recipient": "someone@example.org"}
    )
    assert response.status_code == 200
    assert mail.outbox == []
    assert "Escoja una opción válida" in response.content.decode()
