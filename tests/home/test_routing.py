"""Routing in two queries finds exactly the page (and sub-route) Wagtail's own routing finds."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from forum.models import CategoryPage, Topic
from home import routing
from home.demo import site
from home.models import HomePage


@pytest.fixture
def demo(db):
    return site.build()


def answer(route, home, components):
    """What a router makes of a path: the page and the sub-route, or 404."""
    request = RequestFactory().get("/")
    try:
        page, args, kwargs = route(home, request, components)
    except Http404:
        return "404"
    view = args[0].__name__ if args else None
    return (page.pk, type(page), view, args[1:], kwargs)


def wagtail_route(home, request, components):
    return Page.route(home, request, components)


def paths_below(home):
    """Every page below ``home``, sub-routes of the forum, and paths that lead nowhere."""
    paths = []
    for page in Page.objects.descendant_of(home).order_by("path"):
        relative = page.url_path[len(home.url_path) :]
        paths += [relative, relative + "no-such-page/"]
    for category in CategoryPage.objects.descendant_of(home):
        relative = category.url_path[len(home.url_path) :]
        topic = Topic.objects.filter(category=category).first()
        if topic:
            paths.append(f"{relative}{topic.pk}-{topic.slug}/")
        paths.append(relative + "new/")
    forum = CategoryPage.objects.descendant_of(home).first().get_parent()
    paths += [forum.url_path[len(home.url_path) :] + "unread/", "no-such-page/", "a/b/c/d/"]
    return paths


def test_every_path_of_the_demo_routes_as_in_wagtail(demo):
    for home in HomePage.objects.all():
        paths = paths_below(home)
        assert len(paths) > 50
        for path in paths:
            components = [c for c in path.split("/") if c]
            ours = answer(routing.route, home, components)
            assert ours == answer(wagtail_route, home, components), path


def test_an_unpublished_page_and_what_is_below_it_are_not_found(demo):
    home = HomePage.objects.get(locale__language_code="es")
    page = Page.objects.child_of(home).live().exclude(numchild=0).first()
    child = page.get_children().first()
    page.unpublish()
    relative = page.url_path[len(home.url_path) :]
    assert answer(routing.route, home, [relative.strip("/")]) == "404"
    # Wagtail does not check the pages above the one asked for; neither does this router.
    assert answer(routing.route, home, [relative.strip("/"), child.slug])[0] == child.pk


def test_a_page_two_levels_down_costs_two_queries(demo):
    home = HomePage.objects.get(locale__language_code="es")
    page = Page.objects.descendant_of(home).filter(depth=home.depth + 2, live=True).first()
    components = [c for c in page.url_path[len(home.url_path) :].split("/") if c]
    parent_pk = page.get_parent().pk
    with CaptureQueriesContext(connection) as queries:
        found, _args, _kwargs = routing.route(home, RequestFactory().get("/"), components)
    assert found.pk == page.pk
    assert len(queries) == 2
    # Then the page itself comes from the cache until a page changes: one query.
    with CaptureQueriesContext(connection) as queries:
        routing.route(home, RequestFactory().get("/"), components)
    assert len(queries) == 1
    # The parent comes with the route: asking for it costs nothing.
    with CaptureQueriesContext(connection) as queries:
        assert found.get_parent().pk == parent_pk
    assert len(queries) == 0


def test_pages_are_served_through_the_router(demo, client):
    home = HomePage.objects.get(locale__language_code="de")
    page = Page.objects.descendant_of(home).filter(depth=home.depth + 2, live=True).first()
    assert client.get(page.url).status_code == 200
    assert client.get(page.url + "no-such-page/").status_code == 404


def test_a_published_change_is_served_at_once(demo, client):
    home = HomePage.objects.get(locale__language_code="es")
    page = Page.objects.descendant_of(home).filter(depth=home.depth + 2, live=True).first()
    page = page.specific
    assert client.get(page.url).status_code == 200
    page.title = "Un título recién publicado"
    page.save_revision().publish()
    assert "Un título recién publicado" in client.get(page.url).content.decode()
