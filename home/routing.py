"""Page routing in two queries, whatever the depth of the page.

Wagtail routes ``/es/a/b/c/`` level by level: at each level it looks the child up by slug
and loads its specific page, two queries per level. Here every page of the path is
read in one query (by slug, below the home page), the chain is followed in memory, and
only the page that answers is loaded as its specific type. A page type with routing of
its own (sub-routes, as the forum's) still decides: where its sub-routes match, it
answers, exactly as in Wagtail, where sub-routes come before children.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def route(root, request, path_components):
    """Wagtail's ``RouteResult`` for ``path_components`` below ``root``, or ``Http404``."""
    chain = _chain(root, path_components)
    if len(chain) == 1:
        raise Http404
    last = len(chain) - 1
    for depth in range(1, last):
        remaining = path_components[depth:]
        if _answers_itself(chain[depth], remaining):
            return _specific(chain, depth).route(request, remaining)
    return _specific(chain, last).route(request, path_components[last:])


def _chain(root, path_components):
    """``root`` and the pages named by ``path_components`` below it, as far as they exist."""
    candidates = Page.objects.filter(
        slug__in=set(path_components),
        path__startswith=root.path,
        depth__gt=root.depth,
        depth__lte=root.depth + len(path_components),
    ).order_by("depth")
    by_place = {(page.depth, page.slug, page.path[: -Page.steplen]): page for page in candidates}
    chain = [root]
    for slug in path_components:
        parent = chain[-1]
        child = by_place.get((parent.depth + 1, slug, parent.path))
        if child is None:
            break
        chain.append(child)
    return chain


def _answers_itself(page, remaining) -> bool:
    """Whether ``page`` routes ``remaining`` itself instead of handing it to a child."""
    page_class = page.specific_class
    if page_class is None or page_class.route is Page.route:
        return False
    if issubclass(page_class, RoutablePageMixin) and page_class.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
    return True


def _specific(chain, depth):
    specific = chain[depth].specific
    # What Wagtail's routing does: get_parent() then costs no query.
    specific._cached_parent_obj = chain[depth - 1]
    return specific
