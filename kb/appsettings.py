"""One way for each Puente plugin app to read its settings: ``PUENTE_<APP>_<NAME>``."""

from django.conf import settings


class AppSettings:
    """Documented defaults, overridable in the host project's settings with a prefix.

    >>> kb_settings = AppSettings("KB", {"PAGE_SIZE": 12})
    >>> kb_settings.PAGE_SIZE  # settings.PUENTE_KB_PAGE_SIZE if set, else 12
    """

    def __init__(self, prefix: str, defaults: dict):
        self.prefix = f"PUENTE_{prefix}_"
        self.defaults = defaults

    def __getattr__(self, name):
        if name not in self.defaults:
            raise AttributeError(f"{self.prefix}{name} is not a setting of this app")
        return getattr(settings, self.prefix + name, self.defaults[name])
