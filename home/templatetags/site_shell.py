"""Template tags for the site shell: menus and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from home.models import Menu

register = template.Library()


@register.inclusion_tag("home/tags/menu.html", takes_context=True)
def menu(context, slot):
    found = Menu.for_slot(slot)
    return {
        "slot": slot,
        "items": list(found.items.all()) if found else [],
        "request": context.get("request"),
    }


def _home_for(request, language_code):
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    if root is None:
        return f"/{language_code}/"
    translation = root.get_translation_or_none(Locale.objects.get(language_code=language_code))
    return translation.url if translation and translation.live else f"/{language_code}/"


def page_translations(page):
    """Live translations of a page, keyed by language code (the page itself included)."""
    if not isinstance(page, Page):
        return {}
    return {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.inclusion_tag("home/tags/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language; says so when a translation does not exist."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = page_translations(page)
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if code in translations:
            url, available = translations[code].url, True
        elif isinstance(page, Page):
            url, available = _home_for(request, code), False
        else:
            url, available = translate_url(request.get_full_path(), code) if request else "/", True
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "available": available,
                "current": code == current,
            }
        )
    return {"links": links}


@register.inclusion_tag("home/tags/hreflang.html", takes_context=True)
def hreflang_links(context):
    request = context.get("request")
    translations = page_translations(context.get("page"))
    links = [
        {"code": code, "url": request.build_absolute_uri(p.url) if request else p.url}
        for code, p in translations.items()
    ]
    return {"links": links}
