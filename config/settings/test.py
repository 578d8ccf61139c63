"""Test settings for the whole site."""

from .base import *  # noqa: F403

# bandit: the test settings' key, never used outside tests
SECRET_KEY = "test-only-key"  # noqa: S105  # nosec B105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Never the network: tests that translate start a fake server (tests/translations/conftest.py).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
PUENTE_FORUM_TRANSLATOR = None
# Wagtail's own (admin) search index is not updated on every save in tests: on PostgreSQL
# each page save rescans the whole index table (modelsearch's title-norm refresh), which
# makes the tests that build ten times the demo's data quadratic. The test of the admin
# search turns it back on.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
}
