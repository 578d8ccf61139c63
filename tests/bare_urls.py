from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

# As in a project made by ``wagtail start``: the admin, documents, then the pages.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include(wagtail_urls)),
)
