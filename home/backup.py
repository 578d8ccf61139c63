"""Back up and restore the whole site: every database row and every uploaded file.

One ``.tar.gz`` holds ``contenttypes.json`` and ``data.json`` (``dumpdata`` of every
row, content types and permissions included, with their ids: page revisions store
content type ids inside their JSON, so the ids must come back unchanged), ``media/``
(every file of the default storage) and ``private/`` (the forum's attachments, kept in
their own storage), both read through the storage API, so S3 works as well as a disk, and
``manifest.json`` (when, from which migrations, and how many rows of each model).

Restoring empties the (migrated) database completely, loads the rows, writes the files
back and rebuilds the search index; it refuses an archive made by newer migrations.
"""

import io
import json
import logging
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

logger = logging.getLogger(__name__)

FORMAT = 1
# Rows that are rebuilt, not restored: sessions and queued tasks are transient, search
# indexes are rebuilt from the content.
EXCLUDED = [
    "sessions",
    "wagtailsearch",
    "django_tasks_database",
    "search.searchdocument",
    "search.searchfacet",
]


class RestoreError(Exception):
    """The archive cannot be restored into this installation."""


def _excluded_labels():
    installed = {config.label for config in apps.get_app_configs()}
    return [label for label in EXCLUDED if label.split(".")[0] in installed]


def _row_counts(models_=None) -> dict[str, int]:
    excluded = set(_excluded_labels())
    counts = {}
    for model in models_ or apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in excluded or label in excluded:
            continue
        if not model._meta.managed or model._meta.proxy:
            continue
        counts[label] = model._default_manager.count()
    return counts


def _applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connection)
    return sorted([app, name] for app, name in recorder.applied_migrations())


def file_storages() -> dict[str, object]:
    """The storages whose files a backup holds, by their folder in the archive."""
    found = {"media": default_storage}
    if "forum_attachments" in settings.STORAGES:
        found["private"] = storages["forum_attachments"]
    return found


def _media_files(storage, directory=""):
    directories, files = storage.listdir(directory)
    for name in files:
        yield str(PurePosixPath(directory, name)) if directory else name
    for sub in directories:
        yield from _media_files(storage, str(PurePosixPath(directory, sub)) if directory else sub)


def _add_bytes(archive, name, data: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(directory) -> Path:
    """Write ``puente-backup-<UTC time>.tar.gz`` into ``directory``; return its path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = directory / f"puente-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        types = Path(work) / "contenttypes.json"
        data = Path(work) / "data.json"
        # One transaction: rows and counts describe the same moment.
        with transaction.atomic():
            # Content types load first: loading the rest may look them up.
            call_command("dumpdata", "contenttypes", output=str(types), verbosity=0)
            call_command(
                "dumpdata",
                exclude=[*_excluded_labels(), "contenttypes"],
                output=str(data),
                verbosity=0,
            )
            counts = _row_counts()
        stores = file_storages()
        media = [
            (folder, name)
            for folder, storage in stores.items()
            if storage.exists("")
            for name in sorted(_media_files(storage))
        ]
        manifest = {
            "format": FORMAT,
            "created": stamp,
            "database_vendor": connection.vendor,
            "migrations": _applied_migrations(),
            "rows": counts,
            "media_files": len(media),
        }
        with tarfile.open(path, "w:gz") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
            archive.add(types, arcname="contenttypes.json")
            archive.add(data, arcname="data.json")
            for folder, name in media:
                with stores[folder].open(name, "rb") as handle:
                    _add_bytes(archive, f"{folder}/{name}", handle.read())
    logger.info("backup written to %s (%d media files)", path, len(media))
    return path


def read_manifest(archive_path) -> dict:
    with tarfile.open(archive_path, "r:gz") as archive:
        return json.load(archive.extractfile("manifest.json"))


def _check_migrations(manifest):
    known = {tuple(pair) for pair in _applied_migrations()}
    unknown = [pair for pair in manifest["migrations"] if tuple(pair) not in known]
    if unknown:
        raise RestoreError(
            "The backup was made by a newer version (migrations this installation does not "
            f"have: {', '.join('.'.join(pair) for pair in unknown[:5])}). Update the code first."
        )


def _safe_member_name(name: str) -> tuple[str, str]:
    """The archive member's (folder, name in that folder's storage)."""
    path = PurePosixPath(name)
    relative = PurePosixPath(*path.parts[1:])
    if path.is_absolute() or ".." in path.parts or not relative.parts:
        raise RestoreError(f"Refusing a file outside the media folders: {name}")
    return path.parts[0], str(relative)


def wipe_database() -> None:
    """Delete every row, even the content types migrate recreates (flush, no post_migrate)."""
    postgres = connection.vendor == "postgresql"
    if postgres:
        # TRUNCATE refuses tables with foreign-key checks still pending in the transaction.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # rows load in any order


def restore(archive_path) -> dict:
    """Replace the database and media with the archive's; return its manifest.

    The database must be migrated (``manage.py restore`` does it first).
    """
    manifest = read_manifest(archive_path)
    if manifest.get("format") != FORMAT:
        raise RestoreError("This is not a Puente backup of a known format.")
    _check_migrations(manifest)
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path, "r:gz") as archive:
        fixtures = []
        for name in ("contenttypes.json", "data.json"):
            fixture = Path(work) / name
            fixture.write_bytes(archive.extractfile(name).read())
            fixtures.append(fixture)
        with transaction.atomic():
            wipe_database()
            for fixture in fixtures:
                ContentType.objects.clear_cache()
                call_command("loaddata", str(fixture), verbosity=0)
        ContentType.objects.clear_cache()
        stores = file_storages()
        for member in archive.getmembers():
            folder = member.name.split("/", 1)[0]
            if member.isfile() and folder in stores:
                folder, name = _safe_member_name(member.name)
                storage = stores[folder]
                if storage.exists(name):
                    storage.delete(name)
                storage.save(name, ContentFile(archive.extractfile(member).read()))
    call_command("rebuild_search_index", verbosity=0, stdout=io.StringIO())
    call_command("update_index", verbosity=0, stdout=io.StringIO())  # the admin's search
    logger.info("restored %s", archive_path)
    return manifest
