"""Several pages imported as one unit, so that a preview shows exactly what confirming it will do.

The pages go through the command line's importer one after another, each in its own savepoint, all inside one
transaction. A preview rolls that transaction back; a confirmation keeps it only if the outcome is the one the
preview showed, identified by its fingerprint.
"""

import hashlib
import json
from dataclasses import dataclass, field

from archive.importing.loader import import_file
from archive.importing.outcomes import IMPORTED, FileResult
from archive.index.cards import SubjectCard
from archive.models import PERSONS, PUBLIC_DECISIONS, TOPICS, ArticleTopic, Mention
from archive.models.transactions import tentative


@dataclass
class Batch:
    results: list[FileResult]
    persons: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)

    @property
    def fingerprint(self):
        """A digest of what the pages that import will do, as the preview shows it.

        Pages that are rejected or were imported before write nothing, so they are left out; so are database ids,
        which differ from one run to the next.
        """
        outcome = [
            [
                result.name,
                result.status,
                result.error,
                result.line,
                [
                    [
                        a.title,
                        a.url,
                        a.status,
                        a.role,
                        a.changes,
                        a.new_link,
                        [person.name for person in self.persons.get(a.article_id, [])],
                        [topic.name for topic in self.topics.get(a.article_id, [])],
                    ]
                    for a in result.articles
                ],
            ]
            for result in self.results
            if result.status == IMPORTED
        ]
        return hashlib.sha256(json.dumps(outcome, ensure_ascii=False).encode()).hexdigest()


def run(pages, user, expected=None):
    """Import (name, bytes) pages in order; keep the result only when its fingerprint is the one expected.

    Returns the batch and whether it was kept. Without an expected fingerprint this is a preview.
    """
    with tentative() as work:
        results = [import_file(name, data, user=user) for name, data in pages]
        ids = [a.article_id for result in results for a in result.articles]
        batch = Batch(results, persons=_subjects(Mention, PERSONS, ids), topics=_subjects(ArticleTopic, TOPICS, ids))
        work.keep = expected is not None and batch.fingerprint == expected
    return batch, work.keep


def _subjects(model, kind, article_ids):
    """The persons or topics each article carries publicly, in their order, by article id, under every name they
    are shown under: the preview is read in the editor's language, the fingerprint in none."""
    target = kind.name
    subjects = {}
    rows = (
        model.objects.filter(article_id__in=article_ids, decision__in=PUBLIC_DECISIONS)
        .order_by("position", f"{target}__name")
        .values_list("article_id", f"{target}__slug", f"{target}__name", f"{target}__name_ru")
    )
    for article_id, *names in rows:
        subjects.setdefault(article_id, []).append(SubjectCard(*names, kind.view))
    return subjects
