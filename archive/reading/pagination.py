"""What every list of articles shares: pagination."""

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

from archive.lists.limits import PER_PAGE


class Pagination:
    """One page of a list, for the page a request asked for (`archive.lists.paging`): a value that is no page
    number shows the first page; past the end, none. Either way the page says so."""

    def __init__(self, asked, articles, url_for, per_page=PER_PAGE, reach=None):
        self.url_for = url_for
        self.message = asked.message
        number = asked.number
        self.paginator = Reaching(articles, per_page, reach)
        if self.paginator.within_reach(number):
            # Counted and found in one search; a page out of reach is never looked for, only counted.
            articles.expect((number - 1) * per_page, per_page)
        if number > self.paginator.num_pages:
            pages = self.paginator.num_pages
            beyond = not self.paginator.within_reach(number) and self.paginator.count > reach
            self.message = asked.past_the_ranking(pages) if beyond else asked.past_the_end(pages)
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


class Reaching(Paginator):
    """A paginator whose last page ends at the `reach`th article (None: at the list's end), however long the list."""

    def __init__(self, object_list, per_page, reach=None):
        super().__init__(object_list, per_page)
        self.reach = reach

    def within_reach(self, number):
        return self.reach is None or number * self.per_page <= self.reach

    @cached_property
    def num_pages(self):
        found = Paginator.num_pages.func(self)
        return found if self.reach is None else min(found, max(self.reach // self.per_page, 1))


def page_urls(path):
    """Page links of a list with no other parameters: the first page is the bare path."""
    return lambda number: f"{path}?page={number}" if number > 1 else path
