"""Translations published before provenance was recorded: "translated", from their source.

The source is the page wagtail-localize translates from, else the oldest page of the
same translation key (as translations.provenance.source_of decides).
"""

from collections import defaultdict

from django.db import migrations


def record(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Provenance = apps.get_model("translations", "Provenance")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    versions = defaultdict(list)
    for pk, key, locale_id in (
        Page.objects.filter(depth__gt=1)
        .order_by("pk")
        .values_list("pk", "translation_key", "locale_id")
    ):
        versions[key].append((pk, locale_id))
    localize_sources = {}
    for key, locale_id in TranslationSource.objects.order_by("-created_at").values_list(
        "object_id", "locale_id"
    ):
        localize_sources[key] = locale_id  # the oldest wins: the list runs newest first
    recorded = set(Provenance.objects.values_list("page_id", flat=True))
    new = []
    for key, pages in versions.items():
        if len(pages) < 2:
            continue
        locale_id = localize_sources.get(key)
        source = next((pk for pk, loc in pages if loc == locale_id), pages[0][0])
        new += [
            Provenance(page_id=pk, source_page_id=source, status="translated")
            for pk, _locale in pages
            if pk != source and pk not in recorded
        ]
    Provenance.objects.bulk_create(new, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0002_seed_glossary"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(record, migrations.RunPython.noop)]
