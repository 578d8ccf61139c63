"""Security settings as a visitor meets them: cookies, headers, security.txt, sign-in limits
and two-factor authentication (the admin's login included)."""

import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
)
from django.core.cache import cache
from django.test import Client

from members.models import NetworkRole
from tests.members.conftest import PASSWORD, make_user
from tests.test_settings import PRODUCTION_ENV, run_manage

LANGUAGES = ("es", "de", "en")
TOO_MANY = {
    "es": "Demasiados intentos fallidos",
    "de": "Zu viele gescheiterte Anmeldeversuche",
    "en": "Too many failed login attempts",
}

COOKIE_SETTINGS = (
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
)
SHOW_COOKIE_SETTINGS = (
    "import json; from django.conf import settings; print(json.dumps({"
    + ",".join(f"'{name}': settings.{name}" for name in COOKIE_SETTINGS)
    + "}))"
)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth counts attempts in the cache, which outlives a test's database.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def production_cookies():
    result = run_manage("shell", "--no-imports", "-c", SHOW_COOKIE_SETTINGS, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def member(db):
    return make_user("mfa_member")


def sign_in(client, email, password=PASSWORD, language="es"):
    return client.post(
        f"/{language}/accounts/login/", {"login": email, "password": password}, follow=False
    )


def sign_in_to_manage_security(client, email, language="es"):
    """Sign in, then confirm the password: allauth asks again before changing 2FA."""
    sign_in(client, email, language=language)
    response = client.get(f"/{language}/accounts/2fa/totp/activate/")
    assert response["Location"].startswith(f"/{language}/accounts/reauthenticate/")
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302


def test_production_cookies_are_secure_httponly_and_same_site(production_cookies):
    assert production_cookies["SESSION_COOKIE_SECURE"] is True
    assert production_cookies["SESSION_COOKIE_HTTPONLY"] is True
    assert production_cookies["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert production_cookies["CSRF_COOKIE_SECURE"] is True
    assert production_cookies["CSRF_COOKIE_HTTPONLY"] is True
    assert production_cookies["CSRF_COOKIE_SAMESITE"] == "Lax"


def test_signing_in_under_production_cookie_settings_sets_safe_cookies(
    production_cookies, member, settings
):
    for name, value in production_cookies.items():
        setattr(settings, name, value)
    client = Client(enforce_csrf_checks=False)
    client.get("/es/accounts/login/")
    response = sign_in(client, member.email)
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    csrf = client.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] is True
    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"


def test_public_pages_forbid_framing_sniffing_and_inline_scripts(client, db):
    response = client.get("/es/accounts/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert "unsafe" not in response["Content-Security-Policy"]
    # Nothing in the page needs what the policy forbids.
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert not re.search(r"\son[a-z]+=", html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_security_txt_follows_rfc_9116(client, db, language):
    response = client.get("/.well-known/security.txt", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().strip().splitlines())
    assert fields["Contact"].startswith(("mailto:", "https://"))
    assert fields["Preferred-Languages"] == "es, de, en"
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert datetime.now(UTC) < expires < datetime.now(UTC) + timedelta(days=365)


def test_security_txt_names_the_configured_contact(client, db, settings):
    settings.PUENTE_SECURITY_CONTACT = "mailto:seguridad@red.example.org"
    response = client.get("/.well-known/security.txt")
    assert "Contact: mailto:seguridad@red.example.org\n" in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_repeated_failed_sign_ins_are_refused_in_the_readers_language(member, language):
    client = Client()
    for _attempt in range(5):
        response = sign_in(client, member.email, "wrong-password", language)
        assert response.status_code == 200
        assert TOO_MANY[language] not in response.content.decode()
    # Even the right password is refused now: the limit is per account, not per guess.
    response = sign_in(client, member.email, PASSWORD, language)
    assert response.status_code == 200
    assert TOO_MANY[language] in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_flood_of_sign_in_attempts_gets_429(member):
    client = Client()
    statuses = [
        sign_in(client, f"nobody{n}@example.org", "wrong-password").status_code for n in range(31)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[-1] == 429


@pytest.mark.parametrize(
    ("login_path", "default_next"),
    [("/admin/login/", "/admin/"), ("/django-admin/login/", "/django-admin/")],
)
def test_the_admin_login_pages_hand_over_to_the_rate_limited_sign_in(
    client, db, login_path, default_next
):
    response = client.get(f"{login_path}?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/login/?next=%2Fadmin%2Fpages%2F"
    # A foreign next is dropped for the admin's own home.
    response = client.get(f"{login_path}?next=https://evil.example.org/")
    assert response["Location"] == f"/es/accounts/login/?next={default_next.replace('/', '%2F')}"
    # Their own forms are gone: posting a password there signs nobody in.
    superuser = make_user("root_admin", is_superuser=True, is_staff=True)
    response = client.post(login_path, {"username": superuser.username, "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_authenticator_setup_page_renders(member, language):
    client = Client()
    sign_in_to_manage_security(client, member.email, language)
    response = client.get(f"/{language}/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html  # the QR code, allowed by img-src
    assert 'name="code"' in html
    heading = {
        "es": "Activar la aplicación de autenticación",
        "de": "Authenticator-App aktivieren",
        "en": "Activate Authenticator App",
    }
    assert heading[language] in html


def current_code(secret):
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def test_a_member_turns_on_totp_and_then_needs_the_code_to_sign_in(member, settings):
    # A code read just before a 30-second step ends must still count when it arrives.
    settings.MFA_TOTP_TOLERANCE = 1
    client = Client()
    sign_in_to_manage_security(client, member.email)
    page = client.get("/es/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    response = client.post("/es/accounts/2fa/totp/activate/", {"code": "000000"})
    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=member).exists()
    response = client.post("/es/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).exists()

    fresh = Client()
    response = sign_in(fresh, member.email)
    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in fresh.session
    response = fresh.post("/es/accounts/2fa/authenticate/", {"code": "123456"})
    assert response.status_code == 200
    assert "_auth_user_id" not in fresh.session
    cache.clear()  # allauth refuses a code used once; the next one is a new window
    response = fresh.post("/es/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert fresh.session["_auth_user_id"] == str(member.pk)


@pytest.fixture
def coordinator(db):
    user = make_user("mfa_coordinator")
    NetworkRole.objects.create(user=user, role="coordinator")
    return user


def test_coordinators_must_set_up_two_factor_when_the_site_requires_it(
    coordinator, member, settings
):
    settings.PUENTE_MEMBERS_MFA_REQUIRED = True
    client = Client()
    sign_in(client, coordinator.email)
    response = client.get("/es/members/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/2fa/totp/activate/"
    # The way there stays open: confirming the password, then the setup page.
    response = client.get("/es/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/es/accounts/reauthenticate/")
    assert client.post(response["Location"], {"password": PASSWORD}).status_code == 302
    assert client.get("/es/accounts/2fa/totp/activate/").status_code == 200
    TOTP.activate(coordinator, "JBSWY3DPEHPK3PXP")
    assert client.get("/es/members/profile/").status_code == 200

    # Members keep it optional.
    other = Client()
    sign_in(other, member.email)
    assert other.get("/es/members/profile/").status_code == 200


def test_two_factor_stays_optional_by_default(coordinator):
    client = Client()
    sign_in(client, coordinator.email)
    assert client.get("/es/members/profile/").status_code == 200
