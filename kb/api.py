"""Read-only JSON API (Wagtail API v2) of the published knowledge-base pages."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from kb.models.base import kb_page_models


class KnowledgePagesAPIViewSet(PagesAPIViewSet):
    """Live, public pages of the knowledge base only; drafts and private pages never appear."""

    def get_base_queryset(self):
        return super().get_base_queryset().type(*kb_page_models())


api_router = WagtailAPIRouter("kbapi")
api_router.register_endpoint("pages", KnowledgePagesAPIViewSet)
