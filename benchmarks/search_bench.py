"""Search benchmark: index a generated corpus, then time a fixed set of queries.

    .venv/bin/python benchmarks/search_bench.py [--pages 10000] [--posts 100000] [--runs 20]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/puente_search_bench \\
        .venv/bin/python benchmarks/search_bench.py

The corpus: ``--pages`` knowledge-base pages in es/de/en (a third of the groups in all
three languages, the rest in one) and ``--posts`` forum posts (mostly Spanish, a fifth
in members-only categories), made of a fixed vocabulary with a fixed seed. It is indexed
by Puente's engine (the backend for the database: SQLite FTS5 or PostgreSQL) and by
Wagtail's built-in database search backend on the same rows, then each query of the
fixed set runs ``--runs`` times as an anonymous reader; median and 95th percentile
latency per query kind are printed side by side. The database is emptied first.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.search_bench_settings")

WORDS = {
    "es": [
        "persona",
        "retornada",
        "migrante",
        "migrantes",
        "albergue",
        "salud",
        "vivienda",
        "empleo",
        "educación",
        "reintegración",
        "comunidad",
        "acogida",
        "derechos",
        "asesoría",
        "jurídica",
        "documentos",
        "identidad",
        "trabajo",
        "capacitación",
        "familia",
        "violencia",
        "protección",
        "política",
        "pública",
        "red",
        "diálogo",
        "frontera",
        "tránsito",
        "refugio",
        "asilo",
        "solicitante",
        "atención",
        "integral",
        "psicosocial",
        "organización",
        "programa",
        "taller",
        "municipio",
        "estado",
        "escuela",
        "formación",
        "emprendimiento",
    ],
    "de": [
        "Rückkehrende",
        "Migrantin",
        "Migranten",
        "Herberge",
        "Gesundheit",
        "Wohnen",
        "Arbeit",
        "Bildung",
        "Reintegration",
        "Aufnahmegemeinde",
        "Rechte",
        "Beratung",
        "Dokumente",
        "Identität",
        "Ausbildung",
        "Familie",
        "Gewalt",
        "Schutz",
        "Politik",
        "Netzwerk",
        "Dialogformat",
        "Grenze",
        "Transit",
        "Flucht",
        "Asyl",
        "Betreuung",
        "psychosoziale",
        "Organisation",
        "Programm",
        "Werkstatt",
        "Gemeinde",
        "Schule",
        "Gründung",
    ],
    "en": [
        "returnee",
        "returnees",
        "migrant",
        "migrants",
        "shelter",
        "health",
        "housing",
        "employment",
        "education",
        "reintegration",
        "host",
        "community",
        "rights",
        "legal",
        "advice",
        "documents",
        "identity",
        "work",
        "training",
        "family",
        "violence",
        "protection",
        "policy",
        "policies",
        "network",
        "dialogue",
        "border",
        "transit",
        "refuge",
        "asylum",
        "seeker",
        "integral",
        "care",
        "psychosocial",
        "organisation",
        "programme",
        "workshop",
        "school",
    ],
}
FILLER = {
    "es": ["de", "la", "el", "en", "y", "con", "para", "por", "los", "las", "una", "que", "se"],
    "de": ["der", "die", "das", "und", "mit", "für", "von", "in", "eine", "zu", "auf", "den"],
    "en": ["the", "of", "and", "with", "for", "in", "a", "to", "on", "by", "an", "that"],
}
THEMES = ["legal", "justice", "health", "housing", "education", "employment", "income", "family"]
REGIONS = ["chihuahua", "jalisco", "oaxaca", "baja-california", "cdmx", "honduras", "guatemala"]
KINDS = ["good_practice", "care_model", "policy_position", "organisation"]

QUERIES = {
    "word": ["migrantes", "Rückkehrende", "policies", "salud", "vivienda", "Herberge"],
    "phrase": ['"persona retornada"', '"comunidad de acogida"', '"legal advice"'],
    "facet": [("salud", {"theme": ["health"]}), ("empleo", {"type": ["forum_post"]})],
    "autocomplete": ["alb", "migr", "rück", "pol"],
}


def sentence(rng, language, length):
    words = WORDS[language]
    filler = FILLER[language]
    return " ".join(
        rng.choice(filler) if rng.random() < 0.35 else rng.choice(words) for _ in range(length)
    )


def corpus(pages, posts, seed=1):
    from search.documents import IndexDocument

    rng = random.Random(seed)
    number = 0
    groups = 0
    while number < pages:
        groups += 1
        languages = (
            ["es", "de", "en"] if groups % 3 == 0 else [rng.choice(["es", "es", "de", "en"])]
        )
        kind = rng.choice(KINDS)
        facets = {
            "theme": rng.sample(THEMES, 2),
            "region": [rng.choice(REGIONS)],
            "organisation": [f"org-{rng.randrange(60)}"],
        }
        date = datetime.date(2015 + rng.randrange(10), 1 + rng.randrange(12), 1)
        for language in languages[: pages - number]:
            number += 1
            yield IndexDocument(
                key=f"kb.page:{number}",
                kind=kind,
                language=language,
                title=sentence(rng, language, 5).capitalize(),
                body=sentence(rng, language, 400),
                url=f"/{language}/kb/{number}/",
                date=date,
                group=f"page:{groups}",
                facets=facets,
                suggest=True,
            )
    for number in range(1, posts + 1):
        language = rng.choice(["es"] * 6 + ["de", "en"])
        yield IndexDocument(
            key=f"forum.post:{number}",
            kind="forum_post",
            language=language,
            title=sentence(rng, language, 6).capitalize(),
            body=sentence(rng, language, 60),
            url=f"/{language}/foro/p/{number}/",
            date=datetime.date(2020 + rng.randrange(5), 1 + rng.randrange(12), 1),
            audience="forum:members" if number % 5 == 0 else "public",
        )


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(function, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--skip-wagtail", action="store_true")
    parser.add_argument(
        "--wagtail-runs",
        type=int,
        default=None,
        help="runs per query for Wagtail's backend (default: --runs; it is slow at full size)",
    )
    args = parser.parse_args()

    url = os.environ.get("BENCH_DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    else:
        Path("/tmp/puente_search_bench.sqlite3").unlink(missing_ok=True)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.search import index
    from wagtail.search.backends import get_search_backend

    from search.backends import get_backend
    from search.models import SearchDocument
    from search.query import SearchQuery

    call_command("migrate", verbosity=0)
    backend = get_backend()
    documents = list(corpus(args.pages, args.posts))
    print(f"database: {connection.vendor}; corpus: {args.pages} pages + {args.posts} posts")

    started = time.perf_counter()
    count = backend.rebuild(iter(documents), batch_size=1000)
    puente_seconds = time.perf_counter() - started
    print(
        f"puente ({backend.name}): indexed {count} documents in {puente_seconds:.1f}s "
        f"= {count / puente_seconds:.0f} documents/s"
    )

    public = frozenset({"public"})

    def puente_search(text, filters=None):
        return lambda: backend.search(
            SearchQuery(text=text, language="es", audiences=public, filters=filters or {})
        )

    def puente_autocomplete(prefix):
        return lambda: backend.autocomplete(prefix, language="es", audiences=public)

    puente = {
        "word": [puente_search(text) for text in QUERIES["word"]],
        "phrase": [puente_search(text) for text in QUERIES["phrase"]],
        "facet": [puente_search(text, filters) for text, filters in QUERIES["facet"]],
        "autocomplete": [puente_autocomplete(prefix) for prefix in QUERIES["autocomplete"]],
    }

    wagtail = None
    if not args.skip_wagtail:

        class BenchDocument(index.Indexed, SearchDocument):
            search_fields = [
                index.SearchField("title", boost=10),
                index.SearchField("body"),
                index.AutocompleteField("title"),
                index.FilterField("audience"),
                index.FilterField("kind"),
                index.FilterField("language"),
            ]

            class Meta:
                proxy = True
                app_label = "search"

        # Wagtail adds this relation to indexed models when apps load; this one comes later.
        from modelsearch.abstract_models import TextIDGenericRelation
        from wagtail.search.models import IndexEntry

        TextIDGenericRelation(IndexEntry).contribute_to_class(BenchDocument, "index_entries")
        wagtail_backend = get_search_backend()
        rows = list(BenchDocument.objects.all())
        started = time.perf_counter()
        wagtail_backend.reset_indexes()
        for start in range(0, len(rows), 1000):
            wagtail_backend.add_bulk(BenchDocument, rows[start : start + 1000])
        wagtail_seconds = time.perf_counter() - started
        print(
            f"wagtail database backend: indexed {len(rows)} rows in {wagtail_seconds:.1f}s "
            f"= {len(rows) / wagtail_seconds:.0f} documents/s"
        )
        visible = BenchDocument.objects.filter(audience="public")

        def wagtail_search(text, kind=None):
            queryset = visible.filter(kind=kind) if kind else visible
            return lambda: list(wagtail_backend.search(text, queryset)[:10])

        def wagtail_facet(text):
            return lambda: (
                list(wagtail_backend.search(text, visible)[:10]),
                wagtail_backend.search(text, visible).facet("kind"),
            )

        def wagtail_autocomplete(prefix):
            return lambda: list(wagtail_backend.autocomplete(prefix, visible)[:8])

        wagtail = {
            "word": [wagtail_search(text) for text in QUERIES["word"]],
            "phrase": [wagtail_search(text) for text in QUERIES["phrase"]],
            # Wagtail has no facet values for taxonomy on these rows: filter by kind and
            # count kinds instead (the closest it offers).
            "facet": [wagtail_facet(text) for text, _filters in QUERIES["facet"]],
            "autocomplete": [wagtail_autocomplete(prefix) for prefix in QUERIES["autocomplete"]],
        }

    print(f"\nlatency per query kind, ms (median / p95); {args.runs} runs per query")
    print(f"{'query kind':<14}{'puente':>22}{'wagtail database':>22}")
    for kind in QUERIES:
        row = []
        for engine, runs in ((puente, args.runs), (wagtail, args.wagtail_runs or args.runs)):
            if engine is None:
                row.append("-")
                continue
            for function in engine[kind]:
                function()  # warm up
            times = [t for function in engine[kind] for t in timed(function, runs)]
            row.append(f"{statistics.median(times):.1f} / {percentile(times, 0.95):.1f}")
        print(f"{kind:<14}{row[0]:>22}{row[1]:>22}")


if __name__ == "__main__":
    main()
