from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def member_name(user) -> str:
    """How a member is shown in the forum; deleted or deactivated accounts are "former member"."""
    if user is None or not user.is_active:
        return _("former member")
    name = (user.get_full_name() or "").strip() or str(user)
    # Never show an email address as a name.
    return name.split("@")[0] if "@" in name else name


@register.simple_tag
def sub_url(page, name, *args):
    return page.sub_url(name, *args)


@register.simple_tag
def topic_page_url(category, topic, number):
    return category.topic_url(topic, number)
