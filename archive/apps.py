from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _

# What public pages show: a save or delete of any of these changes the archive's generation.
SHOWN = [
    "Article",
    "Mention",
    "ArticleTopic",
    "RelatedLink",
    "Person",
    "Topic",
    "SlugRedirect",
    "ArticleVersion",
    "HiddenSuggestion",
]
# Rows of an article that an editor can move to another article: the one they leave changes too.
MOVABLE = ["Mention", "ArticleTopic", "RelatedLink", "HiddenSuggestion"]


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Commentary archive")

    def ready(self):
        from archive.admin import images
        from archive.index.recording import moving, saved_or_deleted
        from archive.subjects import gazetteer

        for name in SHOWN:
            model = self.get_model(name)
            post_save.connect(saved_or_deleted, sender=model, dispatch_uid=f"archive-change-save-{name}")
            post_delete.connect(saved_or_deleted, sender=model, dispatch_uid=f"archive-change-delete-{name}")
        for name in MOVABLE:
            pre_save.connect(moving, sender=self.get_model(name), dispatch_uid=f"archive-change-move-{name}")
        for name in ["Person", "Topic"]:
            model = self.get_model(name)
            post_save.connect(gazetteer.names_changed, sender=model, dispatch_uid=f"archive-gazetteer-save-{name}")
            post_delete.connect(gazetteer.names_changed, sender=model, dispatch_uid=f"archive-gazetteer-delete-{name}")
        # However an article goes (the admin, a bulk delete, the shell), its image files go with it.
        post_delete.connect(images.article_deleted, sender=self.get_model("Article"), dispatch_uid="archive-image")
