"""Read-only JSON API (Wagtail API v2) of the published knowledge-base pages."""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from kb import content_version
from kb.models.base import kb_page_models


class KnowledgePagesPagination(WagtailPagination):
    """Wagtail's pagination, with the total counted once per knowledge-base version and query
    (counting every page on each request grows with the knowledge base)."""

    def paginate_queryset(self, queryset, request, view=None):
        query = sorted((k, v) for k, v in request.GET.lists() if k not in ("offset", "limit"))
        total = content_version.remember(("api-total", repr(query)), queryset.count)
        queryset.count = lambda: total  # what Wagtail's pagination asks for
        return super().paginate_queryset(queryset, request, view)


class KnowledgePagesAPIViewSet(PagesAPIViewSet):
    """Live, public pages of the knowledge base only; drafts and private pages never appear."""

    pagination_class = KnowledgePagesPagination

    def get_base_queryset(self):
        return super().get_base_queryset().type(*kb_page_models())

    def get_queryset(self):
        # Each item names its language: one join instead of a query per item.
        return super().get_queryset().select_related("locale")


api_router = WagtailAPIRouter("kbapi")
api_router.register_endpoint("pages", KnowledgePagesAPIViewSet)
