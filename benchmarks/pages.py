"""Server time and queries of the key pages of a generated site, next to a bare Django view.

    .venv/bin/python benchmarks/pages.py --size M [--runs 20] [--json /tmp/pages_M.json]

Run ``benchmarks/generate.py --size M`` first (same BENCH_DATABASE_URL). Every request
goes through Django's whole handler and the site's middleware (the test client, no
network), after a warm-up; each page is timed ``--runs`` times uncached (no page cache in
the middleware) and then cached (the anonymous page cache of production, on Redis).
"Cold" is uncached with the whole cache emptied before each request (menus, the
knowledge base's cached counts and related pages: what the first reader after a change
pays). Member-only pages (the unread list) are timed signed in, uncached. The floor is a view
that returns a constant response through the same middleware. ``benchmarks/run.py``
runs this for several sizes and prints the table.
"""

import argparse
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")
PAGE_CACHE = "home.page_cache.AnonymousPageCacheMiddleware"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def most_common(pages, field):
    from django.db.models import Count

    rows = pages.exclude(**{field: None}).values(field).annotate(n=Count("pk")).order_by("-n")
    return rows[0][field]


def key_pages():
    """(name, url, signed_in) of every key page of the issue, found in the database."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale

    from forum import reading
    from forum.models import CategoryPage, ForumIndexPage, Topic
    from home.models import HomePage
    from kb import models as kb

    es = Locale.objects.get(language_code="es")

    def first(model):
        return model.objects.live().filter(locale=es).order_by("path").first()

    def newest(model):
        return model.objects.live().filter(locale=es).order_by("-pk").first()

    # The filters: the theme of most practices and the region most of those share, so the
    # filtered listings show cards at every size.
    practices = kb.GoodPracticePage.objects.live().filter(locale=es)
    theme = most_common(practices, "themes__slug")
    region = most_common(practices.filter(themes__slug=theme), "regions__slug")
    filters = f"?theme={theme}&region={region}"
    pages = [("home", first(HomePage).url, False)]
    for name, model in (
        ("practices", kb.GoodPracticeIndexPage),
        ("care models", kb.CareModelIndexPage),
        ("positions", kb.PolicyPositionIndexPage),
        ("organisations", kb.OrganisationIndexPage),
        ("dialogues", kb.DialogueEventIndexPage),
    ):
        url = first(model).url
        pages += [
            (f"listing: {name}", url, False),
            (f"listing: {name} + filters", url + filters, False),
        ]
    dashboard = first(kb.NetworkDashboardPage)
    if dashboard:
        pages.append(("dashboard", dashboard.url, False))
    for name, model in (
        ("practice", kb.GoodPracticePage),
        ("care model", kb.CareModelPage),
        ("position", kb.PolicyPositionPage),
        ("organisation", kb.OrganisationPage),
        ("dialogue", kb.DialogueEventPage),
    ):
        pages.append((f"detail: {name}", newest(model).url, False))
    topic = Topic.objects.filter(last_position__gte=1_000, category__visibility="public").first()
    category = CategoryPage.objects.get(pk=topic.category_id)
    pages += [
        ("forum category", category.url, False),
        ("topic 1,000 posts: first page", category.topic_url(topic), False),
        (
            "topic 1,000 posts: last page",
            category.topic_url(topic, reading.page_count(topic)),
            False,
        ),
    ]
    forum_index = first(ForumIndexPage)
    pages.append(("unread list (member)", forum_index.sub_url("unread"), True))
    # The same page at every size for comparison: one result, and the facets of one page.
    practice = newest(kb.GoodPracticePage)
    one = urlencode(
        {
            "q": f'"{practice.title}"',
            "theme": practice.themes.order_by("slug").values_list("slug", flat=True)[0],
            "region": practice.regions.order_by("slug").values_list("slug", flat=True)[0],
        }
    )
    pages += [
        ("search", "/es/search/?q=salud", False),
        ("search + facets", f"/es/search/?q=salud&theme={theme}&region={region}", False),
        ("search + facets: one result", f"/es/search/?{one}", False),
        ("API list", "/api/v2/pages/?limit=20", False),
    ]
    member = (
        get_user_model()
        .objects.filter(memberships__isnull=False, is_active=True)
        .order_by("-pk")
        .first()
    )
    return pages, member


def measure(client, url, runs, warmup, before=None):
    """Median, p95, queries and bytes of ``url``; ``before()`` runs untimed before each
    timed request (the cold figures empty the cache there)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    gc.collect()  # the garbage of the page measured before is not charged to this one
    for _ in range(warmup):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return {
        "median": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "queries": len(queries),
        "bytes": len(response.content),
        "x_cache": response.get("X-Cache", ""),
    }


def profile(client, pages, runs):
    """Where the time of each page goes: the top functions by cumulative and own time."""
    import cProfile
    import pstats

    for name, url, _signed_in in pages:
        client.get(url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(runs):
            client.get(url)
        profiler.disable()
        print(f"\n=== {name} ({url}), {runs} requests")
        stats = pstats.Stats(profiler).strip_dirs()
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("tottime").print_stats(12)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="S")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--only", help="only pages whose name contains this")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the uncached runs of --only pages"
    )
    args = parser.parse_args()
    os.environ.setdefault(
        "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/puente_bench_{args.size.lower()}"
    )

    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client, override_settings

    cache.clear()
    pages, member = key_pages()
    if args.only:
        pages = [p for p in pages if args.only in p[0]]
    uncached_stack = [m for m in settings.MIDDLEWARE if m != PAGE_CACHE]
    with override_settings(MIDDLEWARE=uncached_stack):
        uncached = Client()
        uncached.get("/floor/")  # loads the middleware chain without the page cache
        signed_in = Client()
        signed_in.force_login(member)
        signed_in.get("/floor/")
    cached = Client()
    if args.profile:
        profile(uncached, pages, args.runs)
        return
    results = {"size": args.size, "floor": measure(uncached, "/floor/", args.runs * 3, 10)}
    results["pages"] = []
    for name, url, needs_login in pages:
        row = {"name": name, "url": url}
        if needs_login:
            row["uncached"] = measure(signed_in, url, args.runs, args.warmup)
        else:
            row["uncached"] = measure(uncached, url, args.runs, args.warmup)
            row["cold"] = measure(uncached, url, args.runs, 0, before=cache.clear)
            row["cached"] = measure(cached, url, args.runs, 1)
            assert row["cached"]["x_cache"] == "hit", (name, row["cached"])
        results["pages"].append(row)
        print(
            f"{args.size} {name:<32} {row['uncached']['median']:7.1f} ms "
            f"{row['uncached']['queries']:3d} q"
            + (
                f"   cold {row['cold']['median']:7.1f} ms {row['cold']['queries']:3d} q"
                f"   cached {row['cached']['median']:5.2f} ms"
                if "cached" in row
                else ""
            ),
            flush=True,
        )
    print(f"{args.size} floor {results['floor']['median']:.2f} ms")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
