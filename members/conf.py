"""Settings of the members app, read here and nowhere else."""

from django.conf import settings


def invitation_days() -> int:
    """How many days an invitation link stays valid."""
    return getattr(settings, "PUENTE_MEMBERS_INVITATION_DAYS", 14)


def consultation_category() -> str:
    """Slug of the forum category where consultations on policy positions are discussed."""
    return getattr(settings, "PUENTE_MEMBERS_CONSULTATION_CATEGORY", "posicionamientos")
