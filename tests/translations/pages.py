"""The site every translations test reads: the demo shell in three languages, with
pages that exist in one language only, an editor and a reader. Built once per module."""

import pytest
from django.db import transaction
from wagtail.models import Locale, Page

from home.demo import site
from home.demo.pages import ensure_child
from home.models import StandardPage
from members.models import User
from tests.conftest import ensure_wagtail_tree


@pytest.fixture(scope="module", name="shell")
def shell_fixture(django_db_setup, django_db_blocker):
    """The demo shell in es/de/en, a Spanish-only page, a German-only page and two editors."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_wagtail_tree()
        home = site.build_shell()
        german_home = home.get_translation(Locale.objects.get(language_code="de"))
        data = {
            "home": home,
            "about": Page.objects.get(slug="acerca-de").specific,
            "only_es": ensure_child(home, StandardPage, "solo-es", title="Sólo en español"),
            "only_de": ensure_child(german_home, StandardPage, "nur-de", title="Nur auf Deutsch"),
            "admin": User.objects.create_superuser(
                username="ana",
                email="ana@example.org",
                password="x",
                first_name="Ana",
                last_name="Pérez",
            ),
            "reader": User.objects.create_user(username="leo", email="leo@example.org"),
        }
        yield data
        transaction.set_rollback(True)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()
