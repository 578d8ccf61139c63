"""@mention autocomplete: participants ask, participants are offered; the editor script."""

import pytest

from tests.forum.conftest import make_user

pytestmark = pytest.mark.django_db


def candidates(client, forum, query):
    return client.get(forum.sub_url("mentions"), {"q": query})


def test_member_gets_matching_participants(client, forum, member, other_member, moderator):
    make_user("joaquin", perms=["participate"], first_name="Joaquín", is_active=False)
    make_user("jorge")  # an account without forum rights cannot be mentioned
    client.force_login(member)
    response = candidates(client, forum, "jo")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"members": [{"handle": "jonas", "name": "Jonas Weber"}]}
    assert candidates(client, forum, "@an").json()["members"] == [
        {"handle": "mod", "name": "Ana Mod"}
    ]
    assert candidates(client, forum, "ma").json() == {"members": []}  # not oneself
    assert candidates(client, forum, "j").json() == {"members": []}  # too short


def test_names_never_leak_email_addresses(client, forum, member):
    make_user("lucia@example.org", perms=["participate"])
    client.force_login(member)
    (found,) = candidates(client, forum, "luc").json()["members"]
    assert "example.org" not in found["name"]


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_only_participants_may_ask(client, forum, other_member, outsider, who):
    if who == "outsider":
        client.force_login(outsider)
    response = candidates(client, forum, "jo")
    assert response.status_code == 403
    assert response.json() == {"members": []}


def test_editor_points_the_script_at_the_endpoint(client, forum, member):
    client.force_login(member)
    html = client.get(forum.categories["miembros"].sub_url("new_topic")).content.decode()
    assert f'data-mention-url="{forum.sub_url("mentions")}"' in html
    assert 'enctype="multipart/form-data"' in html


def test_candidates_cost_a_few_queries_however_many_members(
    client, forum, member, django_assert_max_num_queries
):
    for n in range(30):
        make_user(f"joven{n}", perms=["participate"])
    client.force_login(member)
    candidates(client, forum, "jo")
    with django_assert_max_num_queries(12):  # routing, session and roles, then one query
        found = candidates(client, forum, "jo").json()["members"]
    assert len(found) == 8
