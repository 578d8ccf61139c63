"""Files and images attached to posts: checked by their content, images re-encoded.

The type of an upload is read from its first bytes (and, for office files, from the
parts inside the zip), never from its name. Images are decoded and saved again with
Pillow, which drops EXIF, GPS and other metadata and caps their size. Files are stored
under unguessable names in the ``PUENTE_FORUM_ATTACHMENT_STORAGE`` storage and served
only through ``forum.views.attachment``, which asks the topic's read permission.
"""

import io
import secrets
import zipfile
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import InvalidStorageError, default_storage, storages
from django.http import FileResponse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, ImageOps, UnidentifiedImageError

from forum import limits
from forum.conf import forum_settings
from forum.limits import LimitExceeded

# Kind of file → (content type it is served with, extension of the stored name).
KINDS = {
    "jpeg": ("image/jpeg", "jpg"),
    "png": ("image/png", "png"),
    "webp": ("image/webp", "webp"),
    "gif": ("image/png", "png"),  # re-encoded as a still PNG: no animation, no metadata
    "pdf": ("application/pdf", "pdf"),
    "text": ("text/plain; charset=utf-8", "txt"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    "odt": ("application/vnd.oasis.opendocument.text", "odt"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    "odp": ("application/vnd.oasis.opendocument.presentation", "odp"),
}
IMAGE_KINDS = {"jpeg", "png", "webp", "gif"}
PILLOW_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "PNG"}
_OPEN_DOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
_OFFICE_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
_TEXT_CONTROL = set(range(32)) - {9, 10, 12, 13}


@dataclass
class PreparedFile:
    """An upload that passed the checks, ready to be stored."""

    name: str
    kind: str
    content: bytes

    @property
    def content_type(self) -> str:
        return KINDS[self.kind][0]

    @property
    def is_image(self) -> bool:
        return self.kind in IMAGE_KINDS


def storage():
    """The storage attachments live in: ``ATTACHMENT_STORAGE`` if configured, else the default."""
    try:
        return storages[forum_settings.ATTACHMENT_STORAGE]
    except InvalidStorageError:
        return default_storage


def upload_to(instance, filename: str) -> str:
    """An unguessable path: a random directory per file, then a safe version of its name."""
    return f"forum/attachments/{secrets.token_urlsafe(24)}/{filename}"


def sniff(head: bytes, data: bytes) -> str | None:
    """The kind of file ``data`` is, from its content; None if it is not one we accept."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:6] in {b"GIF87a", b"GIF89a"}:
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    return "text" if _is_plain_text(data) else None


def _office_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return _OPEN_DOCUMENT.get(archive.read("mimetype").strip())
    except (zipfile.BadZipFile, KeyError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    return next((kind for part, kind in _OFFICE_PARTS.items() if part in names), None)


def _is_plain_text(data: bytes) -> bool:
    """UTF-8 without control characters, and not markup (HTML, SVG, XML are not plain text)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if text.lstrip("\ufeff \t\r\n").startswith("<"):
        return False
    return not any(ord(char) in _TEXT_CONTROL for char in text[:65536])


def _reencode(data: bytes, kind: str) -> bytes:
    """Decode and save the image again: no metadata, at most ``ATTACHMENT_IMAGE_MAX_SIDE``."""
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        if width * height > forum_settings.ATTACHMENT_IMAGE_MAX_PIXELS:
            raise ValueError("too many pixels")
        image.seek(0)
        image = ImageOps.exif_transpose(image)
        side = forum_settings.ATTACHMENT_IMAGE_MAX_SIDE
        image.thumbnail((side, side))
        output = io.BytesIO()
        fmt = PILLOW_FORMATS[kind]
        if fmt == "JPEG":
            image.convert("RGB").save(output, fmt, quality=85, optimize=True)
        elif fmt == "PNG":
            if image.mode not in {"1", "L", "LA", "P", "RGB", "RGBA"}:
                image = image.convert("RGBA")
            image.save(output, fmt, optimize=True)
        else:
            image.save(output, fmt, quality=85)
    return output.getvalue()


def _refuse(name: str) -> LimitExceeded:
    return LimitExceeded(
        _(
            "“%(name)s” cannot be attached: images (JPEG, PNG, WebP, GIF), PDF, plain text "
            "and office documents (Word, Excel, PowerPoint, OpenDocument) are allowed."
        )
        % {"name": name}
    )


def _display_name(upload_name: str, kind: str) -> str:
    """A safe name ending as its content is: ``bericht.exe`` holding a PDF → ``bericht.pdf``."""
    stem = upload_name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0]
    stem = get_valid_filename(stem)[:80] if stem.strip(" .") else ""
    return f"{stem or 'file'}.{KINDS[kind][1]}"


def prepare(user, uploads, *, already: int = 0) -> list[PreparedFile]:
    """Check number, size and type of ``uploads`` for ``user``'s post; re-encode images.

    ``already`` is how many files the post has (when editing). Raises ``LimitExceeded``
    with a translated message naming the first file that breaks a rule.
    """
    uploads = [upload for upload in uploads if upload]
    if not uploads:
        return []
    allowed = limits.max_attachments(user)
    if already + len(uploads) > allowed:
        raise LimitExceeded(
            ngettext(
                "You may attach at most %(limit)d file to a post.",
                "You may attach at most %(limit)d files to a post.",
                allowed,
            )
            % {"limit": allowed}
        )
    limit = forum_settings.MAX_ATTACHMENT_BYTES
    prepared = []
    for upload in uploads:
        name = str(upload.name or "")
        if upload.size > limit:
            raise LimitExceeded(
                _("“%(name)s” is too large: at most %(limit)s MB per file.")
                % {"name": name, "limit": f"{limit / 2**20:g}"}
            )
        upload.seek(0)
        data = upload.read(limit + 1)
        if len(data) > limit:
            raise LimitExceeded(
                _("“%(name)s” is too large: at most %(limit)s MB per file.")
                % {"name": name, "limit": f"{limit / 2**20:g}"}
            )
        kind = sniff(data[:16], data)
        if kind is None:
            raise _refuse(name)
        if kind in IMAGE_KINDS:
            try:
                data = _reencode(data, kind)
            except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
                raise _refuse(name) from None
        prepared.append(PreparedFile(name=_display_name(name, kind), kind=kind, content=data))
    return prepared


def save(post, prepared: list[PreparedFile]) -> list:
    """Store the prepared files and attach them to ``post``."""
    from forum.models import Attachment

    attachments = []
    for item in prepared:
        attachment = Attachment(
            post=post,
            name=item.name,
            size=len(item.content),
            is_image=item.is_image,
            content_type=item.content_type,
        )
        attachment.file.save(item.name, ContentFile(item.content), save=False)
        attachment.save()
        attachments.append(attachment)
    return attachments


def response(attachment) -> FileResponse:
    """The file, served so that no browser runs it: its checked type, ``nosniff``, a download
    for everything but images, no caching by shared proxies."""
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=not attachment.is_image,
        filename=attachment.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response
