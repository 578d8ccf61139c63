"""Every URL the site routes, requested as every role, against one table of access rules.

The URLs come from the URL configuration (``get_resolver()``, recursively) and from the
demo page tree (every live page in es/de/en, and every sub-route of routable pages), so
a new view or page type cannot escape: a pattern without a rule fails the test with
"add it to ACCESS". Anonymous readers get every page of every language; the signed-in
roles get one page per type and language (the rules do not depend on which one).
"""

import re

import pytest

from tests.hardening.conftest import (
    PAGE_SERVING,
    ROLES,
    Samples,
    page_targets,
    site_targets,
    url_patterns,
)

OK, LOGIN, FORBIDDEN, MISSING, NOT_ALLOWED, REDIRECT, ERROR = (
    "200",
    "302 to login",
    "403",
    "404",
    "405",
    "302 elsewhere",
    "500",
)
SIGNED_IN = ROLES[1:]
ADMIN_ROLES = ("editor", "org_admin", "coordinator", "superuser")  # wagtailadmin.access_admin
MODERATING = ("moderator", "coordinator", "superuser")  # forum.moderate
MANAGING = ("org_admin", "coordinator", "superuser")  # run an organisation's membership


def rule(default, **by_role):
    """Expected outcome per role: ``default`` for all, except the roles named."""
    return {role: by_role.get(role, default) for role in ROLES}


def everyone(outcome):
    return rule(outcome)


def members_only(outcome=OK, anonymous=LOGIN):
    return rule(outcome, anonymous=anonymous)


def only(roles, outcome=OK, others=FORBIDDEN, anonymous=LOGIN):
    return {
        role: anonymous if role == "anonymous" else outcome if role in roles else others
        for role in ROLES
    }


def signed_out_only(anonymous=OK, signed_in=REDIRECT):
    return rule(signed_in, anonymous=anonymous)


# Pattern (``*`` matches anything; the first match wins) -> expected outcome of a GET per role.
# Keys: the route as written with "<lang>/" for the language prefix; "page:<app.Model>"
# (with "[visibility]" for forum categories, "[restricted]" for pages with a view
# restriction) and ":<sub-route>" for routable pages; "{param=value}" when one
# parameter is tried with several values.
ACCESS = {
    # Wagtail serves documents through a redirect to storage; demo has no private ones.
    "documents/^(\\d+)/(.*)$": everyone(REDIRECT),
    "documents/authenticate_with_password/<int:restriction_id>/": everyone(REDIRECT),
    "i18n/setlang/": everyone(REDIRECT),
    # Read-only API of live public kb pages; "find" redirects to the detail URL.
    "api/v2/^pages/": everyone(OK),
    "api/v2/^pages/<int:pk>/": everyone(OK),
    "api/v2/^pages/find/": everyone(REDIRECT),
    "sitemap.xml": everyone(OK),
    ".well-known/security.txt": everyone(OK),
    # allauth: signed-in people are sent on from the signed-out forms and vice versa.
    "<lang>/accounts/login/": signed_out_only(),
    "<lang>/accounts/signup/": signed_out_only(),
    "<lang>/accounts/logout/": rule(OK, anonymous=REDIRECT),
    "<lang>/accounts/inactive/": everyone(OK),
    "<lang>/accounts/confirm-email/": everyone(OK),
    "<lang>/accounts/^confirm-email/(?P<key>[-:\\w]+)/$": everyone(OK),
    "<lang>/accounts/password/reset/*": everyone(OK),
    "<lang>/accounts/^password/reset/key/*": everyone(OK),
    "<lang>/accounts/password/set/": members_only(REDIRECT),  # demo people have passwords
    "<lang>/accounts/login/code/confirm/": members_only(REDIRECT),
    "<lang>/accounts/reauthenticate/": members_only(),
    # Asking for a code again needs a verified address: the demo superuser has none and
    # is sent to the password form; confirming needs a code asked for first.
    "<lang>/accounts/reauthenticate/code/": rule(OK, anonymous=LOGIN, superuser=REDIRECT),
    "<lang>/accounts/reauthenticate/code/confirm/": members_only(REDIRECT),
    "<lang>/accounts/email/": members_only(),
    "<lang>/accounts/password/change/": members_only(),
    "<lang>/accounts/sessions/": members_only(),
    # Two-factor authentication (allauth MFA): setting it up first asks for the password
    # again (a forced login has none); the demo people have no authenticator yet.
    "<lang>/accounts/2fa/": members_only(),
    "<lang>/accounts/2fa/totp/deactivate/": members_only(MISSING),
    "<lang>/accounts/2fa/recovery-codes/": members_only(MISSING),
    "<lang>/accounts/2fa/recovery-codes/download/": members_only(MISSING),
    "<lang>/accounts/2fa/*": members_only(REDIRECT),
    # members: the network's own pages.
    "<lang>/members/": members_only(),
    "<lang>/members/people/": members_only(),
    "<lang>/members/people/<int:pk>/": members_only(),
    "<lang>/members/people/<int:pk>/avatar/": members_only(MISSING),  # no avatar uploaded
    "<lang>/members/profile/": members_only(),
    "<lang>/members/profile/export/": members_only(),
    "<lang>/members/profile/delete/": members_only(),
    "<lang>/members/invitation/<str:token>/": everyone(MISSING),  # a guessed token
    "<lang>/members/join/": everyone(OK),
    "<lang>/members/join-requests/": only(MANAGING),
    "<lang>/members/organisations/<int:pk>/": only(MANAGING),
    "<lang>/members/organisations/<int:pk>/invite/": only(MANAGING),
    # Changes are POST only (and checked there: tests/members).
    "<lang>/members/join-requests/<int:pk>/<str:decision>/": everyone(NOT_ALLOWED),
    "<lang>/members/memberships/<int:pk>/*": everyone(NOT_ALLOWED),
    "<lang>/members/invitations/<int:pk>/revoke/": everyone(NOT_ALLOWED),
    # Feeds and search: public, and only ever list public pages.
    "<lang>/feeds/*": everyone(OK),
    "<lang>/search/": everyone(OK),
    "<lang>/search/autocomplete/": everyone(OK),
    # Wagtail's password form: the demo's restricted page asks for a login, not a
    # password; other ids do not exist.
    "<lang>/_util/authenticate_with_password/*": everyone({OK, MISSING}),
    "<lang>/_util/login/": everyone(OK),
    # Pages of the site shell and the knowledge base: public.
    "page:home.HomePage": everyone(OK),
    "page:home.StandardPage": everyone(OK),
    "page:kb.*IndexPage": everyone(OK),
    "page:kb.OrganisationPage": everyone(OK),
    "page:kb.GoodPracticePage": everyone(OK),
    "page:kb.CareModelPage": everyone(OK),
    "page:kb.DialogueEventPage": everyone(OK),
    "page:kb.NetworkDashboardPage": everyone(OK),
    "page:kb.PolicyPositionPage:": everyone(OK),
    # Frozen versions: only positions adopted at least once have a version 1.
    "page:kb.PolicyPositionPage:v<int:number>/": everyone({OK, MISSING}),
    "page:kb.PolicyPositionPage:v<int:number>/changes/": everyone(MISSING),
    "page:kb.PolicyPositionPage:decide/": everyone(NOT_ALLOWED),
    "page:kb.PolicyPositionPage:consultation/": everyone(NOT_ALLOWED),
    "page:kb.PolicyPositionPage:adopt/": only(("coordinator", "superuser")),
    "page:*[restricted]": members_only(),
    # Forum index: lists for members, moderation for moderators.
    "page:forum.ForumIndexPage:": everyone(OK),
    "page:forum.ForumIndexPage:t/<int:topic_id>/": everyone(REDIRECT),
    "page:forum.ForumIndexPage:p/<int:post_id>/": everyone(REDIRECT),
    "page:forum.ForumIndexPage:p/<int:post_id>/translation/": everyone(NOT_ALLOWED),
    "page:forum.ForumIndexPage:a/<int:attachment_id>/": everyone(MISSING),  # none in demo
    "page:forum.ForumIndexPage:members/": members_only(anonymous=FORBIDDEN),  # JSON
    "page:forum.ForumIndexPage:discuss/<int:page_id>/": members_only(),
    "page:forum.ForumIndexPage:unread/": members_only(),
    "page:forum.ForumIndexPage:notifications/": members_only(),
    "page:forum.ForumIndexPage:moderation/": only(MODERATING),
    "page:forum.ForumIndexPage:moderation/log/": only(MODERATING),
    "page:forum.ForumIndexPage:unsubscribe/<str:token>/": everyone(OK),  # says "invalid link"
    # Post actions on a post member1 wrote in a public category.
    "page:forum.ForumIndexPage:p/*/{action=edit}": only(("member", *MODERATING)),
    "page:forum.ForumIndexPage:p/*/{action=delete}": only(("member", *MODERATING)),
    "page:forum.ForumIndexPage:p/*/{action=flag}": rule(OK, anonymous=LOGIN, member=FORBIDDEN),
    "page:forum.ForumIndexPage:p/*/{action=quote}": members_only(REDIRECT),
    "page:forum.ForumIndexPage:p/*/{action=answer}": members_only(NOT_ALLOWED),
    "page:forum.ForumIndexPage:p/*/{action=helpful}": members_only(NOT_ALLOWED),
    "page:forum.ForumIndexPage:p/*/{action=*}": only(MODERATING),
    # Categories: public ones are read by anyone, members' ones by members only.
    "page:forum.CategoryPage[public]:": everyone(OK),
    "page:forum.CategoryPage[public]:t/<int:topic_id>-<str:slug>/": everyone(OK),
    "page:forum.CategoryPage[public]:t/<int:topic_id>/p/<int:position>/": everyone(REDIRECT),
    "page:forum.CategoryPage[public]:t/<int:topic_id>/unread/": everyone(REDIRECT),
    "page:forum.CategoryPage[members]:": members_only(),
    "page:forum.CategoryPage[members]:t/<int:topic_id>-<str:slug>/": members_only(),
    "page:forum.CategoryPage[members]:t/<int:topic_id>/p/<int:position>/": members_only(REDIRECT),
    "page:forum.CategoryPage[members]:t/<int:topic_id>/unread/": members_only(REDIRECT),
    "page:forum.CategoryPage[moderators]:": only(MODERATING),
    "page:forum.CategoryPage[moderators]:t/<int:topic_id>-<str:slug>/": only(MODERATING),
    "page:forum.CategoryPage[moderators]:t/<int:topic_id>/p/<int:position>/": only(
        MODERATING, REDIRECT
    ),
    "page:forum.CategoryPage[moderators]:t/<int:topic_id>/unread/": only(MODERATING, REDIRECT),
    "page:forum.CategoryPage[moderators]:new/": only(MODERATING),
    "page:forum.CategoryPage[moderators]:t/<int:topic_id>/reply/": only(MODERATING),
    "page:forum.CategoryPage[moderators]:t/<int:topic_id>/watch/": only(MODERATING, NOT_ALLOWED),
    "page:forum.CategoryPage[*]:new/": members_only(),
    "page:forum.CategoryPage[*]:t/<int:topic_id>/reply/": members_only(),
    "page:forum.CategoryPage[*]:t/<int:topic_id>/moderate/": only(MODERATING),
    "page:forum.CategoryPage[*]:*watch/": members_only(NOT_ALLOWED),
    # The Wagtail admin: walked by test_url_walk_admin.py.
    "admin/*": None,
    "django-admin/*": None,
}


def matches(key: str, pattern: str) -> bool:
    """Does ``key`` match ``pattern``? Only ``*`` is special: it stands for anything."""
    return re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), key) is not None


def expected_for(key):
    """The rule of the first ACCESS pattern matching ``key``."""
    for pattern, expected in ACCESS.items():
        if matches(key, pattern):
            return pattern, expected
    raise AssertionError(f"No access rule for {key!r}: add it to ACCESS in {__file__}")


def outcome(client, url) -> tuple:
    try:
        response = client.get(url)
    except Exception:  # noqa: BLE001 - the test client re-raises a view's exception
        return ERROR, None
    if response.status_code in (301, 302, 303, 307, 308):
        return (LOGIN if "/login/" in response["Location"] else REDIRECT), response
    return str(response.status_code), response


def walk(targets, clients, users, roles=ROLES, expected_of=None):
    """Request every target as every role; the mismatches, as readable lines."""
    expected_of = expected_of or (lambda key: expected_for(key)[1])
    problems = []
    for target in targets:
        expected = expected_of(target.key)
        for role in roles:
            got, response = outcome(clients[role], target.url)
            allowed = expected[role] if isinstance(expected[role], set) else {expected[role]}
            if got not in allowed:
                problems.append(f"{role:12} {target.url} ({target.key}): {got}, want {allowed}")
            logged_out = response is not None and not response.wsgi_request.user.is_authenticated
            if role != "anonymous" and logged_out:  # a logout view ended the session
                clients[role].force_login(users[role])
    return problems


def test_every_routed_pattern_has_an_access_rule(demo, db):
    keys = [key for key, pattern in url_patterns() if pattern.name not in PAGE_SERVING]
    samples = Samples(demo)
    keys += [target.key for target in page_targets(samples)]
    missing = []
    for key in keys:
        try:
            expected_for(key)
        except AssertionError as error:
            missing.append(str(error))
    assert missing == []


def _one_per_type_and_language(targets):
    seen, chosen = set(), []
    for target in targets:
        language = target.url.split("/")[1]
        if (target.key, language) not in seen:
            seen.add((target.key, language))
            chosen.append(target)
    return chosen


def test_site_urls_answer_each_role_as_the_table_says(demo, clients):
    targets = [t for t in site_targets(Samples(demo)) if expected_for(t.key)[1] is not None]
    assert len(targets) > 50
    assert walk(targets, clients, demo["users"]) == []


def test_every_page_in_every_language_answers_as_the_table_says(demo, clients):
    targets = page_targets(Samples(demo))
    languages = {target.url.split("/")[1] for target in targets}
    assert languages == {"es", "de", "en"}
    problems = walk(targets, clients, demo["users"], roles=("anonymous",))
    sample = _one_per_type_and_language(targets)
    problems += walk(sample, clients, demo["users"], roles=SIGNED_IN)
    assert problems == []


@pytest.mark.parametrize("language", ["fr", "xx", "es-mx", "ES"])
def test_unknown_language_prefixes_are_not_found(demo, clients, language):
    for role in ("anonymous", "member"):
        got, _response = outcome(clients[role], f"/{language}/members/")
        assert got in {MISSING, REDIRECT}, (role, language, got)
