"""Uploads: accepted by content, not by name; size-limited; pictures re-encoded; served
with safe headers; not reachable by guessing.

Every file field of the project's models and forms is listed from the code itself, so
a new upload cannot appear without a check here (the forum's attachments have their
own tests in tests/forum/)."""

import importlib
import inspect
import io
import zipfile

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import translation
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from members.models import NetworkRole, User
from tests.members.conftest import make_user

PROJECT_APPS = (*settings.PUENTE_SITE_APPS, *settings.PUENTE_PLUGIN_APPS)

# Each upload the project accepts, and the code that checks its content.
CHECKED_UPLOADS = {
    "model members.User.avatar": "members.avatars.process",
    "form members.forms.ProfileForm.avatar_upload": "members.avatars.process",
    "model forum.Attachment.file": "forum.attachments.prepare",
    "form forum.forms.PostForm.attachments": "forum.attachments.prepare",
    "form forum.forms.TopicForm.attachments": "forum.attachments.prepare",
}

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'


def project_file_fields():
    """'model app.Model.field' and 'form module.Form.field' for every file field we own."""
    found = set()
    for model in apps.get_models():
        if model._meta.app_label in PROJECT_APPS:
            for field in model._meta.get_fields():
                if isinstance(field, models.FileField):
                    found.add(f"model {model._meta.app_label}.{model.__name__}.{field.name}")
    for app in PROJECT_APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for name, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, forms.BaseForm) and form.__module__ == module.__name__:
                for field_name, field in form.base_fields.items():
                    if isinstance(field, forms.FileField):
                        found.add(f"form {module.__name__}.{name}.{field_name}")
    return found


def test_every_upload_in_the_code_is_checked_by_content():
    assert project_file_fields() == set(CHECKED_UPLOADS)


# --- Avatars -------------------------------------------------------------------------


def jpeg_with_gps(size=(1200, 900)):
    image = Image.new("RGB", size, "teal")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0112] = 6  # orientation: rotated
    gps = {1: "N", 2: (19.0, 25.0, 42.0), 3: "W", 4: (99.0, 7.0, 39.0)}
    exif[0x8825] = gps
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def profile_data(**extra):
    return {
        "first_name": "Marta",
        "last_name": "Ruiz",
        "languages_spoken": "español",
        "bio": "Mi texto <b>propio</b>",
        "preferred_language": "es",
        "forum_email": "daily",
        **extra,
    }


@pytest.fixture
def media(settings, tmp_path):
    """Files on disk, as in production (the test settings keep them in memory)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


@pytest.fixture
def member(db, media):
    user = make_user("uploader")
    NetworkRole.objects.create(user=user, role="moderator")  # a member of the network
    return user


def upload_avatar(client, content, name, language="es"):
    return client.post(
        f"/{language}/members/profile/",
        profile_data(avatar_upload=SimpleUploadedFile(name, content)),
    )


def test_an_avatar_is_re_encoded_without_metadata_and_stored_under_a_random_name(client, member):
    client.force_login(member)
    response = upload_avatar(client, jpeg_with_gps(), "holiday.jpg")
    assert response.status_code == 302
    member.refresh_from_db()
    stored_name = member.avatar.name.split("/")[-1]
    assert stored_name.rsplit(".", 1)[0] != str(member.pk)  # was "<user id>.png"
    assert len(stored_name) > 20 and "holiday" not in stored_name
    with member.avatar.open("rb") as handle:
        stored = handle.read()
    picture = Image.open(io.BytesIO(stored))
    assert picture.format == "PNG"
    assert max(picture.size) == 256
    assert picture.size == (192, 256)  # turned upright by its EXIF orientation, then dropped
    assert not picture.getexif()
    assert b"PhoneMaker" not in stored
    response = client.get(f"/es/members/people/{member.pk}/avatar/")
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"


DISGUISED = {
    "html named png": (HTML, "me.png"),
    "svg": (SVG, "me.svg"),
    "svg named png": (SVG, "me.png"),
    "pdf named jpg": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "me.jpg"),
    "truncated png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "me.png"),
    "empty": (b"", "me.png"),
}
REFUSAL = {
    "es": "no es una imagen que podamos leer",
    "de": "kein Bild, das wir lesen können",
    "en": "This file is not a picture we can read",
}


@pytest.mark.parametrize("case", DISGUISED, ids=list(DISGUISED))
def test_an_avatar_that_is_not_a_picture_is_refused_keeping_the_text(client, member, case):
    client.force_login(member)
    content, name = DISGUISED[case]
    response = upload_avatar(client, content, name)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Mi texto &lt;b&gt;propio&lt;/b&gt;" in body
    assert 'id="id_avatar_upload_error"' in body
    member.refresh_from_db()
    assert not member.avatar


@pytest.mark.parametrize("language", ["es", "de", "en"])
def test_the_avatar_refusal_is_in_the_readers_language(client, member, language):
    client.force_login(member)
    response = upload_avatar(client, HTML, "me.png", language)
    assert response.status_code == 400
    with translation.override(language):
        expected = translation.gettext(
            "This file is not a picture we can read. Upload a JPEG, PNG, WebP or GIF."
        )
    assert expected in response.content.decode()
    assert REFUSAL[language] in expected


def test_an_avatar_too_large_or_with_too_many_pixels_is_refused(client, member):
    client.force_login(member)
    big = b"\xff\xd8\xff" + b"\0" * (5 * 1024 * 1024 + 1)
    response = upload_avatar(client, big, "big.jpg")
    assert response.status_code == 400
    assert "5 MB" in response.content.decode()
    # A few kilobytes that would decode to 50 million pixels (a decompression bomb).
    buffer = io.BytesIO()
    Image.new("1", (10_000, 5_001)).save(buffer, format="PNG", optimize=True)
    assert buffer.tell() < 200_000
    response = upload_avatar(client, buffer.getvalue(), "bomb.png")
    assert response.status_code == 400
    member.refresh_from_db()
    assert not member.avatar


def test_avatars_are_not_served_to_strangers(client, member):
    client.force_login(member)
    upload_avatar(client, jpeg_with_gps((64, 64)), "me.jpg")
    url = f"/es/members/people/{member.pk}/avatar/"
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(make_user("outsider_without_org"))
    assert client.get(url).status_code in (403, 404)


# --- Wagtail documents and images ----------------------------------------------------


def minimal_pdf():
    return b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def minimal_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, db, media):
    admin = User.objects.create_superuser("docs_admin", "docs_admin@example.org", "x-pass-2026")
    client.force_login(admin)
    return client


def add_document(client, content, name):
    root = Collection.get_first_root_node()
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": root.pk},
    )


@pytest.mark.parametrize(
    ("content", "name", "content_type", "disposition"),
    [
        (minimal_pdf(), "informe.pdf", "application/pdf", "inline"),
        (
            minimal_docx(),
            "acta.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "attachment",
        ),
        (b"Nombre;Estado\nCasa;Chihuahua\n", "casas.csv", "text/csv", "attachment"),
        (b"hola <script>alert(1)</script>", "nota.txt", "text/plain", "attachment"),
    ],
)
def test_documents_are_served_with_safe_headers(
    editor_client, content, name, content_type, disposition
):
    response = add_document(editor_client, content, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title=name)
    response = editor_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith(disposition)
    assert name in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (HTML, "informe.pdf"),
        (HTML, "informe.docx"),
        (b"PK\x03\x04 not really a zip", "acta.docx"),
        (minimal_docx(), "acta.pdf"),
        (b"\x00\x01binary\x02", "datos.csv"),
        (HTML, "nota.txt"),
        (HTML, "pagina.html"),
        (SVG, "logo.svg"),
    ],
)
def test_documents_whose_content_is_not_their_type_are_refused(editor_client, content, name):
    response = add_document(editor_client, content, name)
    assert response.status_code == 200  # the form again, with the error
    assert not get_document_model().objects.exists()
    assert 'class="error-message"' in response.content.decode() or "error" in (
        response.content.decode()
    )


def test_the_document_refusal_is_translated():
    from home.documents import check_document_content

    for language, text in {"es": "no es un documento", "de": "kein", "en": "is not a"}.items():
        with translation.override(language):
            try:
                check_document_content(SimpleUploadedFile("x.pdf", HTML))
            except Exception as error:  # noqa: BLE001 - the message is what is checked
                assert text in " ".join(error.messages)
            else:
                raise AssertionError("HTML accepted as a PDF")


def test_documents_larger_than_the_limit_are_refused(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = add_document(editor_client, minimal_pdf() + b"%" * 2048, "grande.pdf")
    assert response.status_code == 200
    assert not get_document_model().objects.exists()


def test_wagtail_images_are_checked_by_content_and_renditions_drop_metadata(editor_client):
    root = Collection.get_first_root_node()
    for content, name in [(HTML, "foto.jpg"), (SVG, "logo.svg"), (minimal_pdf(), "foto.png")]:
        response = editor_client.post(
            "/admin/images/add/",
            {"title": name, "file": SimpleUploadedFile(name, content), "collection": root.pk},
        )
        assert response.status_code == 200, name
    assert not get_image_model().objects.exists()

    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Taller",
            "file": SimpleUploadedFile("taller.jpg", jpeg_with_gps()),
            "collection": root.pk,
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Taller")
    rendition = image.get_rendition("width-400")
    with rendition.file.open("rb") as handle:
        data = handle.read()
    assert b"PhoneMaker" not in data
    assert not Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)
