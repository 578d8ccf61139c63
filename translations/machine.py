"""Machine translation: one translator for the whole site, chosen in settings.

``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` (built from ``DEEPL_AUTH_KEY`` or
``LIBRETRANSLATE_URL`` in ``config/settings/base.py``) names one of the translators
below; wagtail-localize uses it for pages, ``translate_text`` for forum posts. Without
one, ``translate_text`` raises ``Unavailable`` and the features say so.

DeepL gets the network's termbase (``search.glossary.entries()``) as a glossary per
language pair, created once and found again by a name that changes with its entries.
"""

import hashlib
import logging

import requests
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator as LocalizeDeepL
from wagtail_localize.machine_translators.deepl import language_code as deepl_language
from wagtail_localize.strings import StringValue

logger = logging.getLogger(__name__)

DEEPL_PRO_URL = "https://api.deepl.com"
DEEPL_FREE_URL = "https://api-free.deepl.com"
GLOSSARY_PREFIX = "puente"


class Unavailable(Exception):
    """No machine translator is configured."""

    message = _("Machine translation is unavailable.")


def translator() -> BaseMachineTranslator | None:
    """The configured translator, or None."""
    return get_machine_translator()


def is_available() -> bool:
    return translator() is not None


def translate_text(text: str, *, source: str, target: str) -> str:
    """``text`` (plain text or Markdown) from language ``source`` into ``target``."""
    machine = translator()
    if machine is None or not hasattr(machine, "translate_texts"):
        raise Unavailable
    if _base(source) == _base(target) or not text.strip():
        return text
    return machine.translate_texts([text], source=source, target=target)[0]


def _base(code: str) -> str:
    return code.split("-")[0].lower()


# DeepL ----------------------------------------------------------------------------


class DeepLTranslator(LocalizeDeepL):
    """wagtail-localize's DeepL translator with the API address from settings and the glossary.

    Options: ``AUTH_KEY``; ``API_URL`` (default: DeepL's free API for ``:fx`` keys, else
    pro); ``TIMEOUT`` in seconds; ``GLOSSARY`` (default True).
    """

    def api_url(self) -> str:
        url = self.options.get("API_URL")
        if not url:
            url = DEEPL_FREE_URL if self.options["AUTH_KEY"].endswith(":fx") else DEEPL_PRO_URL
        return url.rstrip("/")

    def get_api_endpoint(self):
        return f"{self.api_url()}/v2/translate"

    def _request(self, method: str, path: str, **kwargs) -> requests.Response:
        response = requests.request(
            method,
            f"{self.api_url()}{path}",
            headers=self.get_headers(),
            timeout=int(self.options.get("TIMEOUT", 30)),
            **kwargs,
        )
        response.raise_for_status()
        return response

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        parameters.pop("glossary_id", None)
        glossary = self.glossary_id(source_locale.language_code, target_locale.language_code)
        if glossary:
            parameters["glossary_id"] = glossary
        return parameters

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        response = self._request(
            "POST", "/v2/translate", data=self.get_parameters(source_locale, target_locale, strings)
        )
        return {
            string: StringValue(translation["text"])
            for string, translation in zip(strings, response.json()["translations"], strict=True)
        }

    def translate_texts(self, texts: list[str], *, source: str, target: str) -> list[str]:
        """Plain texts: no tag handling, line breaks kept."""
        parameters = {
            "text": texts,
            "source_lang": deepl_language(source),
            "target_lang": deepl_language(target, is_target=True),
            "preserve_formatting": "1",
        }
        glossary = self.glossary_id(source, target)
        if glossary:
            parameters["glossary_id"] = glossary
        response = self._request("POST", "/v2/translate", data=parameters)
        return [item["text"] for item in response.json()["translations"]]

    def glossary_id(self, source: str, target: str) -> str | None:
        """The DeepL glossary of the termbase for this pair; None when there is nothing to send.

        A glossary that cannot be made is logged and the text goes without one.
        """
        if not self.options.get("GLOSSARY", True):
            return None
        source, target = _base(source), _base(target)
        tsv = glossary_tsv(source, target)
        if not tsv:
            return None
        digest = hashlib.sha256(tsv.encode()).hexdigest()[:12]
        name = f"{GLOSSARY_PREFIX}-{source}-{target}-{digest}"
        cache_key = f"translations:deepl-glossary:{self.api_url()}:{name}"
        found = cache.get(cache_key)
        if found:
            return found
        try:
            found = self._find_or_create_glossary(name, source, target, tsv)
        except (requests.RequestException, KeyError, ValueError):
            logger.warning("DeepL glossary %s could not be made", name, exc_info=True)
            return None
        cache.set(cache_key, found, None)
        return found

    def _find_or_create_glossary(self, name: str, source: str, target: str, tsv: str) -> str:
        existing = self._request("GET", "/v2/glossaries").json().get("glossaries", [])
        for glossary in existing:
            if glossary.get("name") == name:
                return glossary["glossary_id"]
        created = self._request(
            "POST",
            "/v2/glossaries",
            json={
                "name": name,
                "source_lang": source,
                "target_lang": target,
                "entries": tsv,
                "entries_format": "tsv",
            },
        ).json()
        # Earlier versions of this pair's termbase are of no more use.
        stale = f"{GLOSSARY_PREFIX}-{source}-{target}-"
        for glossary in existing:
            if glossary.get("name", "").startswith(stale):
                self._request("DELETE", f"/v2/glossaries/{glossary['glossary_id']}")
        return created["glossary_id"]


def glossary_tsv(source: str, target: str) -> str:
    """The termbase as DeepL glossary entries: every source form → the preferred target form."""
    from search import glossary

    lines = {}
    for entry in glossary.entries():
        targets = [form.strip() for form in entry.get(target, []) if form.strip()]
        if not targets:
            continue
        for form in entry.get(source, []):
            form = " ".join(form.split())
            if form and form not in lines and "\t" not in targets[0]:
                lines[form] = " ".join(targets[0].split())
    return "\n".join(f"{form}\t{preferred}" for form, preferred in lines.items())


# LibreTranslate -------------------------------------------------------------------


class LibreTranslator(BaseMachineTranslator):
    """A self-hosted LibreTranslate: case-related text stays on the network's servers.

    Options: ``LIBRETRANSLATE_URL``; ``API_KEY`` (optional); ``TIMEOUT`` in seconds.
    """

    display_name = "LibreTranslate"

    def _translate(self, texts: list[str], source: str, target: str, text_format: str):
        payload = {"q": texts, "source": _base(source), "target": _base(target)}
        payload["format"] = text_format
        if self.options.get("API_KEY"):
            payload["api_key"] = self.options["API_KEY"]
        response = requests.post(
            self.options["LIBRETRANSLATE_URL"].rstrip("/") + "/translate",
            json=payload,
            timeout=int(self.options.get("TIMEOUT", 30)),
        )
        response.raise_for_status()
        return response.json()["translatedText"]

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        translated = self._translate(
            [string.data for string in strings],
            source_locale.language_code,
            target_locale.language_code,
            "html",
        )
        return {string: StringValue(text) for string, text in zip(strings, translated, strict=True)}

    def translate_texts(self, texts: list[str], *, source: str, target: str) -> list[str]:
        return self._translate(texts, source, target, "text")

    def can_translate(self, source_locale, target_locale):
        return _base(source_locale.language_code) != _base(target_locale.language_code)
