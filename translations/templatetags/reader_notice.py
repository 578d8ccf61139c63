"""The reader notice near a page's title: its language and what kind of translation it is."""

from django import template

from translations.labels import reader_notice

register = template.Library()


@register.simple_tag(takes_context=True)
def page_reader_notice(context):
    """The ReaderNotice of the page being shown (None outside Wagtail pages)."""
    return reader_notice(context.get("request"), context.get("page"))
