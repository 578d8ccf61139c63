"""An index on Wagtail's page table for "newest first" lists of one page type and language.

Related pages and an organisation's other pages read, per page type, the newest live pages
of one language and stop after a few; with this index the database walks that type's
newest pages only, instead of every page type's newest pages (Wagtail's index on
``first_published_at``) until enough of the wanted type turn up. Its order (never
published last) is one Wagtail's index cannot give, so the planner does not pick that one
when types are published in batches.
"""

from django.db import migrations

INDEX = "kb_page_type_published_idx"
# SQLite sorts NULL lowest, so its DESC is already "never published last".
NULLS_LAST = {"postgresql": " NULLS LAST", "sqlite": ""}


def create(apps, schema_editor):
    nulls_last = NULLS_LAST.get(schema_editor.connection.vendor)
    if nulls_last is None:
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page "
        f"(content_type_id, locale_id, first_published_at DESC{nulls_last}, id DESC)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in NULLS_LAST:
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0005_network_dashboard_page"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
