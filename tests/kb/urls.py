"""Feeds, sitemap and API of the knowledge base, wired as a host project would."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.contrib.sitemaps.views import sitemap

from kb.api import api_router
from kb.sitemaps import TranslatedSitemap

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}),
]
urlpatterns += i18n_patterns(
    path("feeds/", include("kb.urls")),
    path("", include(wagtail_urls)),
)
