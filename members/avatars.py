"""Check an uploaded avatar really is a picture, and shrink it to a small square-ish PNG.

The picture is decoded and saved again, so nothing of the upload but its pixels stays:
no EXIF (GPS position, camera), no comments, no second payload appended to the file.
It is stored under a random name, so it cannot be found by guessing a member's id.
"""

import secrets
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
SIZE = (256, 256)
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def process(upload) -> ContentFile:
    """Validate ``upload`` and return it resized as PNG; raises ValidationError."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The picture is too large: at most 5 MB."), code="too_large")
    try:
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        image = Image.open(upload)
        if image.format not in FORMATS:
            raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF picture."), code="format")
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(_("The picture has too many pixels."), code="too_many_pixels")
        image = ImageOps.exif_transpose(image)  # keep the picture upright without its EXIF
        image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB")
        image.thumbnail(SIZE)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not a picture we can read. Upload a JPEG, PNG, WebP or GIF."),
            code="invalid",
        ) from error
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name=f"{secrets.token_urlsafe(16)}.png")
