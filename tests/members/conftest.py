"""A small network: organisations A and B, a practice of each, and one person per role."""

import datetime

import pytest
from django.core.cache import cache

from members.models import Membership, NetworkRole, User

PASSWORD = "a-long-test-password-2026"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth's login rate limits live in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


def make_user(name, *, language="es", **extra):
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(
        username=name,
        email=f"{name}@example.org",
        password=PASSWORD,
        first_name=name.replace("_", " ").title(),
        preferred_language=language,
        **extra,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def kb_tree(root_page):
    from kb.models import (
        GoodPracticeIndexPage,
        GoodPracticePage,
        OrganisationIndexPage,
        OrganisationPage,
    )

    orgs_index = root_page.add_child(instance=OrganisationIndexPage(title="Organizaciones"))
    org_a = orgs_index.add_child(instance=OrganisationPage(title="Casa A", slug="casa-a"))
    org_b = orgs_index.add_child(instance=OrganisationPage(title="Albergue B", slug="albergue-b"))
    practices = root_page.add_child(instance=GoodPracticeIndexPage(title="Buenas prácticas"))

    def practice(title, org):
        page = GoodPracticePage(
            title=title,
            summary="Resumen.",
            start_date=datetime.date(2020, 1, 1),
            challenge="<p>Reto</p>",
        )
        practices.add_child(instance=page)
        page.organisations.set([org])
        page.save_revision().publish()
        return page

    return {
        "org_a": org_a,
        "org_b": org_b,
        "orgs_index": orgs_index,
        "practices": practices,
        "practice_a": practice("Práctica A", org_a),
        "practice_b": practice("Práctica B", org_b),
    }


@pytest.fixture
def people(kb_tree):
    """anonymous is None; every other role is a User."""
    org_a, org_b = kb_tree["org_a"], kb_tree["org_b"]
    member = make_user("member")
    Membership.objects.create(user=member, organisation=org_a, role="member")
    editor_a = make_user("editor_a")
    Membership.objects.create(user=editor_a, organisation=org_a, role="editor")
    editor_b = make_user("editor_b")
    Membership.objects.create(user=editor_b, organisation=org_b, role="editor")
    org_admin = make_user("org_admin")
    Membership.objects.create(user=org_admin, organisation=org_a, role="admin")
    moderator = make_user("moderator")
    NetworkRole.objects.create(user=moderator, role="moderator")
    coordinator = make_user("coordinator")
    NetworkRole.objects.create(user=coordinator, role="coordinator")
    outsider = make_user("outsider")
    return {
        "anonymous": None,
        "member": member,
        "editor_a": editor_a,
        "editor_b": editor_b,
        "org_admin": org_admin,
        "moderator": moderator,
        "coordinator": coordinator,
        "outsider": outsider,
    }
