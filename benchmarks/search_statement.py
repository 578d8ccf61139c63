"""Time the search statement alone, for a few queries, on a generated site.

    .venv/bin/python benchmarks/search_statement.py --size L [--runs 10] \\
        [--filter theme=family --filter region=oaxaca] [--explain] [query ...]

Runs each query once through the search service as an anonymous Spanish reader (as the
search page does), takes the longest statement it sent (the page of results, the facet
counts and the totals) and executes it ``--runs`` times on one connection: the median is
the database's time, planning included, without Django or the template. ``--split``
adds how much of it is parsing and planning (an ``EXPLAIN`` without running it) and how
much running it (the statement prepared once, then executed). ``--explain`` prints each
statement's ``EXPLAIN (ANALYZE, BUFFERS)`` instead. Run
``benchmarks/generate.py --size ... --index`` first (same BENCH_DATABASE_URL).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")
QUERIES = ["salud", "familia", "integration", "salud vivienda", '"asesoría jurídica"', "Tijuana"]


def statement(text: str, filters: dict):
    """The search statement for ``text`` and the number of results it reports."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search import service

    with CaptureQueriesContext(connection) as queries:
        results = service.search(text, user=AnonymousUser(), language="es", filters=filters)
    total = f"{results.total}{'+' if results.total_is_lower_bound else ''}"
    return max((query["sql"] for query in queries.captured_queries), key=len), total


def median_ms(cursor, sql: str, runs: int) -> float:
    """The median time of ``runs`` executions of ``sql``, its rows fetched, in ms."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        cursor.execute(sql)
        cursor.fetchall()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("queries", nargs="*", default=QUERIES)
    parser.add_argument("--size", default="L")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--filter", action="append", default=[], help="facet=value")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--split", action="store_true", help="planning and running apart")
    args = parser.parse_args()
    os.environ.setdefault(
        "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/puente_bench_{args.size.lower()}"
    )

    import django

    django.setup()
    from django.db import connection

    filters = {}
    for pair in args.filter:
        name, _, value = pair.partition("=")
        filters.setdefault(name, []).append(value)
    for text in args.queries:
        statement(text, filters)  # warm caches: termbase, facet labels, buffers
        sql, total = statement(text, filters)
        with connection.cursor() as cursor:
            if args.explain:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                print(f"=== {text} ({total} results)")
                print("\n".join(line for (line,) in cursor.fetchall()))
                continue
            line = f"{args.size} {text:<24} {median_ms(cursor, sql, args.runs):6.1f} ms"
            if args.split:
                planned = median_ms(cursor, "EXPLAIN " + sql, args.runs)
                cursor.execute("PREPARE statement AS " + sql)
                running = median_ms(cursor, "EXECUTE statement", args.runs)
                cursor.execute("DEALLOCATE statement")
                line += f"  (planning {planned:.1f} ms, running {running:.1f} ms)"
        print(f"{line}  {total:>6} results")


if __name__ == "__main__":
    main()
