"""allauth adapter: closed sign-up, emails and landing page in the person's language."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils import translation

from members import emails


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # People join through an invitation (members.invitations), never by signing up.
        return False

    def send_mail(self, template_prefix, email, context):
        with translation.override(emails.language_for(email)):
            super().send_mail(template_prefix, email, context)

    def get_login_redirect_url(self, request):
        """The member start page, in the language the person chose."""
        language = getattr(request.user, "preferred_language", None)
        with translation.override(language or translation.get_language()):
            return reverse("members:start")
