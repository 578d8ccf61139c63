"""Notification preferences shown on the profile; the forum owns and reads them.

The forum keeps one ``forum.EmailPreference`` per member (immediate, daily, weekly,
never) and watch levels per topic; the profile edits that row, so there is one
source of truth and the forum needs nothing from this app.
"""

from forum.models import EmailPreference

FREQUENCY_CHOICES = EmailPreference.Frequency.choices


def email_frequency(user) -> str:
    if not user.pk:
        return EmailPreference.Frequency.IMMEDIATE
    found = EmailPreference.objects.filter(user=user).values_list("frequency", flat=True).first()
    return found or EmailPreference.Frequency.IMMEDIATE


def set_email_frequency(user, frequency: str) -> None:
    EmailPreference.objects.update_or_create(user=user, defaults={"frequency": frequency})
