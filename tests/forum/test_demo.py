"""The demo forum builds (twice, safely) with the full site; skipped in the bare project."""

import pytest
from django.conf import settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("home" not in settings.INSTALLED_APPS, reason="needs the demo site"),
]


def test_demo_forum_builds_idempotently(client):
    from forum.models import CategoryActivity, CategoryPage, ForumIndexPage, Topic
    from home.demo import site

    site.build()
    site.build()
    assert ForumIndexPage.objects.count() == 3
    assert CategoryPage.objects.filter(locale__language_code="es").count() == 4
    assert Topic.objects.count() == 7
    assert Topic.objects.filter(language="de").exists()
    general = CategoryPage.objects.get(slug="intercambio-general")
    assert CategoryActivity.objects.get(category=general).topic_count == 2
    response = client.get("/es/foro/")
    assert response.status_code == 200
    assert "Intercambio general" in response.content.decode()
    assert client.get("/de/forum/").status_code == 200
    assert "El Buen Pastor" in client.get(general.url).content.decode()
