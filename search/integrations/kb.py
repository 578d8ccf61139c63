"""The knowledge base in the search: practices, care models, positions, organisations."""

import datetime

from django.db.models import prefetch_related_objects
from django.utils.text import capfirst

from search import adapters, audiences
from search.pages import page_document, searchable_text

KINDS = {
    "goodpracticepage": "good_practice",
    "caremodelpage": "care_model",
    "policypositionpage": "policy_position",
    "organisationpage": "organisation",
}


def kind_of(model) -> str:
    return KINDS.get(model._meta.model_name, model._meta.model_name)


def _dates(page):
    """(date shown, year facet) from the page type's own year field, if it has one."""
    value = getattr(page, page.year_field, None) if page.year_field else None
    if isinstance(value, datetime.date):
        return value, None
    if isinstance(value, int):
        return None, [str(value)]
    return None, None


def _organisations(page) -> list[str]:
    return _organisations_of_many([page])[page.pk]


def _organisations_of_many(pages) -> dict[int, list[str]]:
    """{page id: translation keys of its organisations} of pages of one type, in one query."""
    model = type(pages[0])
    if model.organisation_lookup is None:
        own = kind_of(model) == "organisation"
        return {page.pk: [str(page.translation_key)] if own else [] for page in pages}
    found = {page.pk: [] for page in pages}
    rows = (
        model.objects.filter(pk__in=found, **model.organisation_filter)
        .order_by("pk", f"{model.organisation_lookup}__translation_key")
        .values_list("pk", f"{model.organisation_lookup}__translation_key")
    )
    for pk, key in rows:
        if key:
            found[pk].append(str(key))
    return found


def documents(page, *, organisations=None, audience=None):
    """The document of a knowledge-base page; a batch passes what it read for many pages."""
    date, year = _dates(page)
    facets = {
        "theme": [term.slug for term in page.themes.all()],
        "population": [term.slug for term in page.populations.all()],
        "region": [term.slug for term in page.regions.all()],
        "organisation": _organisations(page) if organisations is None else organisations,
    }
    if year:
        facets["year"] = year
    document = page_document(
        page,
        kind=kind_of(type(page)),
        body=searchable_text(page),
        date=date,
        facets=facets,
        suggest=True,
        audience=audience,
    )
    return [document] if document else []


def documents_of_many(pages):
    """The documents of pages of one type, in a few queries whatever their number."""
    pages = list(pages)
    if not pages:
        return []
    prefetch_related_objects(pages, "locale", "themes", "populations", "regions")
    organisations = _organisations_of_many(pages)
    audience = audiences.for_pages(pages)
    return [
        document
        for page in pages
        for document in documents(
            page, organisations=organisations[page.pk], audience=audience[page.pk]
        )
    ]


def _term_labels(model):
    def labels(values, language):
        found = {}
        for term in model.objects.filter(slug__in=values).select_related("locale"):
            if term.slug not in found or term.locale.language_code == language:
                found[term.slug] = term.name
        return found

    return labels


def _organisation_labels(values, language):
    from kb.models import OrganisationPage

    found = {}
    rows = (
        OrganisationPage.objects.live()
        .filter(translation_key__in=values)
        .order_by()
        .values_list("translation_key", "acronym", "title", "locale__language_code")
    )
    for translation_key, acronym, title, page_language in rows:
        key = str(translation_key)
        if key not in found or page_language == language:
            found[key] = acronym or title
    return found


def _remembered(name, labels):
    """``labels`` cached under the knowledge base's version: they are its terms' and
    organisations' names, which only a change to the knowledge base changes."""
    from kb import content_version

    def remembered(values, language):
        parts = ["search-facet-labels", name, language, *sorted(values)]
        return content_version.remember(parts, lambda: labels(values, language))

    return remembered


def register():
    from kb.models import Population, Region, Theme
    from kb.models.base import kb_page_models

    for model in kb_page_models():
        adapters.register(
            adapters.Adapter(
                model=model,
                documents=documents,
                documents_of_many=documents_of_many,
                queryset=lambda model=model: (
                    model.objects.live().select_related("locale").iterator(chunk_size=2000)
                ),
                index_on_save=False,
            )
        )
        adapters.register_kind(kind_of(model), capfirst(model._meta.verbose_name))
    for name, labels in [
        ("theme", _term_labels(Theme)),
        ("population", _term_labels(Population)),
        ("region", _term_labels(Region)),
        ("organisation", _organisation_labels),
    ]:
        adapters.register_facet_labels(name, _remembered(name, labels))
