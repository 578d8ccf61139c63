"""StreamField blocks of the knowledge base."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "kb/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "kb/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Leave empty to use the document title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "kb/blocks/document.html"


class ApproachBlock(blocks.StreamBlock):
    """How a practice works: text, images, quotes, video and documents."""

    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = EmbedBlock(label=_("Video"), icon="media")
    document = DocumentBlock()


class IndicatorBlock(blocks.StructBlock):
    """One measured result of a practice, e.g. 320 people, 2022."""

    label = blocks.CharBlock(label=_("Indicator"))
    value = blocks.DecimalBlock(label=_("Value"), decimal_places=2)
    unit = blocks.CharBlock(label=_("Unit"), required=False)
    year = blocks.IntegerBlock(label=_("Year"), required=False, min_value=1900, max_value=2100)

    class Meta:
        icon = "table"
        label = _("Indicator")


class PhaseBlock(blocks.StructBlock):
    """One step of an integral care model."""

    name = blocks.CharBlock(label=_("Name"))
    description = blocks.RichTextBlock(
        label=_("Description"), features=["bold", "italic", "link", "ol", "ul"]
    )
    services = blocks.ListBlock(blocks.CharBlock(label=_("Service")), label=_("Services"))
    actors = blocks.CharBlock(label=_("Responsible actors"), required=False)
    duration = blocks.CharBlock(
        label=_("Typical duration"), required=False, help_text=_("For example: 2 to 4 weeks")
    )
    referrals = blocks.ListBlock(
        blocks.CharBlock(label=_("Organisation or institution")),
        label=_("Referral to other organisations or institutions"),
        required=False,
    )

    class Meta:
        icon = "list-ol"
        label = _("Phase")


class RecommendationBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("Recommendation"), features=["bold", "italic", "link"])
    addressee = blocks.CharBlock(
        label=_("Addressed to"), help_text=_("The institution the recommendation is addressed to.")
    )

    class Meta:
        icon = "pick"
        label = _("Recommendation")
