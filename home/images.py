"""Images uploaded in the admin are saved again without their metadata.

Wagtail keeps the original file, and its renditions copy the original's EXIF (Willow
passes it on): a phone photo of a workshop would publish where it was taken. The
upload is decoded and encoded again with Pillow, upright, with its colour profile
only, before Wagtail stores it.
"""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError
from wagtail.images.forms import BaseImageForm

# Pillow format → options for saving it again.
SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
    "GIF": {"save_all": True},
    "AVIF": {"quality": 90},
}


def strip_metadata(upload) -> SimpleUploadedFile:
    """The upload's pixels in the same format, without EXIF, XMP or comments."""
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image_format = image.format
            if image_format not in SAVE_OPTIONS:
                raise ValidationError(
                    _("Upload a JPEG, PNG, WebP, GIF or AVIF image."), code="format"
                )
            options = dict(SAVE_OPTIONS[image_format])
            if image.info.get("icc_profile"):
                options["icc_profile"] = image.info["icc_profile"]
            if image_format == "GIF":
                clean = image  # frames are copied by save_all; GIF has no EXIF block
                options["comment"] = b""
            else:
                clean = ImageOps.exif_transpose(image)
                clean.info.pop("exif", None)
                clean.info.pop("xmp", None)
            out = BytesIO()
            clean.save(out, format=image_format, **options)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not an image we can read."), code="invalid"
        ) from error
    upload.seek(0)
    return SimpleUploadedFile(upload.name, out.getvalue(), content_type=upload.content_type)


class MetadataFreeImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), re-encoding the upload."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            return strip_metadata(upload)
        return upload
