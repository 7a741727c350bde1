"""What an import sets off beyond its own rows: tagging what it brought, and telling the read index (search and
the cached pages) which articles' pages now show something else."""

from archive.importing.outcomes import UNCHANGED
from archive.index import recording
from archive.subjects import tagging


def page_loaded(articles, outcomes, created):
    """Tag the page's new and changed articles and note every one of them as changed."""
    tagging.tag_articles(
        [article for article, outcome in zip(articles, outcomes, strict=True) if outcome.status != UNCHANGED],
        created=created,
    )
    # Every article of the file: an unchanged one may have gained a link, which shows on its page.
    recording.record(outcome.article_id for outcome in outcomes)


def records_loaded(pairs):
    """Give each exported article the persons and topics its record names, with the editors' decisions."""
    tagging.restore(pairs)


def pages_changed(article_ids):
    recording.record(article_ids)
