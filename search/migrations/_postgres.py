"""What the PostgreSQL-only migrations share (a name starting with "_" is not a migration)."""

from django.db import migrations


def on_postgres(forward, backward):
    """A RunPython that executes the SQL statements ``forward`` (``backward`` to undo)
    on PostgreSQL and does nothing elsewhere."""

    def run(statements):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                for statement in statements:
                    schema_editor.execute(statement)

        return operation

    return migrations.RunPython(run(forward), run(backward))
