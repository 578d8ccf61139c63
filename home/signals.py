"""Keep cached site-shell fragments in step with the content they show: menus are cached
under the kb version, which page changes raise already; menu changes raise it here."""

from django.db.models.signals import post_delete, post_save

from home.models import Menu, MenuItem
from home.navigation import forget_menus


def connect() -> None:
    for model in (Menu, MenuItem):
        post_save.connect(forget_menus, sender=model, dispatch_uid=f"forget-menus-save-{model}")
        post_delete.connect(forget_menus, sender=model, dispatch_uid=f"forget-menus-del-{model}")
