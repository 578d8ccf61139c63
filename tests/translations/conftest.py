"""A fake translation server for tests: DeepL's and LibreTranslate's APIs on 127.0.0.1.

It translates deterministically ("Hola" into German is "[de] Hola"), applies a DeepL
glossary's entries when one is named, and records every request so tests can count
calls. Other test packages import the fixtures::

    from tests.translations.conftest import fake_translator, machine_translation  # noqa: F401
"""

import dataclasses
import itertools
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

FORUM_TRANSLATOR = "translations.machine.translate_text"


@dataclasses.dataclass
class Recorded:
    method: str
    path: str
    data: dict

    @property
    def texts(self) -> list[str]:
        value = self.data.get("text", self.data.get("q", []))
        return [value] if isinstance(value, str) else list(value)


def fake_translation(text: str, target: str, glossary: dict[str, str] | None = None) -> str:
    """What the fake server answers: the target language in brackets, glossary terms replaced."""
    for source_term, target_term in (glossary or {}).items():
        text = text.replace(source_term, target_term)
    return f"[{target.split('-')[0].lower()}] {text}"


class FakeTranslationServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[Recorded] = []
        self.glossaries: dict[str, dict] = {}
        self.failing = False
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.glossaries.clear()
            self.failing = False

    def calls(self, path: str) -> list[Recorded]:
        return [request for request in self.requests if request.path == path]

    def translated_texts(self) -> list[str]:
        return [text for request in self.requests for text in request.texts if request.texts]

    def new_glossary_id(self) -> str:
        return f"glossary-{next(self._ids)}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeTranslationServer

    def log_message(self, *args):  # quiet
        pass

    def _data(self) -> dict:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        if "json" in (self.headers.get("Content-Type") or ""):
            return json.loads(body or "{}")
        return {
            name: values if name == "text" else values[0] for name, values in parse_qs(body).items()
        }

    def _answer(self, status: int, payload=None) -> None:
        body = json.dumps(payload).encode() if payload is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _handle(self, method: str) -> None:
        path = urlsplit(self.path).path
        data = self._data() if method in {"POST", "PUT"} else {}
        with self.server._lock:
            self.server.requests.append(Recorded(method, path, data))
        if self.server.failing:
            return self._answer(503, {"message": "down for the test"})
        route = ROUTES.get((method, path))
        if route is None and method == "DELETE" and path.startswith("/v2/glossaries/"):
            route = _delete_glossary
        if route is None:
            return self._answer(404, {"message": "not found"})
        status, payload = route(self.server, data, path)
        self._answer(status, payload)

    def do_GET(self):
        self._handle("GET")

    def do_POST(self):
        self._handle("POST")

    def do_DELETE(self):
        self._handle("DELETE")


def _deepl_translate(server, data, path):
    texts = data.get("text", [])
    texts = [texts] if isinstance(texts, str) else texts
    glossary = server.glossaries.get(data.get("glossary_id", ""), {}).get("entries")
    target = data["target_lang"]
    return 200, {
        "translations": [
            {
                "detected_source_language": data.get("source_lang", "ES"),
                "text": fake_translation(text, target, glossary),
            }
            for text in texts
        ]
    }


def _list_glossaries(server, data, path):
    return 200, {
        "glossaries": [
            {key: value for key, value in glossary.items() if key != "entries"}
            for glossary in server.glossaries.values()
        ]
    }


def _create_glossary(server, data, path):
    glossary_id = server.new_glossary_id()
    entries = dict(line.split("\t", 1) for line in data["entries"].splitlines() if "\t" in line)
    server.glossaries[glossary_id] = {
        "glossary_id": glossary_id,
        "name": data["name"],
        "source_lang": data["source_lang"],
        "target_lang": data["target_lang"],
        "entry_count": len(entries),
        "entries": entries,
    }
    return 201, {
        key: value for key, value in server.glossaries[glossary_id].items() if key != "entries"
    }


def _delete_glossary(server, data, path):
    server.glossaries.pop(path.rsplit("/", 1)[1], None)
    return 204, None


def _libre_translate(server, data, path):
    texts = data["q"]
    translated = [
        fake_translation(text, data["target"])
        for text in ([texts] if isinstance(texts, str) else texts)
    ]
    return 200, {"translatedText": translated[0] if isinstance(texts, str) else translated}


def _libre_languages(server, data, path):
    names = {"es": "Spanish", "de": "German", "en": "English"}
    return 200, [
        {"code": code, "name": name, "targets": [other for other in names if other != code]}
        for code, name in names.items()
    ]


ROUTES = {
    ("POST", "/v2/translate"): _deepl_translate,
    ("GET", "/v2/glossaries"): _list_glossaries,
    ("POST", "/v2/glossaries"): _create_glossary,
    ("POST", "/translate"): _libre_translate,
    ("GET", "/languages"): _libre_languages,
}


@pytest.fixture(scope="session")
def fake_translation_server():
    """One fake server per test session, in a daemon thread."""
    server = FakeTranslationServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def fake_translator(fake_translation_server):
    """The fake server with no requests recorded yet."""
    fake_translation_server.reset()
    yield fake_translation_server
    fake_translation_server.reset()


def deepl_settings(url: str) -> dict:
    return {
        "CLASS": "translations.machine.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "test-key", "API_URL": url, "TIMEOUT": 5},
    }


def libretranslate_settings(url: str) -> dict:
    return {
        "CLASS": "translations.machine.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": url, "API_KEY": "", "TIMEOUT": 5},
    }


@pytest.fixture
def machine_translation(settings, fake_translator):
    """DeepL (the fake one) as the site's machine translator, for pages and forum posts."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = deepl_settings(fake_translator.url)
    settings.PUENTE_FORUM_TRANSLATOR = FORUM_TRANSLATOR
    return fake_translator


@pytest.fixture
def libretranslate(settings, fake_translator):
    """A self-hosted LibreTranslate (the fake one) as the site's machine translator."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate_settings(fake_translator.url)
    settings.PUENTE_FORUM_TRANSLATOR = FORUM_TRANSLATOR
    return fake_translator
