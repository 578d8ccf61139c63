"""The search index as stored in the database (SQLite and PostgreSQL backends).

One ``SearchDocument`` per indexed object and language; its facet values are rows of
``SearchFacet`` so that counts are one GROUP BY. The full-text structures (an FTS5
table on SQLite, a tsvector table on PostgreSQL) are created by migration 0002 and
filled by the backend.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    key = models.CharField(max_length=120)
    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=40)
    group_key = models.CharField(max_length=120)
    title = models.TextField()
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    date = models.DateField(null=True, blank=True)
    audience = models.CharField(max_length=64, default="public")
    machine_translated = models.BooleanField(default=False)
    suggest = models.BooleanField(default=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "language"], name="search_one_document_per_language"
            )
        ]
        indexes = [
            models.Index(fields=["group_key"]),
            models.Index(fields=["audience", "language"]),
        ]

    def __str__(self):
        return f"{self.key} [{self.language}]"


class SearchFacet(models.Model):
    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facet_values"
    )
    name = models.CharField(max_length=32)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["name", "value", "document"])]

    def __str__(self):
        return f"{self.name}={self.value}"
