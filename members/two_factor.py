"""Two-factor authentication for the people who can change everything.

Anyone may turn on an authenticator app (allauth.mfa). With
``PUENTE_MEMBERS_MFA_REQUIRED`` superusers and coordinators must: until they have,
every page sends them to the authenticator setup, except the account pages they need
to get there (and to sign out).
"""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from members.permissions import is_coordinator

# Paths a person without a second factor may still reach: static files, the language
# switch, security.txt, and allauth's account pages (the setup itself, sign-out).
_OPEN_PREFIXES = ("/static/", "/media/", "/i18n/", "/.well-known/")
_OPEN_SEGMENT = "/accounts/"


def must_use_two_factor(user) -> bool:
    """Whether ``user`` has to set up a second factor before using the site."""
    if not getattr(settings, "PUENTE_MEMBERS_MFA_REQUIRED", False):
        return False
    return bool(user.is_authenticated and (user.is_superuser or is_coordinator(user)))


def has_two_factor(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireTwoFactorMiddleware:
    """Send superusers and coordinators without a second factor to its setup page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            not path.startswith(_OPEN_PREFIXES)
            and _OPEN_SEGMENT not in path
            and must_use_two_factor(request.user)
            and not has_two_factor(request.user)
        ):
            messages.warning(
                request,
                _(
                    "Your account can change the whole site: set up an authenticator app "
                    "before you continue."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
