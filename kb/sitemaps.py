"""A sitemap of every language tree of the site, each page with its hreflang alternates."""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        in_site = Page.objects.none()
        for tree in root.get_translations(inclusive=True):
            in_site = in_site | Page.objects.descendant_of(tree, inclusive=True)
        return (
            in_site.live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key = defaultdict(list)
        for item in pages:
            by_key[item.translation_key].append(item)
        urls = []
        last_mods = set()
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = [
                    {
                        "lang_code": other.locale.language_code,
                        "location": other.get_full_url(self.request),
                    }
                    for other in by_key[item.translation_key]
                ]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
