"""The taxonomy and endorsements in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kb.models import Endorsement, Population, Region, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class PopulationViewSet(SnippetViewSet):
    model = Population
    icon = "group"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "kind", "slug", "locale"]
    list_filter = ["kind"]
    search_fields = ["name"]


class EndorsementViewSet(SnippetViewSet):
    model = Endorsement
    icon = "success"
    list_display = ["position", "organisation", "decided_at"]


class KnowledgeBaseViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, PopulationViewSet, RegionViewSet, EndorsementViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Knowledge base")
    menu_name = "knowledge-base"


register_snippet(KnowledgeBaseViewSetGroup)
