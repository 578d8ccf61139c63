"""Template tags for the site shell: menus and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from home.navigation import menu_links
from translations.fallback import fallback_url
from translations.labels import live_translations

register = template.Library()


@register.inclusion_tag("home/tags/menu.html", takes_context=True)
def menu(context, slot):
    request = context.get("request")
    return {
        "slot": slot,
        "links": menu_links(slot, get_language()),
        "current_path": request.path if request else "",
    }


def page_translations(request, page):
    return live_translations(request, page) if isinstance(page, Page) else {}


@register.inclusion_tag("home/tags/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each language; where it is not translated, to the original
    shown with the interface in that language (``translations.fallback``)."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = page_translations(request, page)
    page_language = next((c for c, p in translations.items() if p.pk == page.pk), current)
    links = []
    for code, _name in settings.LANGUAGES:
        if code in translations:
            url, available = translations[code].get_url(request), True
        elif isinstance(page, Page):
            url, available = fallback_url(page.get_url(request), page_language, code), False
        else:
            url, available = translate_url(request.get_full_path(), code) if request else "/", True
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "available": available,
                "current": code == current,
            }
        )
    return {"links": links}


@register.inclusion_tag("home/tags/hreflang.html", takes_context=True)
def hreflang_links(context):
    request = context.get("request")
    translations = page_translations(request, context.get("page"))
    links = [
        {"code": code, "url": request.build_absolute_uri(p.get_url(request)) if request else p.url}
        for code, p in translations.items()
    ]
    return {"links": links}
