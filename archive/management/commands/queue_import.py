from contextlib import ExitStack
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from archive.importing import tasks, uploads
from archive.importing.limits import within_batch_limits


class Command(BaseCommand):
    help = (
        "Queue a background import of .txt pages and .zip files of them, held to the admin's limits and checks, "
        "for `import_worker` to run; prints the job's number."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help=".txt pages and .zip files of them")
        parser.add_argument("--user", help="the username the job and its files are credited to")

    def handle(self, *args, paths, user=None, **options):
        if user is not None:
            user = get_user_model().objects.filter(username=user).first()
            if user is None:
                raise CommandError("no such user")
        try:
            with ExitStack() as opened:
                handles = [File(opened.enter_context(open(path, "rb")), name=path.name) for path in map(Path, paths)]
                parts = [uploads.part_of(handle) for handle in handles]
                within_batch_limits(parts)
                staged = uploads.stage(parts)
        except OSError as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        job = tasks.queue(staged, user, ", ".join(part.name for part in parts))
        self.stdout.write(str(job.pk))
