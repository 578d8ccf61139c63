"""Migrations never lose data: a database at the FIRST migration of each of our apps is
filled through the historical models, migrated to the latest, and every row and value
is found again.

It runs in a child process on its own SQLite file: some data migrations (Wagtail's)
write through the default connection, so the suite's database must not be near. The
rows are generated from the historical models' fields, so a field added to a first
migration is covered without editing this test.
"""

import datetime
import decimal
import json
import os
import subprocess
import sys
import uuid

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

OUR_APPS = ("home", "members", "kb", "forum", "search", "translations")
NOW = timezone.now().replace(microsecond=0)

# Page models of the first migrations, parent first, each as (app_label, model name).
PAGES = [
    ("home", "HomePage"),
    ("kb", "OrganisationIndexPage"),
    ("kb", "OrganisationPage"),
    ("kb", "PolicyPositionIndexPage"),
    ("kb", "PolicyPositionPage"),
    ("kb", "GoodPracticeIndexPage"),
    ("kb", "GoodPracticePage"),
    ("forum", "ForumIndexPage"),
    ("forum", "CategoryPage"),
]
PARENTS = {
    "OrganisationPage": "OrganisationIndexPage",
    "PolicyPositionPage": "PolicyPositionIndexPage",
    "GoodPracticePage": "GoodPracticeIndexPage",
    "CategoryPage": "ForumIndexPage",
}


def roots(executor, app):
    """The app's first migration: the node of ``app`` with no parent in the same app."""
    graph = executor.loader.graph
    nodes = [key for key in graph.nodes if key[0] == app]
    return min(nodes, key=lambda key: key[1])


def value_for(field, n):
    """A value for ``field`` that a later migration must keep."""
    kind = field.get_internal_type()
    if field.choices:
        return field.choices[0][0]
    if type(field).__name__ == "EmailField":
        return f"person{n}@example.org"
    if kind in ("CharField", "SlugField", "TextField"):
        limit = field.max_length or 200
        text = f"{field.model.__name__[:10]}-{field.name}-{n}"
        return (
            ("<p>" + text + "</p>")[:limit] if "RichText" in type(field).__name__ else text[:limit]
        )
    if kind in (
        "IntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SmallIntegerField",
        "BigIntegerField",
    ):
        return 3 + n
    if kind == "BooleanField":
        return True
    if kind == "DateTimeField":
        return NOW - datetime.timedelta(days=n)
    if kind == "DateField":
        return datetime.date(2020, 1, 1) + datetime.timedelta(days=n)
    if kind == "DecimalField":
        return decimal.Decimal("1.5")
    if kind == "UUIDField":
        return uuid.uuid4()
    if kind == "JSONField":
        return {"kept": n}
    return None


def fill(model, n, given):
    """Values for every local concrete field of ``model`` (``given`` wins)."""
    values = {}
    for field in model._meta.local_concrete_fields:
        if field.primary_key or field.name in given or field.is_relation:
            continue
        if type(field).__name__ == "StreamField":
            continue
        value = value_for(field, n)
        if value is not None:
            values[field.name] = value
    values.update(given)
    return values


def add_page(apps, parent, app_label, model_name, n, locale):
    model = apps.get_model(app_label, model_name)
    content_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model_name.lower()
    )[0]
    parent.numchild += 1
    parent.save(update_fields=["numchild"])
    slug = f"{model_name.lower()}-{n}"
    page = model(
        **fill(model, n, {}),
        title=f"{model_name} {n}",
        draft_title=f"{model_name} {n}",
        slug=slug,
        path=parent.path + f"{parent.numchild:04d}",
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        content_type=content_type,
        locale=locale,
        translation_key=uuid.uuid4(),
        live=True,
    )
    page.save()
    return page


def populate(apps):
    """One row or more for every model of our first migrations; returns them by label."""
    rows = {}
    User = apps.get_model("members", "User")
    users = [
        User.objects.create(**fill(User, n, {"username": f"person{n}", "password": "x"}))
        for n in range(2)
    ]
    rows["members.user"] = users
    Page = apps.get_model("wagtailcore", "Page")
    locale = apps.get_model("wagtailcore", "Locale").objects.first()
    root = Page.objects.get(depth=1)
    pages = {}
    for n, (app_label, model_name) in enumerate(PAGES):
        parent = pages.get(PARENTS.get(model_name), pages.get("HomePage", root))
        parent = Page.objects.get(pk=parent.pk)
        page = add_page(apps, parent, app_label, model_name, n, locale)
        pages[model_name] = page
        rows.setdefault(f"{app_label}.{model_name.lower()}", []).append(page)

    def create(label, **given):
        model = apps.get_model(label)
        row = model.objects.create(**fill(model, len(rows.get(label, [])), given))
        rows.setdefault(label, []).append(row)
        return row

    create(
        "kb.endorsement",
        position=pages["PolicyPositionPage"],
        organisation=pages["OrganisationPage"],
        decided_by=users[0],
    )
    topic = create("forum.topic", category=pages["CategoryPage"], author=users[0])
    create("forum.post", topic=topic, author=users[1], position=1)
    document = create("search.searchdocument")
    create("search.searchfacet", document=document)
    create("translations.glossaryentry")
    create("translations.provenance", page=pages["OrganisationPage"], reviewed_by=users[1])
    return rows


def check() -> list[str]:
    """Migrate the (empty) default database: first versions, rows, latest; what was lost."""
    executor = MigrationExecutor(connection)
    firsts = [roots(executor, app) for app in OUR_APPS]
    executor.migrate(firsts)
    old_apps = executor.loader.project_state(firsts).apps
    rows = populate(old_apps)
    # Plain values as the first version wrote them, read back from the database.
    before = {
        label: [
            (model_rows[0]._meta.model.objects.filter(pk=row.pk).values().get())
            for row in model_rows
        ]
        for label, model_rows in rows.items()
    }

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(latest)
    new_apps = executor.loader.project_state(latest).apps

    lost = []
    for label, old_rows in before.items():
        model = new_apps.get_model(label)
        for old in old_rows:
            current = model.objects.filter(pk=old["id"] if "id" in old else old["page_ptr_id"])
            if not current.exists():
                lost.append(f"{label} #{old.get('id')} is gone")
                continue
            now = current.values().get()
            for name, value in old.items():
                if name in now and now[name] != value:
                    lost.append(f"{label}.{name}: {value!r} became {now[name]!r}")
    rows_checked = sum(len(r) for r in before.values())
    return {"lost": lost, "rows": rows_checked, "models": sorted(before)}


def test_migrating_a_populated_first_version_to_the_latest_loses_nothing(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'migrations.sqlite3'}",
    }
    code = (
        "import django, json; django.setup(); "
        "from tests.hardening.test_migrations import check; print(json.dumps(check()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["lost"] == []
    assert report["rows"] >= 15
    assert {"members.user", "kb.endorsement", "forum.post", "translations.provenance"} <= set(
        report["models"]
    )
