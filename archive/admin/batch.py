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
from archive.models import PUBLIC_DECISIONS, ArticleTopic, Mention
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
                        self.persons.get(a.article_id, []),
                        self.topics.get(a.article_id, []),
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
        batch = Batch(results, persons=_names(Mention, "person", ids), topics=_names(ArticleTopic, "topic", ids))
        work.keep = expected is not None and batch.fingerprint == expected
    return batch, work.keep


def _names(model, target, article_ids):
    """The persons or topics each article carries publicly, in their order, by article id."""
    names = {}
    rows = (
        model.objects.filter(article_id__in=article_ids, decision__in=PUBLIC_DECISIONS)
        .order_by("position", f"{target}__name")
        .values_list("article_id", f"{target}__name")
    )
    for article_id, name in rows:
        names.setdefault(article_id, []).append(name)
    return names
