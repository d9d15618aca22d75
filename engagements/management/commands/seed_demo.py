"""Fill the portal with a demo agency so a newcomer sees a living portal.

Every app may have a `demo` module with `seed() -> list[tuple[str, str]]` (the demo logins it made);
they run in INSTALLED_APPS order, so the platform's data exists before the spectrum apps need it.
Running the command again updates the same rows instead of adding more.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Create or refresh the demo agency (idempotent). Refuses to run with DEBUG off."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (a staging site). Never on a live portal.",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a published demo password; it runs only with "
                "DEBUG on. Use --force on a staging site."
            )
        logins: list[tuple[str, str]] = []
        with transaction.atomic():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if find_spec(module_name) is None:
                    continue
                logins.extend(import_module(module_name).seed())
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        if logins:
            from accounts.demo import DEMO_PASSWORD

            self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
            for email, role in logins:
                self.stdout.write(f"  {email:<32} {role}")
