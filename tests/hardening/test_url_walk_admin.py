"""Every URL of the Wagtail admin and Django's admin, as every role.

Wagtail's admin checks ``wagtailadmin.access_admin`` before any view runs, so the rule
for the roles without it (anonymous, member, moderator) is the same for every URL:
sent to the login page. The roles with it get whatever each view's own permission check
answers, but never an error; a few areas are for coordinators or superusers only.
"""

from tests.hardening.conftest import ROLES, Samples, site_targets
from tests.hardening.test_url_walk import (
    ADMIN_ROLES,
    ERROR,
    FORBIDDEN,
    LOGIN,
    MISSING,
    NOT_ALLOWED,
    OK,
    REDIRECT,
    everyone,
    matches,
    rule,
    walk,
)

ANY_ANSWER = {OK, LOGIN, FORBIDDEN, MISSING, NOT_ALLOWED, REDIRECT}
DENIED = {FORBIDDEN, REDIRECT, MISSING, LOGIN, NOT_ALLOWED}  # Wagtail redirects on denial

# Pattern -> rule; the first match wins.
ADMIN_ACCESS = {
    # Signed-out pages of the admin.
    "admin/login/": rule(REDIRECT, anonymous=LOGIN),
    "admin/password_reset/*": everyone(OK),
    "admin/sprite/": everyone(OK),
    "admin/jsi18n/": everyone(OK),
    # Wagtail's deliberate error page, for checking error reporting.
    "admin/failwhale/": rule(LOGIN, **dict.fromkeys(ADMIN_ROLES, ERROR)),
    # Accounts, groups, sites, workflows and settings: never for organisation roles.
    "admin/users/*": rule(
        LOGIN, editor=DENIED, org_admin=DENIED, coordinator=DENIED, superuser=ANY_ANSWER
    ),
    "admin/groups/*": rule(
        LOGIN, editor=DENIED, org_admin=DENIED, coordinator=DENIED, superuser=ANY_ANSWER
    ),
    "admin/sites/*": rule(
        LOGIN, editor=DENIED, org_admin=DENIED, coordinator=DENIED, superuser=ANY_ANSWER
    ),
    "admin/workflows/*": rule(
        LOGIN,
        editor=DENIED | {OK},
        org_admin=DENIED | {OK},
        coordinator=ANY_ANSWER,
        superuser=ANY_ANSWER,
    ),
    "admin/*": rule(LOGIN, **dict.fromkeys(ADMIN_ROLES, ANY_ANSWER)),
    # Django's admin: superusers only (nobody else is staff).
    "django-admin/login/": rule(REDIRECT, anonymous=LOGIN),
    "django-admin/logout/": rule(REDIRECT, superuser=NOT_ALLOWED),
    "django-admin/*": rule(LOGIN, superuser=ANY_ANSWER),
}


def admin_rule(key):
    for pattern, expected in ADMIN_ACCESS.items():
        if matches(key, pattern):
            return expected
    raise AssertionError(f"No admin access rule for {key!r}: add it to ADMIN_ACCESS")


def test_admin_urls_answer_each_role_as_the_table_says(demo, clients):
    targets = [
        target
        for target in site_targets(Samples(demo))
        if target.key.startswith(("admin/", "django-admin/"))
    ]
    assert len(targets) > 300
    problems = walk(targets, clients, demo["users"], roles=ROLES, expected_of=admin_rule)
    assert problems == []
