"""Menus as plain links, cached per language under the kb version, which every change to
a page raises, and a change to a menu too (``forget_menus``).

Every page shows two menus; without the cache they cost four queries a page.
"""

from home.models import Menu
from kb import content_version


def menu_links(slot: str, language_code: str) -> list[dict]:
    """The live links of a menu as ``{"url", "title"}`` dicts."""

    def links():
        menu = Menu.for_slot(slot, language_code)
        items = menu.items.all() if menu else []
        return [
            {"url": item.link_page.url, "title": item.title}
            for item in items
            if item.link_page.live
        ]

    return content_version.remember(["menu", slot, language_code], links)


def forget_menus(**kwargs) -> None:
    """Signal receiver: a menu changed, so every cached menu goes (with the kb version)."""
    content_version.bump()
