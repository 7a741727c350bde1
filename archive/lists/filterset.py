"""The list's filters, declared once: django-filter validates them, renders their form, and narrows the read
index's filters the way it would narrow a queryset. A malformed value is a form error and is left out of the
filtering; an unknown person or topic matches nothing."""

import dataclasses
import datetime

import django_filters
from django import forms
from django.core.validators import validate_slug
from django.utils.translation import gettext_lazy as _

from archive.index.filters import Filters, words
from archive.index.lookup import NEWEST, OLDEST, RELEVANCE
from archive.lists.limits import MAX_SLUG_LENGTH, MAX_SLUGS, QUERY_MAX_LENGTH
from archive.models import Article

SORTS = [(NEWEST, _("Newest first")), (OLDEST, _("Oldest first")), (RELEVANCE, _("Most relevant"))]
DATE_FORMAT = "%Y-%m-%d"


class SlugListField(forms.Field):
    """A repeatable slug parameter, kept sorted: all of them must match, so their order means nothing."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "invalid": _("“%(value)s” is not a valid name in a link."),
        "too_many": _("At most %(most)s can be combined; this link names %(count)s."),
    }

    def to_python(self, value):
        if not value:
            return []
        values = [value] if isinstance(value, str) else value
        return sorted({slug.strip() for slug in values if slug.strip()})

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_SLUGS:
            raise forms.ValidationError(
                self.error_messages["too_many"], code="too_many", params={"most": MAX_SLUGS, "count": len(value)}
            )
        for slug in value:
            try:
                if len(slug) > MAX_SLUG_LENGTH:
                    raise forms.ValidationError("too long")
                validate_slug(slug)
            except forms.ValidationError:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"value": slug}
                ) from None


class DayInput(forms.DateInput):
    """A date field's input, whose value HTML allows only as a valid date, written in full: a malformed one is
    not echoed back."""

    input_type = "date"

    def format_value(self, value):
        if isinstance(value, str):
            try:
                value = datetime.datetime.strptime(value, DATE_FORMAT).date()
            except ValueError:
                return None
        return super().format_value(value)


class SlugsFilter(django_filters.Filter):
    field_class = SlugListField


class Unfiltered:
    """What the FilterSet narrows in place of a queryset: the index's filters, from none at all."""

    model = Article

    def all(self):
        return Filters()


def _narrowing(**fields):
    return lambda filters, name, value: dataclasses.replace(filters, **{fields.get(name, name): value})


def _date_filter(label):
    return django_filters.DateFilter(
        label=label,
        input_formats=[DATE_FORMAT],
        widget=DayInput(format=DATE_FORMAT),
        method=_narrowing(),
    )


class ArticleFilter(django_filters.FilterSet):
    """The list's parameters; `qs` is the index's filters they ask for."""

    q = django_filters.CharFilter(
        label=_("Words"),
        max_length=QUERY_MAX_LENGTH,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search"}),
        method=lambda filters, name, value: dataclasses.replace(filters, words=words(value)),
    )
    person = SlugsFilter(label=_("Persons"), required=False, method=_narrowing(person="persons"))
    topic = SlugsFilter(label=_("Topics"), required=False, method=_narrowing(topic="topics"))
    date_after = _date_filter(_("From"))
    date_before = _date_filter(_("To"))
    # The order is no filter: the list reads it from the form (`ListQuery.ordering`).
    sort = django_filters.ChoiceFilter(
        label=_("Order"), choices=SORTS, empty_label=None, method=lambda filters, name, value: filters
    )

    def __init__(self, data=None):
        super().__init__(data, queryset=Unfiltered())

    @property
    def form(self):
        form = super().form
        for name in form.errors:
            if name in form.fields:
                # The message beside the field describes it, as its own id says.
                form.fields[name].widget.attrs["aria-describedby"] = f"{form[name].auto_id}_error"
        return form

    def filter_queryset(self, queryset):
        # django-filter's own checks that each step returns a QuerySet; here each returns the index's filters.
        for name, value in self.form.cleaned_data.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset
