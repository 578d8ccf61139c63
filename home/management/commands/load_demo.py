from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import consultations as demo_consultations
from home.demo import members as demo_members
from home.demo import site
from translations import demo as demo_translations


class Command(BaseCommand):
    help = "Create the demo content in Spanish, German and English. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        site.build()
        demo_members.build()  # after the organisations: it gives them admins, editors, members
        demo_consultations.build()  # after the people: they open, discuss and sign
        demo_translations.build()  # after the people: the coordinator reviewed translations
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
