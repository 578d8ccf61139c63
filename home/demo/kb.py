"""Demo knowledge base: taxonomy, organisations, practices, care models, positions."""

from wagtail.models import Page
from wagtail.rich_text import RichText

from home.demo import kb_content as content
from home.demo.kb_taxonomy import POPULATIONS, THEMES, regions
from home.demo.pages import ensure_translation, locale
from kb.models import (
    CareModelIndexPage,
    CareModelPage,
    Endorsement,
    GoodPracticeIndexPage,
    GoodPracticePage,
    OrganisationIndexPage,
    OrganisationPage,
    PolicyPositionIndexPage,
    PolicyPositionPage,
    Population,
    Region,
    Theme,
)

LANGUAGES = ("es", "de", "en")


def _p(text):
    return RichText(f"<p>{text}</p>")


def ensure_term(model, slug, names, **fields):
    """A taxonomy term in Spanish and its German and English translations."""
    source = model.objects.filter(slug=slug, locale=locale("es")).first()
    if source is None:
        source = model.objects.create(slug=slug, name=names["es"], locale=locale("es"), **fields)
    for code in ("de", "en"):
        if source.get_translation_or_none(locale(code)) is None:
            translation = source.copy_for_translation(locale(code))
            translation.name = names[code]
            translation.save()
    return source


def build_taxonomy():
    themes = {
        slug: ensure_term(Theme, slug, {"es": es, "de": de, "en": en}, sort_order=position)
        for position, (slug, es, de, en) in enumerate(THEMES)
    }
    populations = {
        slug: ensure_term(Population, slug, {"es": es, "de": de, "en": en}, sort_order=position)
        for position, (slug, es, de, en) in enumerate(POPULATIONS)
    }
    places = {
        slug: ensure_term(Region, slug, names, kind=kind, sort_order=position)
        for position, (slug, kind, names) in enumerate(regions())
    }
    return themes, populations, places


def ensure_page(parent, page_class, slug, texts, *, relations=None, tags=()):
    """A published Spanish page with its translations; ``relations`` are set before publishing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        source = existing.specific
    else:
        source = page_class(slug=slug, **texts["es"])
        for name, values in (relations or {}).items():
            setattr(source, name, values)
        parent.add_child(instance=source)
        if tags:
            source.tags.add(*tags)
        source.save_revision().publish()
    for code in ("de", "en"):
        ensure_translation(source, code, **texts[code])
    return source


def build_indexes(home: Page):
    classes = {
        "organisations": OrganisationIndexPage,
        "practices": GoodPracticeIndexPage,
        "care_models": CareModelIndexPage,
        "positions": PolicyPositionIndexPage,
    }
    indexes = {}
    for key, page_class in classes.items():
        texts = {
            code: {"title": title, "slug": slug, "intro": intro}
            for code, (title, slug, intro) in content.INDEXES[key].items()
        }
        indexes[key] = ensure_page(home, page_class, texts["es"].pop("slug"), texts)
    return indexes


def build_organisations(index, taxonomy):
    themes, populations, places = taxonomy
    organisations = {}
    for slug, row in content.ORGANISATIONS.items():
        acronym, year, website, email, theme_keys, population_keys, region_keys, texts = row
        shared = {
            "acronym": acronym,
            "year_joined": year,
            "website": website,
            "contact_email": email,
        }
        localized = {
            code: {"title": name, "summary": summary, "description": _p(summary), **shared}
            for code, (name, summary) in texts.items()
        }
        organisations[slug] = ensure_page(
            index,
            OrganisationPage,
            slug,
            localized,
            relations={
                "themes": [themes[k] for k in theme_keys],
                "populations": [populations[k] for k in population_keys],
                "regions": [places[k] for k in region_keys],
            },
        )
    return organisations


def _indicators(rows, code):
    return [
        (
            "indicator",
            {
                "label": content.INDICATORS[key][code],
                "value": value,
                "unit": content.INDICATORS[key]["unit"][code],
                "year": year,
            },
        )
        for key, value, year in rows
    ]


def build_practices(index, taxonomy, organisations):
    practices = {}
    for slug, row in content.PRACTICES.items():
        (
            org_keys,
            theme_keys,
            population_keys,
            region_keys,
            start,
            end,
            people,
            tags,
            indicators,
            texts,
        ) = row
        localized = {}
        for code, (title, summary, challenge, approach, lessons, replication) in texts.items():
            localized[code] = {
                "title": title,
                "summary": summary,
                "challenge": _p(challenge),
                "approach": [("paragraph", _p(approach))],
                "results": _indicators(indicators, code),
                "lessons_learned": _p(lessons),
                "replication": _p(replication),
                "start_date": start,
                "end_date": end,
                "people_reached": people,
                "contact_name": "Equipo de coordinación",
                "contact_email": "practicas@red.example",
            }
        practices[slug] = ensure_page(
            index,
            GoodPracticePage,
            slug,
            localized,
            relations=_relations(
                taxonomy, organisations, org_keys, theme_keys, population_keys, region_keys
            ),
            tags=tags,
        )
    return practices


def _relations(taxonomy, organisations, org_keys, theme_keys, population_keys, region_keys):
    """A demo page's organisations and taxonomy, looked up by their demo keys."""
    themes, populations, places = taxonomy
    return {
        "organisations": [organisations[k] for k in org_keys],
        "themes": [themes[k] for k in theme_keys],
        "populations": [populations[k] for k in population_keys],
        "regions": [places[k] for k in region_keys],
    }


def _phases(rows, code):
    phases = []
    for phase, services, actor, duration, referrals in rows:
        name, description = content.PHASE_TEXT[phase][code]
        phases.append(
            (
                "phase",
                {
                    "name": name,
                    "description": _p(description),
                    "services": [content.SERVICES[s][code] for s in services],
                    "actors": content.ACTORS[actor][code],
                    "duration": content.DURATIONS[duration][code],
                    "referrals": referrals,
                },
            )
        )
    return phases


def build_care_models(index, taxonomy, organisations):
    for slug, row in content.CARE_MODELS.items():
        org_keys, theme_keys, population_keys, region_keys, year, tags, phases, texts = row
        localized = {
            code: {
                "title": title,
                "summary": summary,
                "purpose": _p(purpose),
                "serves": _p(serves),
                "eligibility": _p(eligibility),
                "phases": _phases(phases, code),
                "year_started": year,
            }
            for code, (title, summary, purpose, serves, eligibility) in texts.items()
        }
        ensure_page(
            index,
            CareModelPage,
            slug,
            localized,
            relations=_relations(
                taxonomy, organisations, org_keys, theme_keys, population_keys, region_keys
            ),
            tags=tags,
        )


def build_positions(index, taxonomy, organisations, practices):
    themes, populations, places = taxonomy
    for slug, row in content.POSITIONS.items():
        (
            org_keys,
            theme_keys,
            population_keys,
            region_keys,
            status,
            adopted,
            tags,
            practice_keys,
            texts,
        ) = row
        localized = {
            code: {
                "title": title,
                "summary": summary,
                "context": _p(context),
                "recommendations": [
                    ("recommendation", {"text": _p(text), "addressee": addressee})
                    for text, addressee in recommendations
                ],
                "status": status,
                "date_adopted": adopted,
            }
            for code, (title, summary, context, recommendations) in texts.items()
        }
        position = ensure_page(
            index,
            PolicyPositionPage,
            slug,
            localized,
            relations={
                "themes": [themes[k] for k in theme_keys],
                "populations": [populations[k] for k in population_keys],
                "regions": [places[k] for k in region_keys],
                "related_practices": [practices[k] for k in practice_keys],
            },
            tags=tags,
        )
        for key in org_keys:
            Endorsement.objects.get_or_create(position=position, organisation=organisations[key])


def build(home: Page) -> dict:
    """The knowledge base under ``home``; returns its four index pages (Spanish)."""
    taxonomy = build_taxonomy()
    indexes = build_indexes(home)
    organisations = build_organisations(indexes["organisations"], taxonomy)
    practices = build_practices(indexes["practices"], taxonomy, organisations)
    build_care_models(indexes["care_models"], taxonomy, organisations)
    build_positions(indexes["positions"], taxonomy, organisations, practices)
    return indexes
