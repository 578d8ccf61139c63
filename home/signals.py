"""Keep cached site-shell fragments in step with the content they show."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import Menu, MenuItem
from home.navigation import forget_menus


def _forget_menus_for_pages(sender, **kwargs):
    if issubclass(sender, Page):
        forget_menus()


def connect() -> None:
    for model in (Menu, MenuItem):
        post_save.connect(forget_menus, sender=model, dispatch_uid=f"forget-menus-save-{model}")
        post_delete.connect(forget_menus, sender=model, dispatch_uid=f"forget-menus-del-{model}")
    page_published.connect(forget_menus, dispatch_uid="forget-menus-published")
    page_unpublished.connect(forget_menus, dispatch_uid="forget-menus-unpublished")
    post_page_move.connect(forget_menus, dispatch_uid="forget-menus-moved")
    post_delete.connect(_forget_menus_for_pages, dispatch_uid="forget-menus-page-deleted")
