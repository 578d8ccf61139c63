"""Page routing in one query, whatever the depth of the page.

Wagtail routes ``/es/a/b/c/`` level by level: at each level it looks the child up by slug
and loads its specific page, two queries per level. Here every page of the path is
read in one query (by slug, below the home page), the chain is followed in memory, and
only the page that answers is loaded as its specific type, from the cache (below). A
page type with routing of its own (sub-routes, as the forum's) still decides: where its
sub-routes match, it answers, exactly as in Wagtail, where sub-routes come before
children.

Before that, Wagtail finds the request's site, its root page, the root's translation in
the reader's language and its specific page: four queries, here read from the cache
(``route_for_request``), as are the sites' root paths that every page URL of the request
needs. The cache is the kb version's, which every change to a page or a site raises.
"""

from django.http import Http404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from kb import content_version


def route_for_request(request, path):
    """What ``Page.route_for_request`` answers (and keeps on the request), or None."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = _route_from_site_root(request, path)
    return request._wagtail_route_for_request


def site_for_request(request):
    """What ``Site.find_for_request`` answers: the site of the request's host and port,
    kept on the request as Wagtail does, with the sites' root paths that page URLs need."""
    if not hasattr(request, "_wagtail_site"):
        # Wagtail's own reading of the host: not checked against ALLOWED_HOSTS here.
        host, port = request._get_raw_host(), request.get_port()
        request._wagtail_site = content_version.remember(
            ["site", host, port], lambda: Site._find_for_request(request)
        )
        request._wagtail_cached_site_root_paths = content_version.remember(
            ["site-root-paths"], Site.get_site_root_paths
        )
    return request._wagtail_site


def _route_from_site_root(request, path):
    site = site_for_request(request)
    if site is None:
        return None
    root = content_version.remember(
        ["site-root", site.pk, get_language()], lambda: site.root_page.localized.specific
    )
    try:
        return root.route(request, [component for component in path.split("/") if component])
    except Http404:
        return None


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
    page = chain[depth]
    # As loaded from the database: any change to a page raises the kb version.
    specific = content_version.remember(["specific-page", page.pk], lambda: page.specific)
    # What Wagtail's routing does: get_parent() then costs no query.
    specific._cached_parent_obj = chain[depth - 1]
    return specific
