"""The translations app in the Wagtail admin: glossary snippet, status views, reports."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from translations import admin_views, provenance
from translations.models import GlossaryEntry


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryEntry
    icon = "spell-check"
    menu_label = _("Glossary")
    list_display = ["es", "de", "en", "note"]
    search_fields = ["es", "de", "en"]


register_snippet(GlossaryViewSet)

admin_urls = [
    path("status/", admin_views.status_index, name="status_index"),
    path("status/<int:page_id>/", admin_views.edit_status, name="edit_status"),
    path("glossary-check/", admin_views.glossary_check, name="glossary_check"),
]


@hooks.register("register_admin_urls")
def register_urls():
    return [path("translations/", include((admin_urls, "translations_admin")))]


# The translations reports: (label, URL name, menu name, icon).
REPORTS = [
    (_("Translation status"), "translations_admin:status_index", "translation-status", "globe"),
    (_("Glossary check"), "translations_admin:glossary_check", "glossary-check", "spell-check"),
]


def _report_menu_item(position):
    label, url_name, name, icon = REPORTS[position]
    return lambda: MenuItem(
        label, reverse(url_name), name=name, icon_name=icon, order=1000 + 10 * position
    )


for _position in range(len(REPORTS)):
    hooks.register("register_reports_menu_item", _report_menu_item(_position))


@hooks.register("register_page_header_buttons")
def translation_status_button(page, user, view_name, next_url=None):
    """On a translated page's edit view: where an editor marks it reviewed."""
    if view_name != "edit" or not page.permissions_for_user(user).can_edit():
        return
    if provenance.source_of(page) is not None:
        yield Button(
            _("Translation status"),
            reverse("translations_admin:edit_status", args=[page.pk]),
            icon_name="globe",
            priority=80,
        )
