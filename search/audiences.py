"""Who may find a document: each document has one audience, each reader a set of them.

- ``public``: everyone;
- ``login``: signed-in readers (a page restricted to logged-in users);
- ``groups:<restriction id>``: members of the groups of a Wagtail page view restriction;
- ``nobody``: never found (password-protected pages, several group restrictions at once);
- audiences registered by apps, e.g. ``forum:members`` (see ``search.integrations.forum``).

The reader's set is computed at query time, so a change of permissions is exact at once.
"""

from wagtail.models import Page, PageViewRestriction

from search import adapters
from search.documents import PUBLIC

LOGIN = "login"
NOBODY = "nobody"


def for_user(user) -> frozenset[str]:
    audiences = {PUBLIC}
    if user is not None and user.is_authenticated and user.is_active:
        audiences.add(LOGIN)
        restrictions = PageViewRestriction.objects.filter(
            restriction_type=PageViewRestriction.GROUPS
        )
        if not user.is_superuser:
            restrictions = restrictions.filter(groups__in=user.groups.all())
        audiences.update(f"groups:{pk}" for pk in restrictions.values_list("pk", flat=True))
    for provider in adapters.audience_providers():
        audiences.update(provider(user))
    return frozenset(audiences)


def for_page(page: Page) -> str:
    """The audience of a live page, from the view restrictions on it and its ancestors."""
    restrictions = list(page.get_view_restrictions())
    if not restrictions:
        return PUBLIC
    kinds = {restriction.restriction_type for restriction in restrictions}
    if PageViewRestriction.PASSWORD in kinds:
        return NOBODY
    groups = [r for r in restrictions if r.restriction_type == PageViewRestriction.GROUPS]
    if len(groups) > 1:
        return NOBODY
    if groups:
        return f"groups:{groups[0].pk}"
    return LOGIN
