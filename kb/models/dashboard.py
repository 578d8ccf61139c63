"""The network's public dashboard: where its organisations work, what they practise,
which positions they sign and when they meet."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from kb.view_restrictions import CachedViewRestrictions


class NetworkDashboardPage(CachedViewRestrictions, Page):
    """Charts with a data table each, computed from the live pages, never typed in."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("network dashboard")

    def get_context(self, request, *args, **kwargs):
        from kb import content_version

        context = super().get_context(request, *args, **kwargs)
        version = content_version.current()
        # Computed only when the cached fragment of this version is missing.
        context["charts"] = SimpleLazyObject(
            lambda: content_version.remember(
                ("dashboard", self.pk, request.get_host()), lambda: self.charts(request)
            )
        )
        context["kb_version"] = version
        return context

    def charts(self, request) -> dict:
        """Every chart and table of the page, from the live pages."""
        from kb import charts, dashboard

        regions = dashboard.organisations_by_region(self.locale_id)
        themes = dashboard.practices_by_theme(self.locale_id)
        positions = dashboard.positions_with_signatories(self.locale_id, request)
        shown = dashboard.most_signed(positions)
        years = dashboard.dialogues_by_year()
        return {
            "regions": regions,
            "region_map": charts.tile_map(regions),
            "themes": themes,
            "theme_chart": charts.bar_chart(themes),
            "positions": shown,
            "position_chart": charts.bar_chart(shown),
            "positions_total": len(positions),
            "positions_url": self._positions_url(request) if len(shown) < len(positions) else "",
            "years": years,
            "years_total": dashboard.total(years),
            "year_chart": charts.bar_chart(years),
        }

    def _positions_url(self, request) -> str:
        """The positions listing in this page's language, if there is one."""
        from kb.models import PolicyPositionIndexPage

        listing = PolicyPositionIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        return listing.get_url(request) if listing else ""
