"""The knowledge base in the search: practices, care models, positions, organisations."""

import datetime

from django.utils.text import capfirst

from search import adapters
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
    if page.organisation_lookup is None:
        return [str(page.translation_key)] if kind_of(type(page)) == "organisation" else []
    return [
        str(key)
        for key in type(page)
        .objects.filter(pk=page.pk, **page.organisation_filter)
        .values_list(f"{page.organisation_lookup}__translation_key", flat=True)
        if key
    ]


def documents(page):
    date, year = _dates(page)
    facets = {
        "theme": [term.slug for term in page.themes.all()],
        "population": [term.slug for term in page.populations.all()],
        "region": [term.slug for term in page.regions.all()],
        "organisation": _organisations(page),
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
    )
    return [document] if document else []


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
    pages = OrganisationPage.objects.live().filter(translation_key__in=values)
    for page in pages.select_related("locale"):
        key = str(page.translation_key)
        if key not in found or page.locale.language_code == language:
            found[key] = page.acronym or page.title
    return found


def register():
    from kb.models import Population, Region, Theme
    from kb.models.base import kb_page_models

    for model in kb_page_models():
        adapters.register(
            adapters.Adapter(
                model=model,
                documents=documents,
                queryset=lambda model=model: model.objects.live().select_related("locale"),
                index_on_save=False,
            )
        )
        adapters.register_kind(kind_of(model), capfirst(model._meta.verbose_name))
    adapters.register_facet_labels("theme", _term_labels(Theme))
    adapters.register_facet_labels("population", _term_labels(Population))
    adapters.register_facet_labels("region", _term_labels(Region))
    adapters.register_facet_labels("organisation", _organisation_labels)
