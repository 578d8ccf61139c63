"""Keep groups in step with memberships and network roles, whatever changes them."""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from members import roles
from members.models import Membership, NetworkRole


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
@receiver(post_save, sender=NetworkRole)
@receiver(post_delete, sender=NetworkRole)
def role_changed(sender, instance, **kwargs):
    user = instance.user
    if user.pk and type(user).objects.filter(pk=user.pk).exists():
        roles.sync_groups(user)


# The apps whose permissions the role table uses; after each has migrated, the
# groups are brought up to date (post_migrate runs per app, in INSTALLED_APPS order).
PERMISSION_APPS = {"members", "forum", "kb", "wagtailadmin"}


def groups_after_migrate(sender, **kwargs):
    if sender.label in PERMISSION_APPS:
        roles.ensure_groups()


def connect_post_migrate(app_config):
    post_migrate.connect(groups_after_migrate, dispatch_uid="members.groups_after_migrate")
