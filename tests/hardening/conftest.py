"""The demo network built once per module, and one signed-in client per role.

The demo is built inside an outer transaction that is rolled back when the module
ends, so the rest of the suite never sees it; each test still runs in its own
savepoint (``db``) and may write freely.
"""

import re
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client

from tests.conftest import ensure_wagtail_tree

# The roles of members/roles.py, plus the two ends: nobody and the superuser.
ROLES = (
    "anonymous",
    "member",
    "editor",
    "org_admin",
    "moderator",
    "coordinator",
    "superuser",
)

# Demo account (home/demo/members.py) that holds each role.
DEMO_USERNAMES = {
    "member": "member1",
    "editor": "editor1",
    "org_admin": "admin1",
    "moderator": "moderacion",
    "coordinator": "coordinacion",
}


def _build_demo():
    from home.demo import consultations as demo_consultations
    from home.demo import members as demo_members
    from home.demo import site
    from members.models import User

    ensure_wagtail_tree()
    home = site.build()
    demo_members.build()
    demo_consultations.build()
    users = {role: User.objects.get(username=name) for role, name in DEMO_USERNAMES.items()}
    users["superuser"] = User.objects.create_superuser(
        username="root", email="root@demo.puente.local", password="root-password-2026"
    )
    return {"home": home, "users": users}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The whole demo site (pages in es/de/en, forum, people, consultations), built once."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_demo()
        transaction.set_rollback(True)


@pytest.fixture
def clients(demo, db):
    """A Django test client per role, already signed in (anonymous is not)."""
    result = {"anonymous": Client()}
    for role, user in demo["users"].items():
        client = Client()
        client.force_login(user)
        result[role] = client
    return result


# --- Every URL the site routes -------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One concrete URL to request, and the rule-table key of the pattern it came from."""

    key: str
    url: str


_CONVERTER = re.compile(r"(?<!\?P)<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>")
_LANGUAGE_PREFIX = "<lang>/"


def url_patterns(resolver=None, prefix=""):
    """(route as written, pattern) for every view in the URL configuration, recursively.

    The language prefix of ``i18n_patterns`` is written ``<lang>/``.
    """
    from django.urls import URLResolver, get_resolver
    from django.urls.resolvers import LocalePrefixPattern

    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if isinstance(pattern.pattern, LocalePrefixPattern):
                part = _LANGUAGE_PREFIX
            else:
                part = str(pattern.pattern)
            yield from url_patterns(pattern, prefix + part)
        else:
            yield prefix + str(pattern.pattern), pattern


def fill_route(route: str, values: dict) -> str:
    """A route with its ``<converter:name>`` parameters replaced by ``values``."""
    return _CONVERTER.sub(lambda match: str(values[match["parameter"]]), route)


def route_parameters(route: str) -> list[str]:
    return [match["parameter"] for match in _CONVERTER.finditer(route)]


def page_key(page) -> str:
    """Rule-table key of a page: its type, and what restricts who may read it."""
    specific = page.specific
    key = f"page:{specific._meta.label}"
    visibility = getattr(specific, "visibility", None)
    if visibility:
        key += f"[{visibility}]"
    elif page.get_view_restrictions().exists():
        key += "[restricted]"
    return key


def _regex_to_path(regex: str, values: dict) -> str:
    """A path matching a regex route: named groups from ``values``, the rest guessed."""
    out, index = [], 0
    regex = regex.replace("^", "").replace(r"\Z", "").replace("$", "")
    while index < len(regex):
        char = regex[index]
        if char == "\\" and index + 1 < len(regex):
            out.append(regex[index + 1])
            index += 2
            continue
        if char != "(":
            out.append(char)
            index += 1
            continue
        depth, end = 0, index
        for end in range(index, len(regex)):
            if regex[end] == "\\":
                continue
            depth += {"(": 1, ")": -1}.get(regex[end], 0)
            if depth == 0:
                break
        group = regex[index + 1 : end]
        index = end + 1
        if index < len(regex) and regex[index] in "*?+":
            index += 1
        if group.startswith(("?!", "?=")):
            continue
        name = re.match(r"\?P<(\w+)>", group)
        if name:
            out.append(str(values[name[1]]))
        elif "|" in group:
            out.append(group.split("|")[0].lstrip("?:"))
        elif r"\d" in group:
            out.append("1")
        else:
            out.append("")
    return "".join(out)


class Samples:
    """Values for URL parameters, taken from the demo data; one rule per parameter name."""

    def __init__(self, demo):
        from forum.models import Attachment, Post, Topic
        from kb.models import GoodPracticePage
        from members.models import Invitation, JoinRequest, Membership

        self.demo = demo
        users = demo["users"]
        member = users["member"]
        self.membership = Membership.objects.filter(user=member).first()
        self.organisation = self.membership.organisation
        self.colleague = users["editor"]
        self.practice = GoodPracticePage.objects.live().filter(locale__language_code="es").first()
        self.public_topic = Topic.objects.filter(category__visibility="public").first()
        self.topics = Topic.objects.select_related("category")
        self.posts = Post.objects.order_by("position", "pk")
        self.attachment = Attachment.objects.first()
        self.invitation = Invitation.objects.first()
        self.join_request = JoinRequest.objects.first()

    def topic_for(self, page):
        """A topic of this forum category, or a public topic for any other page."""
        category = getattr(page, "canonical", None)
        if category is not None:
            topic = self.topics.filter(category=category()).first()
            if topic is not None:
                return topic
        return self.public_topic

    def values(self, key: str, parameter: str, page=None) -> list:
        """Every value to try for ``parameter`` of pattern ``key`` (several = several URLs)."""
        from forum import views as forum_views
        from kb.feeds import KINDS

        by_route = {
            ("<lang>/members/people/<int:pk>/", "pk"): self.colleague.pk,
            ("<lang>/members/people/<int:pk>/avatar/", "pk"): self.colleague.pk,
            ("<lang>/members/organisations/<int:pk>/", "pk"): self.organisation.pk,
            ("<lang>/members/organisations/<int:pk>/invite/", "pk"): self.organisation.pk,
            ("<lang>/members/memberships/<int:pk>/role/", "pk"): self.membership.pk,
            ("<lang>/members/memberships/<int:pk>/remove/", "pk"): self.membership.pk,
            ("<lang>/members/invitations/<int:pk>/revoke/", "pk"): getattr(
                self.invitation, "pk", 1
            ),
            ("<lang>/members/join-requests/<int:pk>/<str:decision>/", "pk"): getattr(
                self.join_request, "pk", 1
            ),
            ("api/v2/^pages/<int:pk>/", "pk"): self.practice.pk,
        }
        if (key, parameter) in by_route:
            return [by_route[key, parameter]]
        topic = self.topic_for(page)
        by_name = {
            "topic_id": lambda: topic.pk,
            "slug": lambda: topic.slug or "-",
            "position": lambda: 1,
            "post_id": lambda: self.posts.filter(topic=topic).first().pk,
            "attachment_id": lambda: getattr(self.attachment, "pk", 1),
            "page_id": lambda: self.practice.pk,
            "token": lambda: "not-a-real-token",
            "key": lambda: "not-a-real-key",
            "uidb36": lambda: "1",
            "decision": lambda: "accept",
            "number": lambda: 1,
            "restriction_id": lambda: 1,
            "page_view_restriction_id": lambda: 1,
            "action": lambda: sorted(forum_views.POST_ACTIONS),
            "kind": lambda: sorted(KINDS),
        }
        if parameter in by_name:
            value = by_name[parameter]()
            return value if isinstance(value, list) else [value]
        if key.startswith(("admin/", "django-admin/")):
            # Every admin view checks access before it looks anything up.
            return [self.demo["home"].pk]
        raise LookupError(
            f"No sample value for parameter {parameter!r} of {key!r}: "
            "add one to tests/hardening/conftest.py Samples.values"
        )

    def targets_for(self, key: str, route: str, prefix: str = "", page=None):
        """Concrete URLs of one pattern: one per combination of multi-valued parameters."""
        parameters = route_parameters(route) + re.findall(r"\?P<(\w+)>", route)
        combinations = [{}]
        for parameter in parameters:
            options = self.values(key, parameter, page)
            combinations = [{**c, parameter: value} for c in combinations for value in options]
        targets = []
        for values in combinations:
            path = _regex_to_path(fill_route(route, values), values)
            multi = {p: v for p, v in values.items() if len(self.values(key, p, page)) > 1}
            suffix = "".join(f"{{{p}={v}}}" for p, v in multi.items())
            targets.append(Target(key + suffix, prefix + path))
        return targets


# The catch-all page routes are walked page by page, below, not as patterns.
PAGE_SERVING = {"wagtail_serve"}
LANGUAGES = ("es", "de", "en")


def site_targets(samples: Samples) -> list[Target]:
    """Every non-page pattern of the URL configuration, as concrete URLs (language: es)."""
    targets = []
    for key, pattern in url_patterns():
        if pattern.name not in PAGE_SERVING:
            targets += samples.targets_for(key, key.replace(_LANGUAGE_PREFIX, "es/"), "/")
    return targets


def page_targets(samples: Samples) -> list[Target]:
    """Every live page in every language, and every sub-route of routable pages."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import Page

    targets = []
    pages = Page.objects.live().filter(depth__gt=1).specific().order_by("path")
    for page in pages:
        key = page_key(page)
        url = page.get_url()
        if url is None:
            continue
        if not isinstance(page, RoutablePageMixin):
            targets.append(Target(key, url))
            continue
        for pattern in page.get_subpage_urls():
            route = str(pattern.pattern)
            targets += samples.targets_for(f"{key}:{route}", route, url, page=page)
    return targets
