from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save

# What public pages show: a save or delete of any of these changes the archive's generation.
SHOWN = ["Article", "Mention", "ArticleTopic", "RelatedLink", "Person", "Topic", "SlugRedirect"]


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Commentary archive"

    def ready(self):
        from archive.index.changes import saved_or_deleted

        for name in SHOWN:
            model = self.get_model(name)
            post_save.connect(saved_or_deleted, sender=model, dispatch_uid=f"archive-change-save-{name}")
            post_delete.connect(saved_or_deleted, sender=model, dispatch_uid=f"archive-change-delete-{name}")
