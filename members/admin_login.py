"""One way in: the Wagtail and Django admin login pages hand over to allauth's.

Their own forms would skip allauth's rate limit on failed sign-ins and its second
factor, so they only redirect to the site's sign-in page and back.
"""

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def to_account_login(request, default_next="wagtailadmin_home"):
    """Redirect to the site's sign-in page, keeping a safe ``next``."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse(default_next)
    if request.user.is_authenticated:
        return redirect(next_url)
    login_url = reverse(settings.LOGIN_URL)
    return redirect(f"{login_url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")


def to_account_login_from_django_admin(request):
    return to_account_login(request, default_next="admin:index")
