"""A parsed page written into the archive: its lead and similar articles, merged, linked and tagged."""

from archive.importing import effects
from archive.importing.links import link
from archive.importing.merge import Version
from archive.importing.outcomes import CREATED
from archive.importing.upsert import Incoming, upsert
from archive.models import ArticleSource
from archive.text.rendering import paragraphs_to_markdown


def load_page(page, source):
    """Write the page's articles as seen in the source file; return what happened to each, the lead first."""
    sightings = [(page.lead, ArticleSource.Role.LEAD)] + [(item, ArticleSource.Role.RELATED) for item in page.related]
    articles, outcomes = upsert([_incoming(item, role) for item, role in sightings], source)
    created = {a.pk for a, o in zip(articles, outcomes, strict=True) if o.status == CREATED}
    linked = link(articles[0].pk, [article.pk for article in articles[1:]], lead_is_new=articles[0].pk in created)
    for outcome in outcomes[1:]:
        outcome.new_link = outcome.article_id in linked
    effects.page_loaded(articles, outcomes, created)
    return outcomes


def _incoming(item, role):
    photo = item.photo
    return Incoming(
        date=item.dateline.date,
        version=Version(
            title=item.title,
            body=paragraphs_to_markdown(item.paragraphs),
            published_time=item.dateline.time,
            photo_caption=photo.caption if photo else "",
            photo_credit=photo.credit if photo else "",
            photo_agency=photo.agency if photo else "",
        ),
        role=role,
    )
