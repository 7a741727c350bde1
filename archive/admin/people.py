"""The editors' gazetteer: persons and topics with their spellings, found mentions to confirm or reject, and the
names the tagger met but did not know."""

from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from archive.models import PUBLIC_DECISIONS, ArticleTopic, Decision, Mention, Person, Topic, UnknownName
from archive.subjects import curation, gazetteer


class LinesField(forms.CharField):
    """A list of strings edited as text, one item a line."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.Textarea(attrs={"rows": 10, "cols": 60}), **kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        lines = (line.strip() for line in (value or "").splitlines())
        return list(dict.fromkeys(line for line in lines if line))


class PersonForm(forms.ModelForm):
    aliases = LinesField(
        required=False,
        label=gettext_lazy("Spellings"),
        help_text=gettext_lazy(
            "Every spelling readers meet, one a line: English, Belarusian Latin, Russian and Belarusian "
            "Cyrillic, and the surname alone where it names this person. Case endings are understood."
        ),
    )

    class Meta:
        model = Person
        fields = ["name", "name_ru", "slug", "description", "aliases"]


class TopicForm(forms.ModelForm):
    terms = LinesField(
        required=False,
        label=gettext_lazy("Terms"),
        help_text=gettext_lazy(
            "English and Russian words and phrases that signal the topic, one a line. Case endings and "
            "English plurals are understood."
        ),
    )

    class Meta:
        model = Topic
        fields = ["name", "name_ru", "slug", "description", "terms"]


class MergeForm(ActionForm):
    merge_into = forms.ModelChoiceField(Person.objects.all(), required=False, label=gettext_lazy("Merge into"))


def changelist_link(model, text, **filters):
    url = reverse(f"admin:archive_{model._meta.model_name}_changelist") + "?" + urlencode(filters)
    return format_html('<a href="{}">{}</a>', url, text)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    form = PersonForm
    action_form = MergeForm
    actions = ["merge"]
    list_display = ["name", "name_ru", "description", "article_count", "to_review"]
    search_fields = ["name", "name_ru", "slug", "aliases"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                public_mentions=Count("mentions", filter=Q(mentions__decision__in=PUBLIC_DECISIONS)),
                found_mentions=Count("mentions", filter=Q(mentions__decision=Decision.FOUND)),
            )
        )

    def get_search_results(self, request, queryset, search_term):
        """Also find a person by any spelling in any case ending, as the tagger would."""
        results, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            results = results | queryset.filter(pk__in=gazetteer.current().lookup(search_term))
        return results, duplicates

    @admin.display(description=gettext_lazy("articles"), ordering="public_mentions")
    def article_count(self, person):
        return changelist_link(Mention, person.public_mentions, person__id__exact=person.pk)

    @admin.display(description=gettext_lazy("found, not yet reviewed"), ordering="found_mentions")
    def to_review(self, person):
        return changelist_link(
            Mention, person.found_mentions, person__id__exact=person.pk, decision__exact=Decision.FOUND
        )

    def save_model(self, request, obj, form, change):
        # A save records the person's articles for the index itself (archive.index.recording); a new person's
        # spellings are looked for in the archive.
        super().save_model(request, obj, form, change)
        if not change:
            tagged = curation.tag_articles_naming(obj)
            self.message_user(
                request,
                ngettext(
                    "%(person)s was looked for in the archive: %(count)s article spells the name.",
                    "%(person)s was looked for in the archive: %(count)s articles spell the name.",
                    tagged,
                )
                % {"person": obj, "count": tagged},
            )

    def has_merge_permission(self, request):
        # A merge deletes the persons merged away: whoever may not delete a person may not merge one either.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(
        description=gettext_lazy("Merge the selected persons into the one chosen in “Merge into”"),
        permissions=["merge"],
    )
    def merge(self, request, queryset):
        try:
            target = MergeForm.base_fields["merge_into"].clean(request.POST.get("merge_into"))
        except ValidationError:
            target = None
        others = [person for person in queryset if target and person.pk != target.pk]
        if not others:
            self.message_user(
                request, _("Choose the person to keep in “Merge into” and select the others."), messages.ERROR
            )
            return
        names = ", ".join(person.name for person in others)
        moved = curation.merge_persons(target, others)
        self.message_user(
            request,
            ngettext(
                "Merged %(names)s into %(person)s: %(count)s mention moved.",
                "Merged %(names)s into %(person)s: %(count)s mentions moved.",
                moved,
            )
            % {"names": names, "person": target, "count": moved},
            messages.SUCCESS,
        )


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    form = TopicForm
    list_display = ["name", "name_ru", "description", "article_count"]
    search_fields = ["name", "name_ru", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(public_articles=Count("article_topics", filter=Q(article_topics__decision__in=PUBLIC_DECISIONS)))
        )

    @admin.display(description=gettext_lazy("articles"), ordering="public_articles")
    def article_count(self, topic):
        return changelist_link(ArticleTopic, topic.public_articles, topic__id__exact=topic.pk)


class DecisionAdmin(admin.ModelAdmin):
    """Editors confirm or reject what the tagger found; what they add by hand is marked as added."""

    list_filter = ["decision"]
    raw_id_fields = ["article"]
    actions = ["confirm", "reject"]
    ordering = ["-article__published_date", "article", "position"]

    def get_changeform_initial_data(self, request):
        return {"decision": Decision.ADDED, **super().get_changeform_initial_data(request)}

    @admin.display(description=gettext_lazy("article"), ordering="article__published_date")
    def article_link(self, row):
        url = reverse("admin:archive_article_change", args=[row.article_id])
        return format_html('<a href="{}">{}</a> ({})', url, row.article.title, row.article.published_date)

    @admin.action(description=gettext_lazy("Confirm the selected rows"), permissions=["change"])
    def confirm(self, request, queryset):
        # The ids are read first: the update can take rows out of a changelist filtered by decision.
        articles = list(queryset.values_list("article_id", flat=True))
        changed = queryset.exclude(decision=Decision.ADDED).update(decision=Decision.CONFIRMED)
        curation.articles_changed(articles)
        self.message_user(
            request,
            ngettext("%(count)s confirmed.", "%(count)s confirmed.", changed) % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Reject the selected rows"), permissions=["change"])
    def reject(self, request, queryset):
        articles = list(queryset.values_list("article_id", flat=True))
        changed = queryset.update(decision=Decision.REJECTED)
        curation.articles_changed(articles)
        self.message_user(
            request,
            ngettext("%(count)s rejected.", "%(count)s rejected.", changed) % {"count": changed},
            messages.SUCCESS,
        )


@admin.register(Mention)
class MentionAdmin(DecisionAdmin):
    list_display = ["person", "article_link", "decision", "pictured"]
    list_filter = ["decision", "pictured"]
    list_select_related = ["person", "article"]
    search_fields = ["person__name", "article__title"]
    autocomplete_fields = ["person"]


@admin.register(ArticleTopic)
class ArticleTopicAdmin(DecisionAdmin):
    list_display = ["topic", "article_link", "decision"]
    list_select_related = ["topic", "article"]
    search_fields = ["topic__name", "article__title"]
    autocomplete_fields = ["topic"]


@admin.register(UnknownName)
class UnknownNameAdmin(admin.ModelAdmin):
    list_display = ["text", "count", "example_link", "could_be", "add_link", "dismissed"]
    list_filter = ["dismissed"]
    search_fields = ["text"]
    readonly_fields = ["text", "count", "example"]
    actions = ["create_persons", "dismiss"]
    list_select_related = ["example"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=gettext_lazy("first met in"))
    def example_link(self, unknown):
        if unknown.example is None:
            return "—"
        url = reverse("admin:archive_article_change", args=[unknown.example_id])
        return format_html('<a href="{}">{}</a>', url, unknown.example.title)

    @admin.display(description=gettext_lazy("could be"))
    def could_be(self, unknown):
        persons = Person.objects.filter(pk__in=gazetteer.current().lookup(unknown.text))
        return format_html_join(", ", '<a href="{}">{}</a>', ((self.person_url(p), p.name) for p in persons)) or "—"

    @admin.display(description="")
    def add_link(self, unknown):
        url = reverse("admin:archive_person_add") + "?" + urlencode({"name": unknown.text})
        return format_html('<a href="{}">{}</a>', url, _("Add as a person…"))

    @staticmethod
    def person_url(person):
        return reverse("admin:archive_person_change", args=[person.pk])

    def has_create_persons_permission(self, request):
        # The action adds persons and forgets the names they were made from.
        return request.user.has_perm("archive.add_person") and self.has_delete_permission(request)

    @admin.action(description=gettext_lazy("Create a person from each selected name"), permissions=["create_persons"])
    def create_persons(self, request, queryset):
        for unknown in queryset:
            try:
                person, tagged = curation.person_from_name(unknown)
            except curation.AlreadyKnown as error:
                self.message_user(
                    request, _("%(error)s: add it to the article by hand instead.") % {"error": error}, messages.WARNING
                )
            else:
                message = ngettext(
                    "Added %(person)s, found in %(count)s article.",
                    "Added %(person)s, found in %(count)s articles.",
                    tagged,
                )
                self.message_user(request, message % {"person": person, "count": tagged}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Dismiss the selected names: not persons"), permissions=["change"])
    def dismiss(self, request, queryset):
        dismissed = queryset.update(dismissed=True)
        message = ngettext("%(count)s name dismissed.", "%(count)s names dismissed.", dismissed)
        self.message_user(request, message % {"count": dismissed}, messages.SUCCESS)
