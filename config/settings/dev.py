"""Local development: the embedded SQLite database, emails on the console."""

from config.env import env_bool

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)

# The embedded SQLite database and uploaded media live under var/ (ignored by git).
VAR_DIR.mkdir(exist_ok=True)  # noqa: F405
