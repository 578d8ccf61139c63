"""Deployment settings: read from the environment, strict in production."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "test-deploy-4f9a1c7e2b8d6a0f3e5c9b1d7a2e8f4c6b0d3a9e1f7c5b2d8a4e6",
    "ALLOWED_HOSTS": "puente.example.org",
    "DATABASE_URL": "sqlite:////tmp/puente-deploy-check.sqlite3",
}


def run_manage(*args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_real_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {**PRODUCTION_ENV, "ALLOWED_HOSTS": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_public_pages_send_a_content_security_policy(client, db):
    response = client.get("/es/no-such-page/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_may_frame_its_own_previews(client, db):
    response = client.get("/admin/login/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"


STATELESS_ENV = {
    **PRODUCTION_ENV,
    "REDIS_URL": "redis://127.0.0.1:6379/5",
    "AWS_STORAGE_BUCKET_NAME": "puente-media",
    "S3_ENDPOINT_URL": "https://objects.example.org",
}
SHOW_STATE = (
    "import json; from django.conf import settings; print(json.dumps({"
    "'cache': settings.CACHES['default']['BACKEND'],"
    "'session': settings.SESSION_ENGINE,"
    "'media': settings.STORAGES['default']['BACKEND'],"
    "'attachments': settings.STORAGES['forum_attachments']['BACKEND'],"
    "'tasks': settings.TASKS['default']['BACKEND'],"
    "'page_cache': 'home.page_cache.AnonymousPageCacheMiddleware' in settings.MIDDLEWARE}))"
)


def production_state(env):
    result = run_manage("shell", "--no-imports", "-c", SHOW_STATE, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_is_clean_with_redis_and_object_storage():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=STATELESS_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_app_servers_keep_nothing_on_local_disk():
    assert production_state(STATELESS_ENV) == {
        "cache": "django.core.cache.backends.redis.RedisCache",
        "session": "django.contrib.sessions.backends.cached_db",
        "media": "storages.backends.s3.S3Storage",
        "attachments": "storages.backends.s3.S3Storage",
        "tasks": "django_tasks_db.DatabaseBackend",
        "page_cache": True,
    }


def test_without_redis_sessions_stay_in_the_database_and_pages_are_not_cached():
    state = production_state(PRODUCTION_ENV)
    assert state["session"] == "django.contrib.sessions.backends.db"
    assert state["media"] == "django.core.files.storage.FileSystemStorage"
    assert state["attachments"] == "django.core.files.storage.FileSystemStorage"
    assert state["page_cache"] is False


def test_postgresql_runs_without_jit(db):
    """JIT compiling costs a page's short statements more than it saves (``without_jit``)."""
    from django.db import connection

    from config.database import without_jit

    postgres = without_jit({"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"a": 1}})
    assert postgres["OPTIONS"] == {"a": 1, "options": "-c jit=off"}
    url_options = {"options": "-c search_path=puente"}
    postgres = without_jit({"ENGINE": "django.db.backends.postgresql", "OPTIONS": url_options})
    assert postgres["OPTIONS"] == {"options": "-c search_path=puente -c jit=off"}
    assert "OPTIONS" not in without_jit({"ENGINE": "django.db.backends.sqlite3"})
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW jit")
            assert cursor.fetchone() == ("off",)
