"""manage.py restore ARCHIVE: replace the database and uploaded files with a backup's."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home import backup


class Command(BaseCommand):
    help = "Replace the whole database and the uploaded files with those of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, archive, interactive, **options):
        if interactive:
            answer = input(
                "This deletes every row of the database and replaces it with the backup. "
                "Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        call_command("migrate", interactive=False, verbosity=0)
        try:
            manifest = backup.restore(archive)
        except backup.RestoreError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']}: "
                f"{sum(manifest['rows'].values())} rows, {manifest['media_files']} media files."
            )
        )
