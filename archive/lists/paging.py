"""The page a request asks for: one reading of the `page` parameter for every paged list."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from archive.lists import limits
from archive.lists.limits import MAX_PAGE

MAX_PAGE_DIGITS = len(str(MAX_PAGE))


@dataclass(frozen=True)
class PageAsked:
    """`number` is the page to show; `given` the value as sent (None when absent); `valid` whether it names a page
    at all: any other value shows the first page and says so."""

    number: int = 1
    given: str | None = None
    valid: bool = True
    repeated: bool = False

    @property
    def canonical(self):
        """Whether the page has a canonical form to redirect to: one value, a number some list can have."""
        return self.valid and not self.repeated and self.number <= MAX_PAGE

    @property
    def message(self):
        if self.valid:
            return ""
        return _("“%(given)s” is not a page number, so the first page is shown.") % {
            "given": Truncator(self.given).chars(40)
        }

    def past_the_end(self, pages):
        """The message for a number beyond the list's last page, in the reader's own digits."""
        return _("There is no page %(given)s: this list has %(pages)s.") % {
            "given": Truncator(self.given.lstrip("0")).chars(40),
            "pages": pages,
        }

    def past_the_ranking(self, pages):
        """The message for a number beyond the pages relevance ranks."""
        return _(
            "There is no page %(given)s by relevance: only the %(depth)s most relevant articles are ranked, on "
            "%(pages)s pages. Sort by newest or oldest to reach every article."
        ) % {
            "given": Truncator(self.given.lstrip("0")).chars(40),
            "depth": number_format(limits.RELEVANCE_DEPTH, force_grouping=True),
            "pages": pages,
        }


def asked(params, name="page"):
    values = params.getlist(name)
    if not values:
        return PageAsked()
    # A repeated parameter shows the last value, as a form's fields do.
    raw, repeated = values[-1], len(values) > 1
    digits = raw.lstrip("0")
    if not (raw.isascii() and raw.isdigit()) or not digits:
        return PageAsked(1, raw, valid=False, repeated=repeated)
    # A number of more digits than any page number is beyond every list, and is never converted.
    number = MAX_PAGE + 1 if len(digits) > MAX_PAGE_DIGITS else int(digits)
    return PageAsked(number, raw, repeated=repeated)


def from_request(request, name="page"):
    """The page the request asks for, read the first time it is asked for and kept with the request."""
    pages = vars(request).setdefault("pages_asked", {})
    if name not in pages:
        pages[name] = asked(request.GET, name)
    return pages[name]
