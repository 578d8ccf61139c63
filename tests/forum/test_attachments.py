"""Attachments: type by content, size and count limits, re-encoded images, guarded downloads."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image

from forum import attachments, moderation, posting
from forum.limits import LimitExceeded
from forum.models import Attachment, Post, Topic
from tests.forum.conftest import make_user, topic_url

pytestmark = pytest.mark.django_db


def jpeg_with_location(width=3000, height=1200) -> bytes:
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {1: "N", 2: (31.0, 44.0, 0.0)}  # GPS: Ciudad Juárez
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif)
    return output.getvalue()


def png_bytes(size=(20, 20)) -> bytes:
    output = io.BytesIO()
    Image.new("RGBA", size, (0, 0, 255, 128)).save(output, "PNG")
    return output.getvalue()


def gif_bytes() -> bytes:
    output = io.BytesIO()
    frames = [Image.new("P", (10, 10), colour) for colour in (1, 2)]
    frames[0].save(output, "GIF", save_all=True, append_images=frames[1:])
    return output.getvalue()


def zip_bytes(parts: dict[str, str]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return output.getvalue()


DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = zip_bytes(
    {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document/>"}
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def reply_with(client, forum, topic, *files, text="Les comparto el documento."):
    return client.post(
        forum.categories[topic.category.slug].sub_url("reply", topic.pk),
        {"source": text, "language": "es", "send": "1", "attachments": list(files)},
    )


@pytest.fixture
def topic(forum, member):
    return posting.create_topic(
        forum.categories["miembros"], author=member, title="Documentos", source="¿Tienen formatos?"
    )


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("foto.jpg", jpeg_with_location(40, 30), "jpeg"),
        ("captura.PNG", png_bytes(), "png"),
        ("animado.gif", gif_bytes(), "gif"),
        ("guia.pdf", PDF, "pdf"),
        ("notas.txt", "Albergue «El Buen Pastor»\n".encode(), "text"),
        ("datos.csv", b"estado,casos\nChihuahua,12\n", "text"),
        ("acta.docx", DOCX, "docx"),
        ("acta.odt", ODT, "odt"),
    ],
)
def test_allowed_kinds_are_recognised_by_content(member, name, content, kind):
    (prepared,) = attachments.prepare(member, [upload(name, content)])
    assert prepared.kind == kind


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("foto.png", b"<html><script>alert(1)</script></html>"),  # HTML dressed as an image
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("informe.pdf", b"MZ\x90\x00\x03\x00\x00\x00 a Windows program"),
        ("datos.docx", b"PK\x03\x04 not really a zip"),
        ("archivo.docx", zip_bytes({"programa.exe": "MZ"})),
        ("roto.jpg", b"\xff\xd8\xff\xe0 truncated jpeg"),
        ("binario.txt", b"\x00\x01\x02\x03binary"),
    ],
)
def test_other_content_is_refused_whatever_its_name(member, name, content):
    with pytest.raises(LimitExceeded) as refused:
        attachments.prepare(member, [upload(name, content)])
    assert name in refused.value.message


def test_images_are_reencoded_without_metadata_and_scaled(member, settings):
    settings.PUENTE_FORUM_ATTACHMENT_IMAGE_MAX_SIDE = 800
    original = jpeg_with_location()
    assert Image.open(io.BytesIO(original)).getexif()
    (prepared,) = attachments.prepare(member, [upload("viaje.jpg", original)])
    image = Image.open(io.BytesIO(prepared.content))
    assert image.format == "JPEG"
    assert max(image.size) == 800
    assert not image.getexif()
    assert b"CameraMaker" not in prepared.content
    (gif,) = attachments.prepare(member, [upload("a.gif", gif_bytes())])
    assert Image.open(io.BytesIO(gif.content)).format == "PNG"
    assert gif.name == "a.png" and gif.content_type == "image/png"


def test_decompression_bombs_are_refused(member, settings):
    settings.PUENTE_FORUM_ATTACHMENT_IMAGE_MAX_PIXELS = 100
    with pytest.raises(LimitExceeded):
        attachments.prepare(member, [upload("grande.png", png_bytes((50, 50)))])


def test_stored_name_follows_content_and_is_unguessable(member):
    (prepared,) = attachments.prepare(member, [upload("../../informe final.exe", PDF)])
    assert prepared.name == "informe_final.pdf"
    assert attachments.upload_to(None, "a.pdf") != attachments.upload_to(None, "a.pdf")
    directory = attachments.upload_to(None, "a.pdf").split("/")[2]
    assert len(directory) >= 32


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(min_size=1, max_size=300))
def test_any_bytes_are_accepted_or_refused_never_crash(member, content):
    try:
        prepared = attachments.prepare(member, [upload("x.bin", content)])
    except LimitExceeded:
        return
    assert prepared[0].kind in attachments.KINDS


def test_member_attaches_image_and_pdf_to_reply(client, forum, topic, other_member):
    client.force_login(other_member)
    response = reply_with(
        client,
        forum,
        topic,
        upload("foto.jpg", jpeg_with_location(60, 40), "image/jpeg"),
        upload("guia.pdf", PDF, "application/pdf"),
    )
    assert response.status_code == 302
    post = Post.objects.get(topic=topic, position=2)
    image, pdf = post.attachments.all()
    assert (image.is_image, image.content_type) == (True, "image/jpeg")
    assert (pdf.is_image, pdf.content_type, pdf.size) == (False, "application/pdf", len(PDF))
    html = client.get(topic_url(topic)).content.decode()
    image_url = forum.sub_url("attachment", image.pk)
    assert f'<img src="{image_url}" alt="foto.jpg"' in html
    assert forum.sub_url("attachment", pdf.pk) in html
    assert pdf.file.name not in html  # only the guarded view is linked

    served = client.get(forum.sub_url("attachment", pdf.pk))
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Disposition"].startswith("attachment;")
    assert 'filename="guia.pdf"' in served["Content-Disposition"]
    assert b"".join(served.streaming_content) == PDF
    shown = client.get(image_url)
    assert shown["Content-Type"] == "image/jpeg"
    assert shown["Content-Disposition"].startswith("inline;")


def test_text_is_served_as_plain_text_download(client, forum, topic, member):
    (item,) = attachments.save(
        topic.last_post, attachments.prepare(member, [upload("n.txt", b"hola")])
    )
    client.force_login(member)
    served = client.get(forum.sub_url("attachment", item.pk))
    assert served["Content-Type"] == "text/plain; charset=utf-8"
    assert served["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in served["Content-Security-Policy"]


def test_refused_upload_answers_400_in_spanish_and_keeps_the_text(
    client, forum, topic, other_member
):
    client.force_login(other_member)
    text = "Mi texto <b>largo</b> que no debe perderse"
    response = reply_with(client, forum, topic, upload("foto.png", b"<html></html>"), text=text)
    assert response.status_code == 400
    html = response.content.decode()
    assert "no se puede adjuntar" in html
    assert "Mi texto &lt;b&gt;largo&lt;/b&gt; que no debe perderse" in html
    assert "<b>largo</b>" not in html
    assert "vuelve a elegir los archivos" in html
    assert Post.objects.filter(topic=topic).count() == 1
    assert not Attachment.objects.exists()


def test_refusals_speak_the_members_language(member):
    for language, word in [("es", "adjuntar"), ("de", "anhängen"), ("en", "attached")]:
        with translation.override(language), pytest.raises(LimitExceeded) as refused:
            attachments.prepare(member, [upload("a.exe", b"MZ\x00")])
        assert word in refused.value.message


def test_size_limit(client, forum, topic, other_member, settings):
    settings.PUENTE_FORUM_MAX_ATTACHMENT_BYTES = 1024
    client.force_login(other_member)
    response = reply_with(client, forum, topic, upload("grande.txt", b"a" * 2000))
    assert response.status_code == 400
    assert "demasiado grande" in response.content.decode()
    assert Post.objects.filter(topic=topic).count() == 1


def test_new_members_attach_fewer_files(client, forum, topic, settings):
    settings.PUENTE_FORUM_NEW_MEMBER_MAX_ATTACHMENTS = 1
    settings.PUENTE_FORUM_MAX_ATTACHMENTS = 3
    newbie = make_user("nueva", perms=["participate"], joined_days_ago=2)
    veteran = make_user("veterana", perms=["participate"], joined_days_ago=900)
    files = [("a.txt", b"uno"), ("b.txt", b"dos")]
    client.force_login(newbie)
    response = reply_with(client, forum, topic, *(upload(n, c) for n, c in files))
    assert response.status_code == 400
    assert "como máximo 1 archivo" in response.content.decode()
    client.force_login(veteran)
    response = reply_with(client, forum, topic, *(upload(n, c) for n, c in files))
    assert response.status_code == 302
    assert Attachment.objects.count() == 2
    with pytest.raises(LimitExceeded):
        attachments.prepare(veteran, [upload(n, c) for n, c in files * 2])


def test_new_topic_with_attachment_and_edit_adds_within_the_limit(client, forum, member, settings):
    settings.PUENTE_FORUM_MAX_ATTACHMENTS = 2
    client.force_login(member)
    response = client.post(
        forum.categories["miembros"].sub_url("new_topic"),
        {
            "title": "Formato de solicitud",
            "source": "Adjunto el formato.",
            "language": "es",
            "send": "1",
            "attachments": [upload("formato.pdf", PDF)],
        },
    )
    assert response.status_code == 302
    post = Topic.objects.get().last_post
    assert post.attachments.count() == 1
    edit = forum.sub_url("post_action", post.pk, "edit")
    data = {"source": "Adjunto el formato y una foto.", "language": "es"}
    response = client.post(edit, {**data, "attachments": [upload("f.png", png_bytes())]})
    assert response.status_code == 302
    response = client.post(edit, {**data, "attachments": [upload("g.png", png_bytes())]})
    assert response.status_code == 400
    assert post.attachments.count() == 2


def test_members_only_attachments_follow_the_topic_permission(
    client, forum, topic, member, outsider, moderator
):
    (item,) = attachments.save(
        topic.last_post, attachments.prepare(member, [upload("privado.pdf", PDF)])
    )
    url = forum.sub_url("attachment", item.pk)
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(member)
    assert client.get(url).status_code == 200
    moderation.hide_post(topic.last_post, by=moderator, reason="Datos personales")
    assert client.get(url).status_code == 403
    client.force_login(moderator)
    assert client.get(url).status_code == 200
    assert client.get(forum.sub_url("attachment", item.pk + 999)).status_code == 404


def test_public_attachment_is_readable_by_anyone(client, forum, member):
    public = posting.create_topic(
        forum.categories["general"],
        author=member,
        title="Guía pública",
        source="La guía",
        files=[upload("guia.pdf", PDF)],
    )
    item = public.last_post.attachments.get()
    assert client.get(forum.sub_url("attachment", item.pk)).status_code == 200
