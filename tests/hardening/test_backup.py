"""Backup and restore: the demo is dumped, wiped (database and files) and restored, and
every page, post, endorsement and translation is found again, and still works."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from forum import attachments
from forum.models import Attachment, Post
from home import backup
from kb.models.positions import Endorsement
from members.models import User
from translations import demo as demo_translations
from translations.models import Provenance


@pytest.fixture
def media(settings, tmp_path):
    """Files on disk, as in production (the test settings keep them in memory)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "forum_attachments": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
    return settings.MEDIA_ROOT


def snapshot():
    """What a reader and a member would miss if the restore lost it."""
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "locale__language_code", "url_path", "live")
        ),
        "translation_keys": sorted(
            (str(key), code)
            for key, code in Page.objects.values_list("translation_key", "locale__language_code")
        ),
        "posts": sorted(Post.objects.values_list("pk", "topic_id", "author_id", "source", "html")),
        "endorsements": sorted(
            Endorsement.objects.values_list(
                "pk", "position_id", "organisation_id", "decision", "decided_by_id"
            )
        ),
        "provenance": sorted(Provenance.objects.values_list("page_id", "status", "reviewed_by_id")),
        "users": sorted(User.objects.values_list("pk", "email", "password")),
    }


def test_backup_wipe_restore_finds_everything_again(demo, db, media, tmp_path, monkeypatch):
    demo_translations.build()  # reviewed, official and machine translations
    # Attachments live in their own storage, as configured in base settings (the field
    # chose its storage when the models loaded, under the test settings).
    monkeypatch.setattr(
        Attachment._meta.get_field("file"), "storage", storages["forum_attachments"]
    )
    document = get_document_model().objects.create(
        title="Acta de la asamblea",
        file=ContentFile(b"%PDF-1.4\nacta\n%%EOF\n", name="acta.pdf"),
        collection=Collection.get_first_root_node(),
    )
    post = Post.objects.filter(position__gt=1).first()
    attachments.save(post, [attachments.PreparedFile("acta.txt", "text", b"Acta privada")])
    attachment = Attachment.objects.get(post=post)
    before = snapshot()
    assert len(before["pages"]) > 50
    assert {code for _pk, code, _path, _live in before["pages"]} >= {"es", "de", "en"}
    assert before["posts"] and before["endorsements"] and before["provenance"]
    counts_before = backup._row_counts()

    archive = backup.backup(tmp_path / "backups")
    manifest = backup.read_manifest(archive)
    assert manifest["rows"] == counts_before
    assert manifest["media_files"] >= 2

    # Wipe: every row, every file.
    backup.wipe_database()
    default_storage.delete(document.file.name)
    attachment.file.storage.delete(attachment.file.name)
    assert not Page.objects.exists() and not Post.objects.exists()
    assert not default_storage.exists(document.file.name)

    backup.restore(archive)
    ContentType.objects.clear_cache()

    assert snapshot() == before
    assert backup._row_counts() == counts_before
    with default_storage.open(document.file.name) as handle:
        assert handle.read() == b"%PDF-1.4\nacta\n%%EOF\n"
    with Attachment.objects.get(pk=attachment.pk).file.open("rb") as handle:
        assert handle.read() == b"Acta privada"
    assert (tmp_path / "private" / attachment.file.name).exists()

    # It works, not only counts: pages render in each language, sign-in and search work.
    client = Client()
    for code in ("es", "de", "en"):
        assert client.get(f"/{code}/").status_code == 200
    practice = Page.objects.filter(locale__language_code="de", depth__gte=4).live().first()
    assert client.get(practice.url).status_code == 200
    response = client.get("/es/search/", {"q": "retorno"})
    assert response.status_code == 200
    coordinator = User.objects.get(username="coordinacion")
    assert client.login(username=coordinator.username, password="puente-demo-2026")
    assert client.get(document.url).status_code == 200


def test_restore_refuses_an_archive_from_a_newer_version(db, media, tmp_path, monkeypatch):
    archive = backup.backup(tmp_path)
    real = backup.read_manifest(archive)
    newer = {**real, "migrations": [*real["migrations"], ["kb", "9999_from_the_future"]]}
    monkeypatch.setattr(backup, "read_manifest", lambda _path: newer)
    with pytest.raises(backup.RestoreError, match="9999_from_the_future"):
        backup.restore(archive)


def test_the_commands_write_and_read_an_archive(db, media, tmp_path):
    out = io.StringIO()
    call_command("backup", str(tmp_path), stdout=out)
    assert "rows" in out.getvalue()
    (archive,) = tmp_path.glob("puente-backup-*.tar.gz")
    out = io.StringIO()
    call_command("restore", str(archive), "--noinput", stdout=out)
    assert "Restored the backup" in out.getvalue()
