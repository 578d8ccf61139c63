"""The groups roles map onto (members.roles); kb may have created some of them already.

Permissions that do not exist yet (forum's, on a fresh database) are added after
migrate by members.signals.groups_after_migrate.
"""

from django.db import migrations


def create_groups(apps, schema_editor):
    from members import roles

    roles.ensure_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_profile_roles_invitations"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
