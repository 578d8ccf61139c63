"""Build a Puente site of a given size for the benchmarks and the load test.

    .venv/bin/python benchmarks/generate.py --size S|M|L [--index | --skip-index]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/puente_bench_m \\
        .venv/bin/python benchmarks/generate.py --size M

S is the demo site (``load_demo``: the demo organisations, practices, care models and
positions, the forum's demo topics and accounts) and one forum topic of 1,000 posts.
M adds, in bulk inserts (no ORM saves one by one), 500 organisations, 5,000 good
practices and care models, 200 policy positions (each page in Spanish, German and
English, with themes, populations, regions, organisations and endorsements), 2,000
members of those organisations, 20,000 forum topics and 200,000 posts (one topic of
exactly 1,000 posts, the rest 1-20 posts each), mostly in the public categories. L is
M with ten times the knowledge-base pages and posts. The database named by
BENCH_DATABASE_URL (default PostgreSQL ``puente_bench_<size>``, or an SQLite file) is
dropped and built anew. Generated pages are copies of the demo page of their type with
new titles, slugs, tree paths and relations, so they render like the demo's. The search
index is rebuilt at the end (``manage.py rebuild_search_index``), except at L, where it
would take most of an hour: ``--index`` builds it there too, ``--skip-index`` leaves it
empty at any size.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")

SIZES = {
    # organisations, practices + care models, positions, members, topics, posts
    # T: a smoke test of the generator itself, in seconds.
    "T": {
        "organisations": 10,
        "practices": 20,
        "positions": 4,
        "members": 20,
        "topics": 50,
        "posts": 1_500,
    },
    "S": {"topics": 1, "posts": 1_000},
    "M": {
        "organisations": 500,
        "practices": 5_000,
        "positions": 200,
        "members": 2_000,
        "topics": 20_000,
        "posts": 200_000,
    },
    "L": {
        "organisations": 5_000,
        "practices": 50_000,
        "positions": 2_000,
        "members": 2_000,
        "topics": 20_000,
        "posts": 2_000_000,
        # About 2.2 million documents: most of an hour at M's ~800 documents/s.
        "skip_index": True,
    },
}
LANGUAGES = ("es", "de", "en")
# Posts take their text from this many different ones per language (post_texts).
POST_TEXTS = 200
WORDS = {
    "es": [
        "albergue",
        "salud",
        "vivienda",
        "empleo",
        "educación",
        "comunidad",
        "acogida",
        "derechos",
        "asesoría",
        "jurídica",
        "documentos",
        "identidad",
        "trabajo",
        "familia",
        "protección",
        "frontera",
        "tránsito",
    ],
    "de": [
        "Unterkunft",
        "Gesundheit",
        "Wohnen",
        "Arbeit",
        "Bildung",
        "Gemeinde",
        "Aufnahme",
        "Rechte",
        "Beratung",
        "Dokumente",
        "Identität",
        "Familie",
        "Schutz",
        "Grenze",
        "Transit",
        "Integration",
        "Netzwerk",
    ],
    "en": [
        "shelter",
        "health",
        "housing",
        "employment",
        "education",
        "community",
        "reception",
        "rights",
        "advice",
        "documents",
        "identity",
        "work",
        "family",
        "protection",
        "border",
        "transit",
        "integration",
    ],
}
KIND_NAMES = {
    "organisation": {"es": "Organización", "de": "Organisation", "en": "Organisation"},
    "practice": {"es": "Práctica", "de": "Praxis", "en": "Practice"},
    "care_model": {"es": "Modelo", "de": "Modell", "en": "Model"},
    "position": {"es": "Posicionamiento", "de": "Positionspapier", "en": "Position"},
}
PASSWORD = "puente-bench-2026"  # noqa: S105 - generated benchmark accounts only
BATCH = 500


def database_url(size: str) -> str:
    default = f"postgres://postgres@127.0.0.1:5432/puente_bench_{size.lower()}"
    return os.environ.setdefault("BENCH_DATABASE_URL", default)


def recreate_database(url: str) -> None:
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(base + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    elif url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)


def title(rng, kind, language, number):
    words = " ".join(rng.sample(WORDS[language], 3))
    return f"{KIND_NAMES[kind][language]} {number}: {words}"


class PageCloner:
    """Insert copies of a demo page under a parent: all tables of the page type, in bulk.

    Wagtail's pages are a treebeard materialised-path tree over several tables (one per
    class in the page type's inheritance chain), which ``bulk_create`` refuses; each
    table is inserted in batches instead, with the tree paths computed here.
    """

    def __init__(self, template, parent):
        from wagtail.models import Page

        self.model = type(template)
        self.template = template
        self.parent = parent
        self.chain = [*reversed(self.model._meta.get_parent_list()), self.model]
        assert self.chain[0] is Page
        self.next_step = parent.get_children().count() + 1

    def _values(self, page_fields):
        values = {}
        for field in self.model._meta.concrete_fields:
            if field.primary_key or (field.remote_field and field.remote_field.parent_link):
                continue
            values[field.attname] = getattr(self.template, field.attname)
        values.update(page_fields)
        return values

    def insert(self, rows: list[dict]) -> list[int]:
        """``rows``: title, slug, translation_key (+ any field) per page; returns page ids."""
        from django.db import connection
        from wagtail.models import Page

        now = self.template.last_published_at
        objects = []
        for row in rows:
            path = Page._get_path(self.parent.path, self.parent.depth + 1, self.next_step)
            self.next_step += 1
            values = self._values(
                {
                    "path": path,
                    "depth": self.parent.depth + 1,
                    "numchild": 0,
                    "draft_title": row["title"],
                    "url_path": f"{self.parent.url_path}{row['slug']}/",
                    "live": True,
                    "has_unpublished_changes": False,
                    "latest_revision_id": None,
                    "live_revision_id": None,
                    "first_published_at": now,
                    "last_published_at": now,
                    "locked": False,
                    "locked_by_id": None,
                    "locked_at": None,
                    **row,
                }
            )
            objects.append(self.model(**values))
        page_fields = {f.attname for f in Page._meta.concrete_fields if not f.primary_key}
        created = Page.objects.bulk_create(
            [Page(**{k: getattr(o, k) for k in page_fields}) for o in objects],
            batch_size=BATCH,
        )
        for obj, page in zip(objects, created, strict=True):
            obj.id = page.id
            for model in self.chain[1:]:
                for field in model._meta.local_concrete_fields:
                    if field.remote_field and field.remote_field.parent_link:
                        setattr(obj, field.attname, page.id)
        for model in self.chain[1:]:
            fields = list(model._meta.local_concrete_fields)
            for start in range(0, len(objects), BATCH):
                model._base_manager._insert(
                    objects[start : start + BATCH], fields=fields, using=connection.alias
                )
        Page.objects.filter(pk=self.parent.pk).update(numchild=self.next_step - 1)
        return [page.id for page in created]


def build_pages(rng, kind, model, count, indexes, relate):
    """``count`` pages of ``model`` in the three languages; returns the Spanish ids."""
    import uuid

    from wagtail.models import Locale

    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    templates = {
        code: model.objects.filter(locale=locales[code]).live().first() for code in LANGUAGES
    }
    keys = [uuid.uuid4() for _ in range(count)]
    ids = {}
    for code in LANGUAGES:
        cloner = PageCloner(templates[code], indexes[code])
        ids[code] = []
        for start in range(0, count, 2_000):
            rows = [
                {
                    "title": title(rng, kind, code, number),
                    "slug": f"{kind.replace('_', '-')}-{number}",
                    "translation_key": keys[number],
                    "locale_id": locales[code].id,
                    "seo_title": "",
                    "search_description": "",
                }
                for number in range(start, min(count, start + 2_000))
            ]
            ids[code] += cloner.insert(rows)
        relate(ids[code])
    return ids


def taxonomy_relations(rng, model, ids):
    from kb.models import Population, Region, Theme

    for field, term_model, most in (
        ("themes", Theme, 3),
        ("populations", Population, 2),
        ("regions", Region, 3),
    ):
        terms = list(
            term_model.objects.filter(locale__language_code="es").values_list("pk", flat=True)
        )
        through = model._meta.get_field(field).remote_field.through
        source = f"{model._meta.model_name}_id"
        target = f"{term_model._meta.model_name}_id"
        through.objects.bulk_create(
            (
                through(**{source: page_id, target: term})
                for page_id in ids
                for term in rng.sample(terms, rng.randint(1, most))
            ),
            batch_size=2_000,
        )


def organisation_relations(rng, model, ids, organisations):
    through = model._meta.get_field("organisations").remote_field.through
    source = f"{model._meta.model_name}_id"
    through.objects.bulk_create(
        (
            through(**{source: page_id, "organisationpage_id": org})
            for page_id in ids
            for org in rng.sample(organisations, rng.randint(1, 3))
        ),
        batch_size=2_000,
    )


def build_kb(rng, spec) -> dict:
    from kb.models import (
        CareModelIndexPage,
        CareModelPage,
        Endorsement,
        GoodPracticeIndexPage,
        GoodPracticePage,
        OrganisationIndexPage,
        OrganisationPage,
        PolicyPositionIndexPage,
        PolicyPositionPage,
    )

    def indexes(model):
        return {page.locale.language_code: page for page in model.objects.select_related("locale")}

    def plain(model):
        return lambda ids: taxonomy_relations(rng, model, ids)

    orgs = build_pages(
        rng,
        "organisation",
        OrganisationPage,
        spec["organisations"],
        indexes(OrganisationIndexPage),
        plain(OrganisationPage),
    )
    organisations = orgs["es"]

    def with_organisations(model):
        def relate(ids):
            taxonomy_relations(rng, model, ids)
            organisation_relations(rng, model, ids, organisations)

        return relate

    practices = spec["practices"] // 2
    build_pages(
        rng,
        "practice",
        GoodPracticePage,
        practices,
        indexes(GoodPracticeIndexPage),
        with_organisations(GoodPracticePage),
    )
    build_pages(
        rng,
        "care_model",
        CareModelPage,
        spec["practices"] - practices,
        indexes(CareModelIndexPage),
        with_organisations(CareModelPage),
    )
    positions = build_pages(
        rng,
        "position",
        PolicyPositionPage,
        spec["positions"],
        indexes(PolicyPositionIndexPage),
        plain(PolicyPositionPage),
    )
    Endorsement.objects.bulk_create(
        (
            Endorsement(position_id=position, organisation_id=org, decision="endorse")
            for position in positions["es"]
            for org in rng.sample(organisations, rng.randint(2, 12))
        ),
        batch_size=2_000,
    )
    return {"organisations": organisations}


def build_members(rng, count, organisations) -> list[int]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Permission
    from django.utils import timezone

    from members.models import Membership

    user_model = get_user_model()
    password = make_password(PASSWORD)
    joined = timezone.now() - timezone.timedelta(days=400)
    users = user_model.objects.bulk_create(
        (
            user_model(
                username=f"bench{number}",
                email=f"bench{number}@bench.puente.local",
                password=password,
                first_name=rng.choice(["Ana", "Luis", "María", "Jonas", "Sofía", "Pedro"]),
                last_name=f"Bench {number}",
                preferred_language=LANGUAGES[number % 3],
                date_joined=joined,
            )
            for number in range(count)
        ),
        batch_size=BATCH,
    )
    Membership.objects.bulk_create(
        (Membership(user=user, organisation_id=rng.choice(organisations)) for user in users),
        batch_size=BATCH,
    )
    # Allauth signs in verified addresses only.
    from allauth.account.models import EmailAddress

    EmailAddress.objects.bulk_create(
        (EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users),
        batch_size=BATCH,
    )
    participate = Permission.objects.get(content_type__app_label="forum", codename="participate")
    user_model.user_permissions.through.objects.bulk_create(
        (
            user_model.user_permissions.through(user_id=u.pk, permission_id=participate.pk)
            for u in users
        ),
        batch_size=BATCH,
    )
    return [user.pk for user in users]


def post_texts(rng, language, render, count=POST_TEXTS):
    """``count`` different texts (``source`` and ``html``) for posts in ``language``: two or three
    sentences of five to ten of its words, one word in bold, about as long as the demo's
    posts, so that what the search index holds is what the topic page shows."""
    texts = []
    for _ in range(count):
        sentences = [
            rng.choices(WORDS[language], k=rng.randint(5, 10)) for _ in range(rng.randint(2, 3))
        ]
        sentences[0][1] = f"**{sentences[0][1]}**"
        source = " ".join(
            f"{words[0][:1].upper()}{words[0][1:]} {' '.join(words[1:])}." for words in sentences
        )
        texts.append({"source": source, "html": render(source)})
    return texts


def build_forum(rng, topics, posts, authors) -> None:
    from django.db.models import OuterRef, Subquery
    from django.utils import timezone

    from forum import counters, markup
    from forum.models import CategoryPage, Post, Topic

    categories = list(CategoryPage.objects.filter(locale__language_code="es").live())
    public = [c for c in categories if c.visibility == "public"] or categories
    weighted = public * 4 + categories
    replies = {code: post_texts(rng, code, markup.render_markdown) for code in LANGUAGES}
    # One topic of exactly 1,000 posts (the key page), the rest share what is left.
    lengths = [1_000]
    remaining = posts - 1_000
    for left in range(topics - 1, 1, -1):
        average = remaining // left
        length = min(rng.randint(1, max(1, 2 * average - 1)), remaining - (left - 1))
        lengths.append(length)
        remaining -= length
    if topics > 1:
        lengths.append(remaining)
    started = timezone.now() - timezone.timedelta(days=365)
    for start in range(0, topics, 2_000):
        chunk = lengths[start : start + 2_000]
        created = Topic.objects.bulk_create(
            Topic(
                category=public[0] if start + offset == 0 else rng.choice(weighted),
                title=title(rng, "practice", LANGUAGES[(start + offset) % 3], start + offset)[:150],
                slug=f"tema-{start + offset}",
                author_id=rng.choice(authors),
                language=LANGUAGES[(start + offset) % 3],
                created_at=started,
                last_post_at=started + timezone.timedelta(minutes=start + offset),
                last_position=length,
                reply_count=length - 1,
            )
            for offset, length in enumerate(chunk)
        )
        Post.objects.bulk_create(
            (
                Post(
                    topic=topic,
                    position=position,
                    author_id=rng.choice(authors),
                    language=topic.language,
                    **rng.choice(replies[topic.language]),
                    created_at=topic.last_post_at,
                )
                for topic, length in zip(created, chunk, strict=True)
                for position in range(1, length + 1)
            ),
            batch_size=5_000,
        )
    Topic.objects.filter(last_post__isnull=True).update(
        last_post=Subquery(
            Post.objects.filter(topic=OuterRef("pk"), position=OuterRef("last_position")).values(
                "pk"
            )[:1]
        )
    )
    for category in categories:
        counters.recount_category(category)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=SIZES, default="S")
    indexing = parser.add_mutually_exclusive_group()
    indexing.add_argument(
        "--index",
        dest="index",
        action="store_true",
        default=None,
        help="rebuild the search index (the default, except at L)",
    )
    indexing.add_argument(
        "--skip-index", dest="index", action="store_false", help="leave the search index empty"
    )
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    url = database_url(args.size)
    recreate_database(url)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, transaction

    timings = {}
    clock = time.perf_counter()
    call_command("migrate", verbosity=0)
    timings["migrate"] = time.perf_counter() - clock
    clock = time.perf_counter()
    call_command("load_demo", verbosity=0)
    timings["demo (S)"] = time.perf_counter() - clock
    spec = SIZES[args.size]
    rng = random.Random(args.seed)
    authors = list(get_user_model().objects.values_list("pk", flat=True))
    if "organisations" in spec:
        clock = time.perf_counter()
        with transaction.atomic():
            kb = build_kb(rng, spec)
        timings["knowledge base"] = time.perf_counter() - clock
        clock = time.perf_counter()
        with transaction.atomic():
            authors = build_members(rng, spec["members"], kb["organisations"])
        timings["members"] = time.perf_counter() - clock
    clock = time.perf_counter()
    with transaction.atomic():
        build_forum(rng, spec["topics"], spec["posts"], authors)
    timings["forum"] = time.perf_counter() - clock
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    index = args.index if args.index is not None else not spec.get("skip_index", False)
    if index:
        clock = time.perf_counter()
        call_command("rebuild_search_index", verbosity=0)
        timings["search index"] = time.perf_counter() - clock
    cache.clear()
    total = sum(timings.values())
    print(f"size {args.size} on {connection.vendor} ({url}):")
    for step, seconds in timings.items():
        print(f"  {step:<16} {seconds:8.1f} s")
    print(f"  {'total':<16} {total:8.1f} s")
    print_counts()


def print_counts():
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from forum.models import Post, Topic
    from kb.models import CareModelPage, GoodPracticePage, OrganisationPage, PolicyPositionPage

    counts = {
        "pages": Page.objects.count(),
        "organisations": OrganisationPage.objects.count(),
        "practices": GoodPracticePage.objects.count(),
        "care models": CareModelPage.objects.count(),
        "positions": PolicyPositionPage.objects.count(),
        "users": get_user_model().objects.count(),
        "topics": Topic.objects.count(),
        "posts": Post.objects.count(),
    }
    print("  rows: " + ", ".join(f"{name} {number:,}" for name, number in counts.items()))


if __name__ == "__main__":
    main()
