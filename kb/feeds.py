"""RSS and Atom feeds of the knowledge base, per content type and for everything."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from kb.conf import kb_settings
from kb.models import CareModelPage, GoodPracticePage, OrganisationPage, PolicyPositionPage

KINDS = {
    "all": (
        _("Knowledge base"),
        [GoodPracticePage, CareModelPage, PolicyPositionPage, OrganisationPage],
    ),
    "good-practices": (_("Good practices"), [GoodPracticePage]),
    "care-models": (_("Integral care models"), [CareModelPage]),
    "policy-positions": (_("Policy positions"), [PolicyPositionPage]),
    "organisations": (_("Organisations"), [OrganisationPage]),
}


def published_pages(models, locale):
    """Live, public pages of these types in ``locale``, newest first."""
    return (
        Page.objects.live()
        .public()
        .type(*models)
        .filter(locale=locale)
        .order_by("-first_published_at", "-pk")
        .specific()
    )


class KnowledgeRssFeed(Feed):
    def get_object(self, request, kind):
        if kind not in KINDS:
            raise Http404
        self.request = request
        return kind

    def title(self, kind):
        return f"{KINDS[kind][0]} · {_('Knowledge base')}" if kind != "all" else KINDS[kind][0]

    def link(self, kind):
        return f"/{Locale.get_active().language_code}/"

    def description(self, kind):
        return _("Newly published in the network's knowledge base.")

    def items(self, kind):
        return published_pages(KINDS[kind][1], Locale.get_active())[: kb_settings.FEED_LIMIT]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "summary", "") or item.search_description

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [theme.name for theme in getattr(item, "localized_themes", [])]


class KnowledgeAtomFeed(KnowledgeRssFeed):
    feed_type = Atom1Feed
    subtitle = KnowledgeRssFeed.description
