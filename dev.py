#!/usr/bin/env python3
"""The README's two commands, with nothing but Python 3.11 installed.

    python3 dev.py serve   # install, migrate, demo content, admin account, serve on :8000
    python3 dev.py test    # install, then the whole test suite (extra args go to pytest)

Both are idempotent: they install only what changed and keep the existing database.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"


def run(*args, **env):
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env={**os.environ, **env})


def ensure_environment(extras: str) -> None:
    """Create .venv and install the project with ``extras`` when pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py may be started by an older python3)
        sys.exit("Puente needs Python 3.11 or newer.")
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]")
    stamp.write_text(digest)


def manage(*args, settings="config.settings.dev"):
    run(PYTHON, "manage.py", *args, DJANGO_SETTINGS_MODULE=settings)


def serve(args):
    ensure_environment("postgres")
    manage("migrate", "--noinput")
    manage("compile_catalogues")
    manage("load_demo")
    manage("ensure_admin")
    print("\nPuente runs at http://127.0.0.1:8000/ (Ctrl+C stops it)\n", flush=True)
    manage("runserver", "127.0.0.1:8000", *args)


def test(args):
    ensure_environment("dev")
    manage("compile_catalogues", settings="config.settings.test")
    result = subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT)
    sys.exit(result.returncode)


COMMANDS = {"serve": serve, "test": test}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
