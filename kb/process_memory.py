"""A copy, in this process, of values remembered under one kb version.

Reading a remembered value from the shared cache costs a round trip; a value already
read by this process under the same version is taken from here instead. The values are
kept pickled, so every reader gets its own copy, as from the shared cache. Everything is
dropped when a newer version is asked for, or when the version is raised or lost.
"""

# Only values this process pickled itself are ever unpickled.
import pickle  # nosec B403
import threading

# Entries kept at most; the oldest go first.
SIZE = 1000
MISSING = object()

_lock = threading.Lock()
_values = {}
_version = None


def recall(version, key):
    """The value kept for ``key`` under ``version``, or ``MISSING``."""
    global _version
    with _lock:
        if version != _version:
            # Versions only rise: an older one is a request that began before a change.
            if _version is None or version > _version:
                _values.clear()
                _version = version
            return MISSING
        kept = _values.get(key)
    # Pickled by keep() below, never read from outside the process.
    return MISSING if kept is None else pickle.loads(kept)  # noqa: S301  # nosec B301


def keep(version, key, value) -> None:
    """Keep ``value`` for ``key``, computed or read under ``version``."""
    kept = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    with _lock:
        if version != _version:
            return
        if len(_values) >= SIZE:
            del _values[next(iter(_values))]
        _values[key] = kept


def forget() -> None:
    """Drop every value (the version was raised, or lost from the shared cache)."""
    global _version
    with _lock:
        _values.clear()
        _version = None
