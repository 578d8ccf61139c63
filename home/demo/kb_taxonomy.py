# ruff: noqa: E501
"""The shared taxonomy of the knowledge base: themes, populations and regions (es, de, en)."""

THEMES = [
    (
        "legal-status",
        "Situación jurídica y documentación",
        "Aufenthaltsstatus und Dokumente",
        "Legal status and documentation",
    ),
    ("justice", "Acceso a la justicia", "Zugang zur Justiz", "Access to justice"),
    (
        "health",
        "Salud y apoyo psicosocial",
        "Gesundheit und psychosoziale Unterstützung",
        "Health and psychosocial support",
    ),
    ("housing", "Vivienda y albergue", "Wohnen und Unterkunft", "Housing and shelter"),
    (
        "education",
        "Educación y reconocimiento de saberes",
        "Bildung und Anerkennung von Kompetenzen",
        "Education and recognition of skills",
    ),
    (
        "employment",
        "Formación para el trabajo y empleo",
        "Berufsbildung und Beschäftigung",
        "Vocational training and employment",
    ),
    (
        "entrepreneurship",
        "Emprendimiento e ingresos",
        "Unternehmertum und Einkommen",
        "Entrepreneurship and income",
    ),
    ("family", "Familia y comunidad", "Familie und Gemeinschaft", "Family and community"),
    (
        "protection",
        "Protección frente a la violencia",
        "Schutz vor Gewalt",
        "Protection from violence",
    ),
    (
        "policy",
        "Políticas públicas e incidencia",
        "Öffentliche Politik und Advocacy",
        "Public policy and advocacy",
    ),
]

POPULATIONS = [
    ("returnees", "Personas retornadas", "Rückkehrende", "Returnees"),
    (
        "in-transit",
        "Personas migrantes en tránsito",
        "Migrant*innen im Transit",
        "Migrants in transit",
    ),
    (
        "refugees",
        "Personas refugiadas y solicitantes de asilo",
        "Geflüchtete und Asylsuchende",
        "Refugees and asylum seekers",
    ),
    (
        "displaced",
        "Personas desplazadas internas",
        "Binnenvertriebene",
        "Internally displaced people",
    ),
    ("host-communities", "Comunidades de acogida", "Aufnahmegemeinden", "Host communities"),
]

STATES = [
    ("aguascalientes", "Aguascalientes"),
    ("baja-california", "Baja California"),
    ("baja-california-sur", "Baja California Sur"),
    ("campeche", "Campeche"),
    ("chiapas", "Chiapas"),
    ("chihuahua", "Chihuahua"),
    ("coahuila", "Coahuila"),
    ("colima", "Colima"),
    ("durango", "Durango"),
    ("guanajuato", "Guanajuato"),
    ("guerrero", "Guerrero"),
    ("hidalgo", "Hidalgo"),
    ("jalisco", "Jalisco"),
    ("michoacan", "Michoacán"),
    ("morelos", "Morelos"),
    ("nayarit", "Nayarit"),
    ("nuevo-leon", "Nuevo León"),
    ("oaxaca", "Oaxaca"),
    ("puebla", "Puebla"),
    ("queretaro", "Querétaro"),
    ("quintana-roo", "Quintana Roo"),
    ("san-luis-potosi", "San Luis Potosí"),
    ("sinaloa", "Sinaloa"),
    ("sonora", "Sonora"),
    ("tabasco", "Tabasco"),
    ("tamaulipas", "Tamaulipas"),
    ("tlaxcala", "Tlaxcala"),
    ("veracruz", "Veracruz"),
    ("yucatan", "Yucatán"),
    ("zacatecas", "Zacatecas"),
]
# Names that differ between languages: (slug, es, de, en).
STATES_TRANSLATED = [
    ("cdmx", "Ciudad de México", "Mexiko-Stadt", "Mexico City"),
    ("estado-de-mexico", "Estado de México", "Bundesstaat México", "State of Mexico"),
]
COUNTRIES = [
    ("honduras", "Honduras", "Honduras", "Honduras"),
    ("guatemala", "Guatemala", "Guatemala", "Guatemala"),
    ("el-salvador", "El Salvador", "El Salvador", "El Salvador"),
    ("venezuela", "Venezuela", "Venezuela", "Venezuela"),
    ("haiti", "Haití", "Haiti", "Haiti"),
    ("usa", "Estados Unidos", "Vereinigte Staaten", "United States"),
]


def regions():
    """(slug, kind, {language: name}) for the 32 states and the countries of origin."""
    rows = [(slug, "state", {"es": name, "de": name, "en": name}) for slug, name in STATES]
    rows += [(s, "state", {"es": es, "de": de, "en": en}) for s, es, de, en in STATES_TRANSLATED]
    rows.sort(key=lambda row: row[2]["es"])
    rows += [(s, "country", {"es": es, "de": de, "en": en}) for s, es, de, en in COUNTRIES]
    return rows
