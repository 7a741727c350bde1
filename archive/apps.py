from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Commentary archive"

    def ready(self):
        from archive.caching import forget_pages

        for model in self.get_models():
            post_save.connect(forget_pages, sender=model, dispatch_uid=f"forget-pages-save-{model.__name__}")
            post_delete.connect(forget_pages, sender=model, dispatch_uid=f"forget-pages-delete-{model.__name__}")
