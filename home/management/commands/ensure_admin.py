"""Create the local admin account once and print its credentials every time."""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from home.demo import members as demo_members

ADMIN_EMAIL = "admin@puente.local"


class Command(BaseCommand):
    help = "Create a superuser for local use (password kept in var/) and print its credentials."

    def handle(self, *args, **options):
        credentials = settings.VAR_DIR / "admin-password.txt"
        credentials.parent.mkdir(parents=True, exist_ok=True)
        if not credentials.exists():
            credentials.write_text(secrets.token_urlsafe(12))
            credentials.chmod(0o600)
        password = credentials.read_text().strip()
        user, created = get_user_model().objects.get_or_create(
            username="admin",
            defaults={"email": ADMIN_EMAIL, "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(password)
            user.save()
        # allauth signs people in by verified email address.
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        shown = password if user.check_password(password) else "(changed since it was created)"
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  email: {user.email}  password: {shown}"
        )
        accounts = demo_members.existing()
        if accounts:
            self.stdout.write(
                f"Demo accounts (sign in at http://127.0.0.1:8000/es/accounts/login/, "
                f"password for all: {demo_members.DEMO_PASSWORD}):"
            )
            for email, roles in accounts:
                self.stdout.write(f"  {email:<40} {roles}")
