"""Feeds, sitemap and API carry published pages only: never drafts or private pages."""

import pytest
from django.http import Http404
from wagtail.models import PageViewRestriction

from kb.feeds import KnowledgeRssFeed
from tests.kb import factories

pytestmark = pytest.mark.urls("tests.kb.urls")


@pytest.fixture
def published_draft_private(indexes, terms):
    published = factories.GoodPracticePageFactory(
        parent=indexes["practices"], title="Práctica publicada", themes=[terms["health"]]
    )
    draft = factories.GoodPracticePageFactory(
        parent=indexes["practices"], title="Borrador", publish=False
    )
    draft.live = False
    draft.save()
    private = factories.GoodPracticePageFactory(parent=indexes["practices"], title="Privada")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return published, draft, private


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/es/feeds/all/rss/", "/es/feeds/good-practices/atom/"])
def test_feeds_carry_published_pages_only(client, published_draft_private, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Práctica publicada" in body
    assert "Borrador" not in body and "Privada" not in body


@pytest.mark.django_db
def test_unknown_feed_is_not_found(rf, indexes):
    with pytest.raises(Http404):
        KnowledgeRssFeed()(rf.get("/es/feeds/nope/rss/"), kind="nope")


@pytest.mark.django_db
def test_sitemap_lists_published_pages_with_hreflang_alternates(client, published_draft_private):
    published, draft, private = published_draft_private
    factories.translate_page(published, "de")
    body = client.get("/sitemap.xml").content.decode()
    assert published.slug in body
    assert draft.slug not in body and private.slug not in body
    assert 'hreflang="de"' in body and 'hreflang="es"' in body


@pytest.mark.django_db
def test_api_lists_published_kb_pages_with_taxonomy(client, published_draft_private):
    published, draft, private = published_draft_private
    response = client.get(
        "/api/v2/pages/", {"type": "kb.GoodPracticePage", "fields": "themes,summary"}
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Práctica publicada"]
    assert items[0]["themes"] == [{"slug": "health", "name": "Salud y apoyo psicosocial"}]
    for hidden in (draft, private):
        response = client.get(f"/api/v2/pages/{hidden.pk}/")
        assert response.status_code != 200
        assert hidden.title not in response.content.decode()


@pytest.mark.django_db
def test_api_does_not_list_pages_outside_the_knowledge_base(
    client, published_draft_private, site_root
):
    titles = {item["title"] for item in client.get("/api/v2/pages/").json()["items"]}
    assert site_root.title not in titles
    assert "Práctica publicada" in titles
