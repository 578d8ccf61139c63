import pytest
from wagtail.models import Site

from tests.kb import factories


@pytest.fixture
def site_root(locales):
    """The default site's root page, in the bare project and in the full site alike."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def indexes(site_root):
    return factories.kb_indexes(site_root)


@pytest.fixture
def terms(locales):
    """Two themes, a population and two regions, translated into German and English."""
    health = factories.ThemeFactory(name="Salud y apoyo psicosocial", slug="health")
    housing = factories.ThemeFactory(name="Vivienda y albergue", slug="housing")
    returnees = factories.PopulationFactory(name="Personas retornadas", slug="returnees")
    chihuahua = factories.RegionFactory(name="Chihuahua", slug="chihuahua")
    oaxaca = factories.RegionFactory(name="Oaxaca", slug="oaxaca")
    factories.translate_term(health, "de", "Gesundheit und psychosoziale Unterstützung")
    factories.translate_term(health, "en", "Health and psychosocial support")
    factories.translate_term(housing, "de", "Wohnen und Unterkunft")
    factories.translate_term(housing, "en", "Housing and shelter")
    factories.translate_term(returnees, "de", "Rückkehrende")
    factories.translate_term(returnees, "en", "Returnees")
    for region in (chihuahua, oaxaca):
        for code in ("de", "en"):
            factories.translate_term(region, code, region.name)
    return {
        "health": health,
        "housing": housing,
        "returnees": returnees,
        "chihuahua": chihuahua,
        "oaxaca": oaxaca,
    }
