"""The site's URLs plus the floor of the server-time benchmark: a constant response."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def floor(request):
    """What Django and the site's middleware cost with no work in the view."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("floor/", floor), *site_urlpatterns]
