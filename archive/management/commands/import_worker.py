import logging
import threading

from django.conf import settings
from django.db import DatabaseError, connection
from django_tasks_db.management.commands import db_worker

from archive.importing import tasks, workers

logger = logging.getLogger(__name__)


class Command(db_worker.Command):
    help = (
        "Run background imports (django-tasks' database worker), saying every few seconds that it is alive and "
        "taking up the jobs of workers gone silent."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # A job is imported file by file; reloading the code under it would only interrupt it.
        parser.set_defaults(reload=False)

    def handle(self, *args, worker_id, **options):
        stop = threading.Event()
        heart = threading.Thread(target=self.keep_beating, args=(worker_id, stop), daemon=True)
        heart.start()
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            stop.set()

    def keep_beating(self, worker_id, stop):
        interval = settings.ARCHIVE_WORKER_STALE_SECONDS / 3
        while not stop.is_set():
            try:
                workers.beat(worker_id)
                workers.recover_orphans(tasks.enqueue)
            except DatabaseError as error:
                logger.warning("import worker: no heartbeat written (%s)", error)
                connection.close()
            stop.wait(interval)
