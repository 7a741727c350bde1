"""How well the archive's suggestions do on a labelled set: pages in one folder per story, `<story>/<lang>-<n>.txt`.

The set is imported and its suggestions worked out as a build of the read index works them out, then everything is
rolled back, so the archive measured on is left as it was and its other articles play no part.

- Precision at 5: of the "More on this" items suggested (at most five an article), the share from the same story.
- Counterparts: precision is the share of "In Russian" / "In English" links that join two articles of one story;
  recall the share of articles with an article of their story in the other language within
  `likeness.COUNTERPART_DAYS` days that are given one.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from archive.importing.loader import import_file
from archive.index import documents, likeness, suggestions

EVALUATION_SET = Path(settings.BASE_DIR) / "fixtures" / "related"


@dataclass(frozen=True)
class Figures:
    articles: int
    stories: int
    suggested: int
    suggested_right: int
    paired: int
    paired_right: int
    pairable: int

    @property
    def precision_at_5(self):
        return self.suggested_right / self.suggested if self.suggested else 0.0

    @property
    def counterpart_precision(self):
        return self.paired_right / self.paired if self.paired else 0.0

    @property
    def counterpart_recall(self):
        return self.paired_right / self.pairable if self.pairable else 0.0


def measure(folder=EVALUATION_SET):
    """The Figures of the labelled set in `folder`."""
    folder = Path(folder)
    with transaction.atomic():
        story_of = {}
        for path in sorted(folder.glob("*/*.txt")):
            result = import_file(f"{path.parent.name}/{path.name}", path.read_bytes())
            if result.error:
                raise ValueError(f"{path}: line {result.line}: {result.error}")
            story_of.update({outcome.article_id: path.parent.name for outcome in result.articles})
        rows = list(documents.rows_for(story_of))
        found = suggestions.of_archive(rows)
        transaction.set_rollback(True)
    return _figures(rows, found, story_of)


def _figures(rows, found, story_of):
    suggested = [(pk, other) for pk, chosen in found.suggested.items() for other in chosen]
    paired = [(pk, other) for pk, chosen in found.counterparts.items() for other in chosen]
    days = {row.pk: row.published_date.toordinal() for row in rows}
    language = {row.pk: row.language for row in rows}
    pairable = [
        pk
        for pk in days
        if any(
            story_of[other] == story_of[pk]
            and language[other] != language[pk]
            and abs(days[other] - days[pk]) <= likeness.COUNTERPART_DAYS
            for other in days
        )
    ]
    return Figures(
        articles=len(rows),
        stories=len(set(story_of.values())),
        suggested=len(suggested),
        suggested_right=sum(story_of[pk] == story_of[other] for pk, other in suggested),
        paired=len(paired),
        paired_right=sum(story_of[pk] == story_of[other] for pk, other in paired),
        pairable=len(pairable),
    )
