"""Feeds of the knowledge base; include under the language prefix, e.g. ``/es/feeds/``."""

from django.urls import path

from kb.feeds import KnowledgeAtomFeed, KnowledgeRssFeed

app_name = "kb"
urlpatterns = [
    path("<slug:kind>/rss/", KnowledgeRssFeed(), name="feed-rss"),
    path("<slug:kind>/atom/", KnowledgeAtomFeed(), name="feed-atom"),
]
