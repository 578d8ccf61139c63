"""Production: every secret and host from the environment; refuses to start without them."""

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = False

if (
    not SECRET_KEY
    or SECRET_KEY.startswith("dev-only")
    or len(set(SECRET_KEY)) < 5
    or len(SECRET_KEY) < 50
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    **STORAGES,  # noqa: F405 (forum attachments: PRIVATE_MEDIA_ROOT)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

# Stateless app servers: nothing a request leaves behind lives on the app server's
# disk or memory, so several app servers can run behind one load balancer.
# Shared cache (menus, the anonymous page cache, rate limits) and sessions on Redis.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "puente"),
            "TIMEOUT": env_int("CACHE_TIMEOUT", 60 * 60 * 24),
        }
    }
    # Sessions read from Redis and are written through to the database, so a Redis
    # restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    # Anonymous readers get whole pages from the shared cache (home/page_cache.py),
    # just inside WhiteNoise so a hit skips sessions, authentication and the rest.
    PUENTE_PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 10 * 60)
    if PUENTE_PAGE_CACHE_SECONDS > 0:
        _after = MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1  # noqa: F405
        MIDDLEWARE = [  # noqa: F405
            *MIDDLEWARE[:_after],  # noqa: F405
            "home.page_cache.AnonymousPageCacheMiddleware",
            *MIDDLEWARE[_after:],  # noqa: F405
        ]
else:
    # Without Redis each worker process would cache on its own and miss the others'
    # invalidations: no page cache, sessions in the database (never on local disk).
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Uploaded media on S3-compatible object storage (AWS S3, MinIO, Ceph, Scaleway, ...)
# when a bucket is named; otherwise on MEDIA_ROOT, which must then be a shared volume
# for more than one app server.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME") or env_str("S3_BUCKET")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL") or env_str("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env_str("S3_REGION") or env_str("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env_str("S3_CUSTOM_DOMAIN") or env_str("AWS_S3_CUSTOM_DOMAIN")
    # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("S3_QUERYSTRING_AUTH", True)
    AWS_S3_FILE_OVERWRITE = False
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": env_str("S3_MEDIA_PREFIX", "media")},
    }
    # Read back by the forum's permission-checking view, never linked to directly.
    STORAGES["forum_attachments"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": env_str("S3_PRIVATE_PREFIX", "private"), "default_acl": "private"},
    }
