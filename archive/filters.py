"""The list of articles as readers narrow it: by dates, persons, topics and words, in the order they chose.

`ArticleFilter(request.GET, queryset=Article.objects.all()).qs` is exactly the list page's articles in the
list page's order; the exports build on it. A malformed value is a form error and is left out of the
filtering; an unknown person or topic matches nothing.
"""

import django_filters
from django import forms
from django.core.validators import validate_slug
from django.db.models import Exists, F, OuterRef

from archive import search
from archive.models import PUBLIC_DECISIONS, Article, ArticleTopic, Mention

NEWEST, OLDEST, RELEVANCE = "newest", "oldest", "relevance"
SORTS = [(NEWEST, "Newest first"), (OLDEST, "Oldest first"), (RELEVANCE, "Most relevant")]
DATE_FORMAT = "%Y-%m-%d"
NEWEST_ORDER = ("-published_date", F("published_time").desc(nulls_last=True), "slug")
OLDEST_ORDER = ("published_date", F("published_time").asc(nulls_first=True), "slug")


class SlugListField(forms.Field):
    """A repeatable slug parameter, kept sorted: all of them must match, so their order means nothing."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": "“%(value)s” is not a valid name in a link."}

    def to_python(self, value):
        if not value:
            return []
        values = [value] if isinstance(value, str) else value
        return sorted({slug.strip() for slug in values if slug.strip()})

    def validate(self, value):
        super().validate(value)
        for slug in value:
            if len(slug) > 120:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid", params={"value": slug})
            try:
                validate_slug(slug)
            except forms.ValidationError:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"value": slug}
                ) from None


class SlugsFilter(django_filters.Filter):
    field_class = SlugListField


class ArticleFilter(django_filters.FilterSet):
    class Meta:
        model = Article
        fields = []

    q = django_filters.CharFilter(
        label="Search",
        method="filter_words",
        max_length=200,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    person = SlugsFilter(label="Persons", method="filter_persons", required=False)
    topic = SlugsFilter(label="Topics", method="filter_topics", required=False)
    date_after = django_filters.DateFilter(
        label="From",
        field_name="published_date",
        lookup_expr="gte",
        input_formats=[DATE_FORMAT],
        widget=forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
    )
    date_before = django_filters.DateFilter(
        label="To",
        field_name="published_date",
        lookup_expr="lte",
        input_formats=[DATE_FORMAT],
        widget=forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
    )
    sort = django_filters.ChoiceFilter(label="Order", choices=SORTS, method="sort_articles", empty_label=None)

    def filter_words(self, queryset, name, value):
        return search.search(queryset, value)

    def filter_persons(self, queryset, name, slugs):
        for slug in slugs:
            mentions = Mention.objects.filter(article=OuterRef("pk"), person__slug=slug, decision__in=PUBLIC_DECISIONS)
            queryset = queryset.filter(Exists(mentions))
        return queryset

    def filter_topics(self, queryset, name, slugs):
        for slug in slugs:
            tags = ArticleTopic.objects.filter(article=OuterRef("pk"), topic__slug=slug, decision__in=PUBLIC_DECISIONS)
            queryset = queryset.filter(Exists(tags))
        return queryset

    def sort_articles(self, queryset, name, value):
        if value == RELEVANCE and self.searching:
            return queryset.order_by(F("search_rank").desc(), *NEWEST_ORDER)
        return queryset.order_by(*(OLDEST_ORDER if value == OLDEST else NEWEST_ORDER))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.cleaned("sort"):
            queryset = self.sort_articles(queryset, "sort", self.default_sort)
        return queryset

    def cleaned(self, name):
        """The valid value of a parameter, or None when it is absent or malformed."""
        if not self.is_bound:
            return None
        self.form.is_valid()
        return self.form.cleaned_data.get(name) or None

    @property
    def searching(self):
        return bool(self.cleaned("q"))

    @property
    def default_sort(self):
        return RELEVANCE if self.searching else NEWEST

    @property
    def ordering(self):
        """The order the list is in: relevance only applies to a search."""
        chosen = self.cleaned("sort") or self.default_sort
        return NEWEST if chosen == RELEVANCE and not self.searching else chosen
