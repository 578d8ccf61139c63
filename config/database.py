"""Database connection settings shared by the site's and the benchmarks' settings."""


def without_jit(database: dict) -> dict:
    """``database`` with PostgreSQL's JIT compiler off (after any options the URL gave).
    It compiles any statement whose plan looks expensive, and a page's statements are
    short: compiling search's took 24 ms at size L, a third of the search."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return database
