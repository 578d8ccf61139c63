from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import security_txt
from kb.api import api_router as kb_api_router
from kb.sitemaps import TranslatedSitemap
from members import admin_login
from members import views as members_views
from translations import views as translations_views

urlpatterns = [
    # Both admins sign in through allauth: one rate limit, one second factor.
    path("admin/login/", admin_login.to_account_login),
    path("django-admin/login/", admin_login.to_account_login_from_django_admin),
    path(".well-known/security.txt", security_txt.security_txt, name="security_txt"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v2/", kb_api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path(
        "accounts/reauthenticate/code/",
        members_views.request_reauthentication_code,
        name="account_request_reauthentication_code",
    ),
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("feeds/", include("kb.urls")),
    path("search/", include("search.urls")),
    # Wagtail's page view, but pages not yet translated are shown in their original
    # language instead of a 404 (Wagtail's own _util/ views come next).
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", translations_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
