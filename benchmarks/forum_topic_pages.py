"""Time to render the first and last page of a 1,000- and a 10,000-post forum topic.

Pages are fetched by position range (``position BETWEEN a AND b`` on the index
(topic, position)), so the last page of a long topic should cost what the first page
of a short one costs. Run from the project root:

    .venv/bin/python benchmarks/forum_topic_pages.py [--runs 30]

It uses the bare plugin project (tests.bare_settings) on an in-memory SQLite database.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bare_settings")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.utils import timezone
    from wagtail.models import Locale, Site

    setup_test_environment()
    call_command("migrate", verbosity=0)
    from forum import markup, posting, reading
    from forum.models import CategoryPage, ForumIndexPage, Post, Topic
    from tests.conftest import ensure_wagtail_tree

    ensure_wagtail_tree()
    es = Locale.objects.get(language_code="es")
    site_root = Site.objects.get(is_default_site=True).root_page
    index = site_root.add_child(instance=ForumIndexPage(title="Foro", slug="foro", locale=es))
    category = index.add_child(
        instance=CategoryPage(title="General", slug="general", visibility="members", locale=es)
    )
    user = get_user_model().objects.create_user("bench", "bench@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="participate"))
    user = get_user_model().objects.get(pk=user.pk)
    html = markup.render_markdown("Una respuesta con **algo** de formato y un [enlace](/es/).")

    client = Client()
    client.force_login(user)
    print(
        f"{'posts':>7} {'page':>6} {'min ms':>7} {'median ms':>10} {'p90 ms':>8}"
        f" {'cpu ms':>7} {'queries':>8}"
    )
    topics = {
        count: posting.create_topic(category, author=user, title=f"{count}", source="x")
        for count in (1_000, 10_000)
    }
    for count, topic in topics.items():
        now = timezone.now()
        Post.objects.bulk_create(
            (
                Post(
                    topic=topic,
                    position=p,
                    author=user,
                    language="es",
                    source="x",
                    html=html,
                    created_at=now,
                )
                for p in range(2, count + 1)
            ),
            batch_size=2000,
        )
        Topic.objects.filter(pk=topic.pk).update(last_position=count, reply_count=count - 1)
        topic.refresh_from_db()
        last = reading.page_count(topic)
        for label, number in (("first", 1), ("last", last)):
            url = category.topic_url(topic, number)
            client.get(url)  # warm caches and the read state
            timings, cpu = [], []
            for _ in range(args.runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
                assert response.status_code == 200
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            timings.sort()
            p90 = timings[int(len(timings) * 0.9) - 1]
            print(
                f"{count:>7} {label:>6} {timings[0]:>7.1f} {statistics.median(timings):>10.1f}"
                f" {p90:>8.1f} {statistics.median(cpu):>7.1f} {len(queries):>8}"
            )


if __name__ == "__main__":
    main()
