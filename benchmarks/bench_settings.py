"""Settings of the site benchmarks and the load test: the whole site, as in production.

BENCH_DATABASE_URL names the database (default: PostgreSQL ``puente_bench_s``), REDIS_URL
the shared cache (default: database 3 of a local Redis; the benchmark flushes it). The
anonymous page cache sits where production puts it; ``PUENTE_BENCH_PAGE_CACHE=0`` takes
it out. Not for a real deployment: no HTTPS settings, a fixed key, any host.
"""

import os

import dj_database_url

from config.database import without_jit
from config.settings.base import *  # noqa: F403
from config.settings.base import MIDDLEWARE, STORAGES

SECRET_KEY = "benchmark-only-" + "x" * 50  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
DATABASES = {
    "default": without_jit(
        dj_database_url.parse(
            os.environ.get(
                "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/puente_bench_s"
            ),
            conn_max_age=600,
        )
    )
}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3"),
        "KEY_PREFIX": "puente-bench",
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Generated members sign in with one password; the real hasher would dominate the load test.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = "/tmp/puente_bench_media"
STORAGES = {
    **STORAGES,
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
# The forum's posting rate limits would turn a load test's writers away.
PUENTE_FORUM_RATE_LIMIT_POSTS = PUENTE_FORUM_NEW_MEMBER_RATE_LIMIT_POSTS = 1_000_000
ACCOUNT_RATE_LIMITS = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

if os.environ.get("PUENTE_BENCH_PAGE_CACHE", "1") == "1":
    _after = MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1
    MIDDLEWARE = [
        *MIDDLEWARE[:_after],
        "home.page_cache.AnonymousPageCacheMiddleware",
        *MIDDLEWARE[_after:],
    ]
ROOT_URLCONF = "benchmarks.bench_urls"
# How many matches the database search backend ranks (search.conf's MATCH_LIMIT), to
# measure the trade-off between ranking breadth and time.
if "PUENTE_BENCH_MATCH_LIMIT" in os.environ:
    PUENTE_SEARCH_MATCH_LIMIT = int(os.environ["PUENTE_BENCH_MATCH_LIMIT"])
