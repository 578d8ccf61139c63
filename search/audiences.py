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
    return for_restrictions(list(page.get_view_restrictions()))


def for_pages(pages) -> dict[int, str]:
    """{page id: audience} of live ``pages``, as ``for_page`` finds them, in a few queries."""
    pages = list(pages)
    restrictions = list(PageViewRestriction.objects.all())
    if not restrictions or not pages:
        return {page.pk: PUBLIC for page in pages}
    # What Page.get_view_restrictions() checks: the page and its ancestors, an alias
    # standing for its source page.
    steplen = Page.steplen
    ancestor_paths = {
        page.path[:end] for page in pages for end in range(steplen, len(page.path), steplen)
    }
    ancestors = list(
        Page.objects.filter(path__in=ancestor_paths).values_list("path", "pk", "alias_of_id")
    )
    sources = {pk: alias_of for _path, pk, alias_of in ancestors}
    sources.update((page.pk, page.alias_of_id) for page in pages)
    ids_by_path = {path: pk for path, pk, _alias_of in ancestors}

    def source(pk):
        while True:
            if pk not in sources:
                sources[pk] = Page.objects.filter(pk=pk).values_list("alias_of_id", flat=True)[0]
            if sources[pk] is None:
                return pk
            pk = sources[pk]

    by_page = {}
    for restriction in restrictions:
        by_page.setdefault(restriction.page_id, []).append(restriction)
    found = {}
    for page in pages:
        checked = {source(page.pk)}
        checked.update(
            source(ids_by_path[page.path[:end]])
            for end in range(steplen, len(page.path), steplen)
            if page.path[:end] in ids_by_path
        )
        found[page.pk] = for_restrictions(
            [restriction for pk in checked for restriction in by_page.get(pk, [])]
        )
    return found


def for_restrictions(restrictions) -> str:
    """The audience of a page with view ``restrictions`` (its own and its ancestors')."""
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
