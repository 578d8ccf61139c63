"""Settings shared by every environment. Deployment values come from the environment."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.database import without_jit
from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("PUENTE_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

PUENTE_SITE_APPS = [
    "home",
    "members",
    "translations",
]
PUENTE_PLUGIN_APPS = [
    "kb",
    "forum",
    "search",
]

INSTALLED_APPS = [
    *PUENTE_SITE_APPS,
    *PUENTE_PLUGIN_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "csp",
    "rest_framework",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "members.two_factor.RequireTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.middleware.AdminPreviewFramingMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]


DATABASES = {
    "default": without_jit(
        dj_database_url.config(
            env="DATABASE_URL",
            default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
            conn_max_age=60,
        )
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "members.User"

# Accounts (django-allauth): login by email, verified addresses, no open sign-up:
# people join through an invitation or an approved join request (members/).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Puente] "
# Failed sign-ins are limited per address and per account ("key" is the email), so
# guessing passwords is slow; every login form, the admin's included, goes through
# allauth (config/urls.py sends /admin/login/ and /django-admin/login/ there).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",  # nosec B105 - a rate, not a password
    "reset_password_from_key": "20/m/ip",  # nosec B105 - a rate, not a password
}
# Two-factor authentication (allauth.mfa): an authenticator app (TOTP) with recovery
# codes, which anyone can turn on under /accounts/2fa/. With MFA_REQUIRED_FOR_STAFF,
# superusers and coordinators must set it up before they can do anything else
# (members/two_factor.py).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Puente"
PUENTE_MEMBERS_MFA_REQUIRED = env_bool("MFA_REQUIRED_FOR_STAFF", False)
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:start"
WAGTAILADMIN_LOGIN_URL = "account_login"
PUENTE_MEMBERS_INVITATION_DAYS = env_int("PUENTE_MEMBERS_INVITATION_DAYS", 14)
# The forum category (slug of its Spanish page) where consultations are discussed.
PUENTE_MEMBERS_CONSULTATION_CATEGORY = "posicionamientos"
# Consultations on policy positions: the site answers who may do what.
# Page types showing no forum content: new forum posts leave their cached pages in place
# (home/page_cache.py).
PUENTE_PAGE_CACHE_WITHOUT_DISCUSSIONS = [
    "kb.GoodPracticeIndexPage",
    "kb.CareModelIndexPage",
    "kb.PolicyPositionIndexPage",
    "kb.OrganisationIndexPage",
    "kb.DialogueEventIndexPage",
    "kb.NetworkDashboardPage",
    "home.StandardPage",
]
PUENTE_KB_IS_COORDINATOR = "members.permissions.is_coordinator"
PUENTE_KB_IS_MEMBER = "members.permissions.is_member"
PUENTE_KB_DECIDING_ORGANISATIONS = "members.permissions.endorsing_organisations"
PUENTE_KB_ON_CONSULTATION_OPENED = "members.consultations.open_discussion"
PUENTE_KB_ON_VERSION_ADOPTED = "members.consultations.ask_to_confirm"
# The forum's "Discuss in the forum" block on every knowledge-base page.
PUENTE_KB_DISCUSSION_TEMPLATE = "forum/kb_discussion.html"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Spanish is the working language and the default.
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", _("Spanish")),
    ("de", _("German")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Mexico_City"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Forum attachments are served only through the forum's permission check, so they live
# outside MEDIA_ROOT, which the web server may serve directly.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "forum_attachments": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Puente <no-reply@puente.local>")

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

WAGTAIL_SITE_NAME = "Puente"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Uploaded images are saved again without EXIF/GPS before Wagtail keeps them (home/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.images.MetadataFreeImageForm"
# Documents go through Wagtail's view: privacy checked, sent with Content-Disposition
# (attachment except PDFs), nosniff and "Content-Security-Policy: default-src 'none'".
# Their storage folder (media/documents/) must not be served directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Uploads are checked by content, not only by extension (home/documents.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.documents.ContentCheckedDocumentForm"

ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
# The search plugin reads only its own settings: with a URL it uses Elasticsearch.
PUENTE_SEARCH_ELASTICSEARCH_URL = ELASTICSEARCH_URL
# Search expands queries with the glossary editors keep in the admin.
PUENTE_SEARCH_GLOSSARY = "translations.glossary.entries"

# Machine translation (translations/machine.py): DeepL, or a self-hosted LibreTranslate
# for organisations that must not send case-related text to a commercial service; the
# self-hosted one wins when both are set. With neither, every feature says machine
# translation is unavailable. wagtail-localize (pages) and the forum (posts) share it.
DEEPL_AUTH_KEY = env_str("DEEPL_AUTH_KEY")
DEEPL_API_URL = env_str("DEEPL_API_URL")  # default: DeepL's free or pro API, by the key
LIBRETRANSLATE_URL = env_str("LIBRETRANSLATE_URL")
LIBRETRANSLATE_API_KEY = env_str("LIBRETRANSLATE_API_KEY", "")
MACHINE_TRANSLATION_TIMEOUT = env_int("MACHINE_TRANSLATION_TIMEOUT", 30)
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
if LIBRETRANSLATE_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": LIBRETRANSLATE_URL,
            "API_KEY": LIBRETRANSLATE_API_KEY,
            "TIMEOUT": MACHINE_TRANSLATION_TIMEOUT,
        },
    }
elif DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": DEEPL_AUTH_KEY,
            "API_URL": DEEPL_API_URL,
            "TIMEOUT": MACHINE_TRANSLATION_TIMEOUT,
        },
    }
# The forum's "Translate" button on posts in another language (shown only with a translator).
PUENTE_FORUM_TRANSLATOR = (
    "translations.machine.translate_text" if WAGTAILLOCALIZE_MACHINE_TRANSLATOR else None
)

# Content-Security-Policy for the public site. The Wagtail admin brings its own
# inline scripts and is kept out of the policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# No script reads the CSRF cookie (forms carry the token), so it can be HttpOnly too.
CSRF_COOKIE_HTTPONLY = True
# /.well-known/security.txt (RFC 9116): where to report a vulnerability.
PUENTE_SECURITY_CONTACT = env_str("SECURITY_CONTACT", "mailto:security@puente.local")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Every background task logs its start and end at INFO: too chatty for the console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
