import time

from django.core.management.base import BaseCommand

from archive.index import store


class Command(BaseCommand):
    help = (
        "Make the read index afresh from the database and put it in use. Pages go on being served from the "
        "previous build until the new one is ready."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = store.rebuild()
        self.stdout.write(f"indexed {count} articles in {time.perf_counter() - started:.1f} s into {store.folder()}")
