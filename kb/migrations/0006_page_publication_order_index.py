"""An index on Wagtail's page table for "newest first" lists.

Listings, related pages and the API read pages ordered by ``-first_published_at, -id``
and stop after a page of results; with this index the database walks the newest pages
instead of sorting every match, so the cost does not grow with the knowledge base.
"""

from django.db import migrations

INDEX = "kb_page_first_published_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0005_network_dashboard_page"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (first_published_at, id)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
