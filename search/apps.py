import importlib
import logging

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Adapters shipped with the search app, for the plugin apps they index.
INTEGRATIONS = {"kb": "search.integrations.kb", "forum": "search.integrations.forum"}


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import signals

        for app, module in INTEGRATIONS.items():
            if not apps.is_installed(app):
                continue
            try:
                importlib.import_module(module).register()
            except ImportError:  # the app is older or newer than this integration
                logger.warning("search: no index for %s (%s failed)", app, module, exc_info=True)
        signals.connect()
