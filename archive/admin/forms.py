"""Forms of the editors' admin: the import upload, held to the import limits, and the article form."""

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from archive.admin import images
from archive.importing.limits import within_batch_limits, within_import_limit, within_page_limit
from archive.importing.uploads import Part, part_of
from archive.models import Article, SlugRedirect
from archive.text.identity import title_key


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once and cleans each of them."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        clean_one = super().clean
        if isinstance(data, list | tuple):
            return [clean_one(item, initial) for item in data]
        return [clean_one(data, initial)] if data else []


class ImportForm(forms.Form):
    """Pages, as files, zips of them or pasted text; and, only where `exports` allows it, one export.

    Every page's name ends in .txt and an export's in .jsonl, whole, as the importer tells them apart by name.
    """

    files = MultipleFileField(
        required=False,
        label=gettext_lazy("Pages"),
        help_text=gettext_lazy("One or more .txt pages, or a .zip of them."),
        widget=MultipleFileInput(attrs={"accept": ".txt,.zip,text/plain,application/zip"}),
    )
    text = forms.CharField(
        required=False,
        strip=False,
        label=gettext_lazy("Or paste a page"),
        widget=forms.Textarea(attrs={"rows": 12, "cols": 100}),
    )
    export = forms.FileField(
        required=False,
        label=gettext_lazy("Import an export (.jsonl)"),
        help_text=gettext_lazy(
            "A JSON Lines export (.jsonl) of this or another archive, not a page. Its records are taken as "
            "they stand: they give the articles their addresses and set persons and topics with an editor's "
            "decisions. The source files they name are shown in the history as stated by this export, not imported."
        ),
        widget=forms.FileInput(attrs={"accept": ".jsonl"}),
    )

    def __init__(self, *args, exports=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not exports:
            del self.fields["export"]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        parts = [part_of(upload) for upload in cleaned.get("files", [])]
        if cleaned.get("text", "").strip():
            data = cleaned["text"].encode()
            name = f"pasted-{hashlib.sha256(data).hexdigest()[:12]}.txt"
            parts.append(Part(name, within_page_limit(_("The text"), data)))
        if cleaned.get("export"):
            parts.append(_export_in(cleaned["export"]))
        if not parts:
            raise ValidationError(_("Choose at least one file, or paste a page."), code="empty")
        within_batch_limits(parts)
        cleaned["parts"] = parts
        return cleaned


def _export_in(upload):
    if not upload.name.lower().endswith(".jsonl"):
        raise ValidationError(_("“%(name)s” is not a .jsonl export.") % {"name": upload.name}, code="type")
    within_import_limit(upload, advice=_(" (import larger exports with import_articles)"))
    return Part(upload.name, upload)


class LeadImageField(forms.ImageField):
    """An image field that says precisely why Pillow refuses a file, before Django's generic check, and keeps only
    the image written again without its metadata, whatever the file held beside it or its name claimed."""

    def to_python(self, data):
        if data in self.empty_values:
            return super().to_python(data)
        images.check(data)
        return super().to_python(images.stripped(data))


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "published_date",
            "published_time",
            "language",
            "body",
            "photo_caption",
            "photo_credit",
            "photo_agency",
            "image",
        ]
        field_classes = {"image": LeadImageField}
        help_texts = {
            "slug": gettext_lazy(
                "Part of the permanent address. Change it only to correct an error: "
                "the former address will keep working and redirect here."
            ),
            "photo_caption": gettext_lazy("Who or what is pictured; also the image's alternative text."),
        }

    def clean(self):
        cleaned = super().clean()
        title, slug, date = cleaned.get("title"), cleaned.get("slug"), cleaned.get("published_date")
        if slug and isinstance(cleaned.get("image"), UploadedFile):
            cleaned["image"].name = images.archive_name(slug, cleaned["image"])
        if not date:
            return cleaned
        others = Article.objects.exclude(pk=self.instance.pk)
        if title and others.filter(title_key=title_key(title), published_date=date).exists():
            self.add_error(
                "title", _("Another article of the same day has this title; the archive holds each article once.")
            )
        # A former address keeps leading to its article: giving it to another would silently repoint citations.
        if (
            slug
            and SlugRedirect.objects.filter(published_date=date, old_slug=slug)
            .exclude(article=self.instance.pk)
            .exists()
        ):
            self.add_error("slug", _("This address once belonged to another article and still leads there."))
        return cleaned
