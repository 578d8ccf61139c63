"""Emails to people, each in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def language_for(email: str, fallback: str | None = None) -> str:
    """The preferred language of whoever has this address, else ``fallback``."""
    from members.models import User

    language = (
        User.objects.filter(email__iexact=email)
        .values_list("preferred_language", flat=True)
        .first()
    )
    language = language or fallback or translation.get_language() or settings.LANGUAGE_CODE
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def send(template: str, to: str, language: str, context: dict) -> None:
    """Render members/email/<template>_subject.txt, .txt and (if present) .html in ``language``."""
    with translation.override(language):
        context = {**context, "language": language}
        subject = render_to_string(f"members/email/{template}_subject.txt", context)
        subject = " ".join(subject.split())
        body = render_to_string(f"members/email/{template}.txt", context)
        try:
            html = render_to_string(f"members/email/{template}.html", context)
        except TemplateDoesNotExist:
            html = None
    message = EmailMultiAlternatives(f"[Puente] {subject}", body, to=[to])
    message.extra_headers["Content-Language"] = language
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
