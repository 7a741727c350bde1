"""The list of articles as readers narrow it: by dates, persons, topics and words, in the order they chose.

`ArticleFilter(request.GET).qs` is exactly the list page's articles in the list page's order, read from the
index a page at a time; the exports build on it. A malformed value is a form error and is left out of the
filtering; an unknown person or topic matches nothing.
"""

import django_filters
from django import forms
from django.core.validators import validate_slug

from archive.index import query
from archive.index.listing import IndexedArticles
from archive.index.lookup import NEWEST, OLDEST, RELEVANCE
from archive.models import Article

SORTS = [(NEWEST, "Newest first"), (OLDEST, "Oldest first"), (RELEVANCE, "Most relevant")]
DATE_FORMAT = "%Y-%m-%d"
# Every person or topic more narrows the list; past a handful a list is empty, and each costs the index a term.
MAX_SLUGS = 10


class SlugListField(forms.Field):
    """A repeatable slug parameter, kept sorted: all of them must match, so their order means nothing."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "invalid": "“%(value)s” is not a valid name in a link.",
        "too_many": f"At most {MAX_SLUGS} can be combined; this link names %(count)s.",
    }

    def to_python(self, value):
        if not value:
            return []
        values = [value] if isinstance(value, str) else value
        return sorted({slug.strip() for slug in values if slug.strip()})

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_SLUGS:
            raise forms.ValidationError(self.error_messages["too_many"], code="too_many", params={"count": len(value)})
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


def _date_filter(label):
    return django_filters.DateFilter(
        label=label,
        input_formats=[DATE_FORMAT],
        widget=forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
    )


class ArticleFilter(django_filters.FilterSet):
    """The list's parameters, validated; the filtering itself is the index's (`index_filters`)."""

    class Meta:
        model = Article
        fields = []

    q = django_filters.CharFilter(
        label="Search", max_length=200, strip=True, widget=forms.TextInput(attrs={"type": "search"})
    )
    person = SlugsFilter(label="Persons", required=False)
    topic = SlugsFilter(label="Topics", required=False)
    date_after = _date_filter("From")
    date_before = _date_filter("To")
    sort = django_filters.ChoiceFilter(label="Order", choices=SORTS, empty_label=None)

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=queryset if queryset is not None else Article.objects.all(), **kwargs)

    @property
    def qs(self):
        return IndexedArticles(self.index_filters(), self.ordering)

    def index_filters(self, *, dates=True):
        """The valid parameters as the index's filters; without dates, for counting articles per year."""
        text = self.cleaned("q")
        return query.Filters(
            words=query.words(text) if text else None,
            persons=tuple(self.cleaned("person") or ()),
            topics=tuple(self.cleaned("topic") or ()),
            date_after=self.cleaned("date_after") if dates else None,
            date_before=self.cleaned("date_before") if dates else None,
        )

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
