"""Show translatable objects in the reader's language, one query per kind of object.

Pages translated with wagtail-localize keep pointing at the snippets and pages chosen in
the source language, so every reference is mapped by ``translation_key`` when shown.
"""

from django.db.models import QuerySet
from wagtail.models import Locale


def default_locale_only():
    """Choices limited to the default language: translations follow the source's choices."""
    return {"locale__language_code": Locale.get_default().language_code}


def by_translation_key(queryset, keys, locale):
    """``{translation_key: object}`` in ``locale``, falling back to any other language.

    ``keys`` is a list of keys or a queryset of ``translation_key`` values (a subquery);
    ``locale`` a Locale or its id (a page's ``locale_id`` costs no query).
    """
    locale_id = getattr(locale, "pk", locale)
    if not isinstance(keys, QuerySet):
        keys = set(keys)
        if not keys:
            return {}
    found = {}
    for obj in queryset.filter(translation_key__in=keys):
        current = found.get(obj.translation_key)
        if current is None or obj.locale_id == locale_id:
            found[obj.translation_key] = obj
    return found


def localize(objects, queryset, locale):
    """The same objects, each replaced by its version in ``locale`` (one query)."""
    objects = list(objects)
    mapping = by_translation_key(queryset, (o.translation_key for o in objects), locale)
    return [mapping.get(o.translation_key, o) for o in objects]
