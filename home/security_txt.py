"""/.well-known/security.txt (RFC 9116): whom to tell about a vulnerability, and how."""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

# RFC 9116 asks for an expiry less than a year ahead. The file is generated, so it
# stays valid as long as the site runs with a maintained SECURITY_CONTACT.
VALID_FOR = timedelta(days=180)


@require_safe
def security_txt(request):
    expires = datetime.now(UTC).date() + VALID_FOR
    context = {
        "contact": settings.PUENTE_SECURITY_CONTACT,
        "expires": f"{expires.isoformat()}T00:00:00Z",
        "canonical": request.build_absolute_uri(request.path),
        "languages": ", ".join(code for code, _name in settings.LANGUAGES),
    }
    return render(request, "home/security.txt", context, content_type="text/plain; charset=utf-8")
