"""Menus as plain links, cached per language until a menu or a page changes.

Every page shows two menus; without the cache they cost four queries a page.
"""

from django.conf import settings
from django.core.cache import cache

from home.models import Menu

CACHE_KEY = "puente:menu:{slot}:{language}"


def menu_links(slot: str, language_code: str) -> list[dict]:
    """The live links of a menu as ``{"url", "title"}`` dicts."""
    key = CACHE_KEY.format(slot=slot, language=language_code)
    links = cache.get(key)
    if links is None:
        menu = Menu.for_slot(slot, language_code)
        items = menu.items.all() if menu else []
        links = [
            {"url": item.link_page.url, "title": item.title}
            for item in items
            if item.link_page.live
        ]
        cache.set(key, links, timeout=None)
    return links


def forget_menus(**kwargs) -> None:
    """Signal receiver: drop every cached menu (titles, URLs or the menus changed)."""
    cache.delete_many(
        [
            CACHE_KEY.format(slot=slot, language=code)
            for slot in Menu.Slot.values
            for code, _name in settings.LANGUAGES
        ]
    )
