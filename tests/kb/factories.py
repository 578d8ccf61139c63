"""Factories for knowledge-base content; they import no site app (run in the bare project too)."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale, Page

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


def default_locale():
    return Locale.get_default()


class TermFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(default_locale)

    class Meta:
        abstract = True
        django_get_or_create = ("slug", "locale")


class ThemeFactory(TermFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = Theme


class PopulationFactory(TermFactory):
    name = factory.Sequence(lambda n: f"Población {n}")
    slug = factory.Sequence(lambda n: f"population-{n}")

    class Meta:
        model = Population


class RegionFactory(TermFactory):
    name = factory.Sequence(lambda n: f"Región {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    kind = Region.Kind.STATE

    class Meta:
        model = Region


def translate_term(term, language_code, name):
    """The translation of a taxonomy term, created if missing."""
    target = Locale.objects.get(language_code=language_code)
    existing = term.get_translation_or_none(target)
    if existing:
        return existing
    translation = term.copy_for_translation(target)
    translation.name = name
    translation.save()
    return translation


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def translate_page(page, language_code, **fields):
    """A published translation of ``page`` (its parents are translated as needed)."""
    target = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(target)
    if existing:
        return existing.specific
    translation = page.copy_for_translation(target, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


class KnowledgePageFactory(wagtail_factories.PageFactory):
    """Pass ``themes``, ``populations``, ``regions``, ``organisations`` and ``tags`` as lists."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        relations = {
            name: kwargs.pop(name)
            for name in (
                "themes",
                "populations",
                "regions",
                "organisations",
                "tags",
                "related_practices",
            )
            if name in kwargs
        }
        live = kwargs.pop("publish", True)
        page = super()._create(model_class, *args, **kwargs)
        for name, values in relations.items():
            if name == "tags":
                page.tags.add(*values)
            else:
                getattr(page, name).set(values)
        page.save()
        return publish(page) if live else page


class OrganisationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Organizaciones"
    slug = "organizaciones"

    class Meta:
        model = OrganisationIndexPage


class GoodPracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Buenas prácticas"
    slug = "buenas-practicas"

    class Meta:
        model = GoodPracticeIndexPage


class CareModelIndexPageFactory(wagtail_factories.PageFactory):
    title = "Modelos de atención integral"
    slug = "modelos"

    class Meta:
        model = CareModelIndexPage


class PolicyPositionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Posicionamientos"
    slug = "posicionamientos"

    class Meta:
        model = PolicyPositionIndexPage


class OrganisationPageFactory(KnowledgePageFactory):
    title = factory.Sequence(lambda n: f"Organización {n}")
    slug = factory.Sequence(lambda n: f"organizacion-{n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    summary = "Acompaña a personas migrantes."
    year_joined = 2019

    class Meta:
        model = OrganisationPage


class GoodPracticePageFactory(KnowledgePageFactory):
    title = factory.Sequence(lambda n: f"Práctica {n}")
    slug = factory.Sequence(lambda n: f"practica-{n}")
    summary = "Una práctica que otras organizaciones pueden replicar."
    start_date = datetime.date(2020, 3, 1)
    challenge = "<p>El reto.</p>"
    people_reached = 120
    results = [
        (
            "indicator",
            {"label": "Personas atendidas", "value": "120", "unit": "personas", "year": 2021},
        )
    ]

    class Meta:
        model = GoodPracticePage


class CareModelPageFactory(KnowledgePageFactory):
    title = factory.Sequence(lambda n: f"Modelo {n}")
    slug = factory.Sequence(lambda n: f"modelo-{n}")
    summary = "Un modelo de atención integral."
    purpose = "<p>Propósito.</p>"
    year_started = 2018
    phases = [
        (
            "phase",
            {
                "name": "Recepción",
                "description": "<p>Primer contacto.</p>",
                "services": ["Alojamiento"],
                "actors": "Albergue",
                "duration": "1 día",
                "referrals": ["COMAR"],
            },
        ),
        (
            "phase",
            {
                "name": "Seguimiento",
                "description": "<p>Acompañamiento.</p>",
                "services": ["Asesoría legal"],
                "actors": "",
                "duration": "",
                "referrals": [],
            },
        ),
    ]

    class Meta:
        model = CareModelPage


class PolicyPositionPageFactory(KnowledgePageFactory):
    title = factory.Sequence(lambda n: f"Posicionamiento {n}")
    slug = factory.Sequence(lambda n: f"posicionamiento-{n}")
    summary = "La red pide cambios."
    context = "<p>Contexto.</p>"
    status = PolicyPositionPage.Status.ADOPTED
    date_adopted = datetime.date(2021, 5, 10)
    recommendations = [
        (
            "recommendation",
            {
                "text": "<p>Garantizar el acceso a documentos.</p>",
                "addressee": "Instituto Nacional de Migración",
            },
        ),
    ]

    class Meta:
        model = PolicyPositionPage


def endorse(position, organisation):
    return Endorsement.objects.get_or_create(position=position, organisation=organisation)[0]


def kb_indexes(parent: Page):
    """The four index pages under ``parent``."""
    return {
        "organisations": OrganisationIndexPageFactory(parent=parent),
        "practices": GoodPracticeIndexPageFactory(parent=parent),
        "care_models": CareModelIndexPageFactory(parent=parent),
        "positions": PolicyPositionIndexPageFactory(parent=parent),
    }
