"""What every list of articles shares: the persons and topics shown with each item, and pagination."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch

from archive.models import PUBLIC_DECISIONS, ArticleTopic, Mention

PER_PAGE = 20


def public_mentions():
    return Mention.objects.filter(decision__in=PUBLIC_DECISIONS).select_related("person").order_by("position")


def public_topics():
    return ArticleTopic.objects.filter(decision__in=PUBLIC_DECISIONS).select_related("topic").order_by("position")


def with_subjects(articles):
    """Fetch the persons and topics of every listed article in two queries, whatever the list's length."""
    return articles.prefetch_related(
        Prefetch("mentions", queryset=public_mentions(), to_attr="public_mentions"),
        Prefetch("article_topics", queryset=public_topics(), to_attr="public_topics"),
    )


def counted(subjects, relation, articles=None):
    """Persons or topics with `count`, the number of (these) articles that publicly mention them."""
    conditions = {f"{relation}__decision__in": PUBLIC_DECISIONS}
    if articles is not None:
        conditions[f"{relation}__article__in"] = articles.order_by().values("pk")
    # Grouping drags every selected column through the sort: leave the long alias and term lists behind.
    return subjects.filter(**conditions).only("slug", "name", "description").annotate(count=Count(relation))


class Pagination:
    """One page of a list. A page number that is not a number shows the first page; past the end, none."""

    def __init__(self, request, queryset, url_for, per_page=PER_PAGE):
        self.paginator = Paginator(queryset, per_page)
        self.url_for = url_for
        self.message = ""
        raw = request.GET.get("page", "1")
        number = int(raw) if raw.isdigit() and raw.isascii() else None
        if number is None or number < 1:
            self.message = f"“{raw}” is not a page number, so the first page is shown."
            number = 1
        if number > self.paginator.num_pages:
            self.message = f"There is no page {number}: this list has {self.paginator.num_pages}."
            self.page = Page([], number, self.paginator)
        else:
            self.page = self.paginator.page(number)

    @property
    def articles(self):
        return self.page.object_list

    @property
    def links(self):
        """(label, url or None for the current page or a gap) for the page numbers worth showing."""
        if self.paginator.num_pages < 2:
            return []
        number = min(self.page.number, self.paginator.num_pages)
        return [
            (str(n), None if n == self.page.number or n == self.paginator.ELLIPSIS else self.url_for(n))
            for n in self.paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
        ]

    @property
    def previous_url(self):
        number = min(self.page.number - 1, self.paginator.num_pages)
        return self.url_for(number) if number >= 1 and self.paginator.num_pages > 1 else None

    @property
    def next_url(self):
        return self.url_for(self.page.number + 1) if self.page.number < self.paginator.num_pages else None

    @property
    def last_url(self):
        return self.url_for(self.paginator.num_pages)


def page_urls(path):
    """Page links of a list with no other parameters: the first page is the bare path."""
    return lambda number: f"{path}?page={number}" if number > 1 else path
