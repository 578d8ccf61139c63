"""Settings of the search benchmark: the bare plugin project on a database of its own.

BENCH_DATABASE_URL chooses it (default: an SQLite file in /tmp), e.g.
postgres://postgres@127.0.0.1:5432/puente_search_bench.
"""

import os

import dj_database_url

from config.database import without_jit
from tests.bare_settings import *  # noqa: F403

DATABASES = {
    "default": without_jit(
        dj_database_url.parse(
            os.environ.get("BENCH_DATABASE_URL", "sqlite:////tmp/puente_search_bench.sqlite3")
        )
    )
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
