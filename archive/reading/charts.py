"""Small charts drawn on the server as SVG geometry, for a template to draw; no script runs in the reader's browser."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WIDTH, HEIGHT = 600, 160
TOP, BOTTOM, LEFT = 16, 24, 8
GAP = 0.2


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self):
        return self.x + self.width / 2

    @property
    def count_y(self):
        return self.y - 4


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self):
        return self.height - BOTTOM

    @property
    def label_y(self):
        return self.height - 6

    @property
    def summary(self):
        if not self.bars:
            return _("%(title)s: none.") % {"title": self.title}
        peak = max(self.bars, key=lambda bar: bar.count)
        total = sum(bar.count for bar in self.bars)
        return ngettext(
            "%(title)s, %(first)s to %(last)s: %(total)s in all, the most in %(peak)s (%(count)s).",
            "%(title)s, %(first)s to %(last)s: %(total)s in all, the most in %(peak)s (%(count)s).",
            total,
        ) % {
            "title": self.title,
            "first": self.bars[0].label,
            "last": self.bars[-1].label,
            "total": total,
            "peak": peak.label,
            "count": peak.count,
        }

    @property
    def shows_counts(self):
        return len(self.bars) <= 12

    @property
    def labelled(self):
        """The bars whose label is drawn: every one when they fit, else about every fifth."""
        step = 1 if len(self.bars) <= 12 else (len(self.bars) + 9) // 10
        return [bar for index, bar in enumerate(self.bars) if index % step == 0 or index == len(self.bars) - 1]


def per_year(title, counts):
    """A bar for every year from the first to the last with articles, empty years included.

    `counts` maps a year to its number of articles.
    """
    if not counts:
        return BarChart(title=title, bars=[])
    years = range(min(counts), max(counts) + 1)
    highest = max(counts.values())
    slot = (WIDTH - 2 * LEFT) / len(years)
    usable = HEIGHT - TOP - BOTTOM
    bars = []
    for index, year in enumerate(years):
        count = counts.get(year, 0)
        height = round(usable * count / highest, 1)
        bars.append(
            Bar(
                label=str(year),
                count=count,
                x=round(LEFT + index * slot + slot * GAP / 2, 1),
                y=round(TOP + usable - height, 1),
                width=round(slot * (1 - GAP), 1),
                height=height,
            )
        )
    return BarChart(title=title, bars=bars)
