"""How the read-only API shows knowledge-base pages' taxonomy and organisations."""

from rest_framework import serializers


class TermsField(serializers.Field):
    """Taxonomy terms in the page's language, as ``{"slug", "name"}`` objects."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [{"slug": term.slug, "name": term.name} for term in value]


class PagesField(serializers.Field):
    """Linked pages in the page's language, as ``{"id", "title", "slug"}`` objects."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [{"id": page.pk, "title": page.title, "slug": page.slug} for page in value]
