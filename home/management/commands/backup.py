"""manage.py backup DIRECTORY: the database and the uploaded files in one archive."""

from django.core.management.base import BaseCommand

from home import backup


class Command(BaseCommand):
    help = "Write the database and every uploaded file into DIRECTORY/puente-backup-<time>.tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, *args, directory, **options):
        path = backup.backup(directory)
        manifest = backup.read_manifest(path)
        self.stdout.write(
            self.style.SUCCESS(
                f"{path}: {sum(manifest['rows'].values())} rows, "
                f"{manifest['media_files']} media files."
            )
        )
