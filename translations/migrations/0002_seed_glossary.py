"""The network's termbase as written in the product brief, with the forms search needs."""

from django.db import migrations

# es / de / en: one form per line, the preferred one first; the note says where it comes from.
TERMS = [
    ("buena práctica\nbuenas prácticas", "gute Praxis", "good practice", ""),
    ("modelo de atención integral", "integrales Betreuungsmodell", "integral care model", ""),
    ("posicionamiento", "Positionspapier", "policy position", ""),
    (
        "persona retornada\npersonas retornadas\nretornado\nretornada",
        "Rückkehrende\nRückkehrer",
        "returnee",
        "",
    ),
    ("persona migrante\npersonas migrantes", "Migrant*in\nMigrantin\nMigrant", "migrant", ""),
    (
        "persona en situación de refugio\nrefugiado\nrefugiada",
        "Geflüchtete\nFlüchtling",
        "refugee",
        "",
    ),
    ("solicitante de asilo", "Asylsuchende", "asylum seeker", ""),
    ("comunidad de acogida", "Aufnahmegemeinde", "host community", ""),
    (
        "(re)integración\nreintegración\nintegración",
        "(Re-)Integration\nReintegration\nIntegration",
        "(re)integration\nreintegration\nintegration",
        "",
    ),
    (
        "organización de la sociedad civil\nOSC\nONG",
        "Nichtregierungsorganisation\nNRO",
        "civil-society organisation\nNGO",
        "",
    ),
    ("red", "Netzwerk", "network", ""),
    ("diálogo", "Dialogformat\nDialog", "dialogue", ""),
]


def seed(apps, schema_editor):
    GlossaryEntry = apps.get_model("translations", "GlossaryEntry")
    if GlossaryEntry.objects.exists():
        return
    GlossaryEntry.objects.bulk_create(
        GlossaryEntry(es=es, de=de, en=en, note=note) for es, de, en, note in TERMS
    )


class Migration(migrations.Migration):
    dependencies = [("translations", "0001_provenance_and_glossary")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
