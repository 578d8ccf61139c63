"""Queue the daily or weekly forum digest; run it from cron or a systemd timer."""

from django.core.management.base import BaseCommand

from forum.notifications import send_digests


class Command(BaseCommand):
    help = (
        "Queue the forum digest for the members who chose it (daily or weekly). "
        "Safe to run more often: a member gets at most one digest per period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=["daily", "weekly"], required=True)

    def handle(self, *args, period, **options):
        result = send_digests.enqueue(period)
        self.stdout.write(f"Queued the {period} forum digest ({result.id}).")
