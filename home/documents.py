"""Documents uploaded in the admin must be what their name says, read from their content.

Wagtail checks only the extension (``WAGTAILDOCS_EXTENSIONS``); a page of HTML renamed
``report.pdf`` would then be served as a PDF. The content is read with the forum's
sniffer, the one its attachments use.
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from forum.attachments import sniff

# Extension → the kinds of content (forum.attachments.KINDS) a file with it may hold.
CONTENT_BY_EXTENSION = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "xlsx": {"xlsx"},
    "pptx": {"pptx"},
    "odt": {"odt"},
    "ods": {"ods"},
    "odp": {"odp"},
    "csv": {"text"},
    "txt": {"text"},
    "rtf": {"text"},
}


def check_document_content(upload) -> None:
    """Raise ValidationError unless the upload's content matches its extension."""
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    expected = CONTENT_BY_EXTENSION.get(extension)
    if expected is None:
        return  # Wagtail's extension check refuses it with its own message
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if sniff(data[:16], data) not in expected:
        raise ValidationError(
            _("The content of this file is not a .%(extension)s document."),
            code="content_mismatch",
            params={"extension": extension},
        )


class ContentCheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), checking content."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_document_content(upload)
        return upload
