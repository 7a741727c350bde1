"""Create or merge incoming articles by their identity (title and day), never making a duplicate."""

from dataclasses import dataclass

from archive.importing.language import language_of
from archive.importing.merge import Version, merge
from archive.importing.outcomes import CREATED, UNCHANGED, UPDATED, ArticleOutcome
from archive.models import Article, ArticleSource, ArticleVersion, bulk
from archive.models import versions as history
from archive.text.identity import free_slug, slug_for, title_key


@dataclass(frozen=True)
class Incoming:
    date: object
    version: Version
    role: str | None = None
    language: str | None = None
    slug: str | None = None
    # The article's states as an export records them, each a mapping of ArticleVersion's fields, oldest first:
    # kept as they are when this creates the article.
    versions: tuple = ()


def upsert(incoming, source, cause=ArticleVersion.Cause.IMPORT):
    """Create or merge each incoming article; return the articles and what happened to each.

    Each text it creates or changes is kept as a new version, from the moment the source is imported."""
    keys = [(title_key(item.version.title), item.date) for item in incoming]
    stored, taken = _same_days(keys)
    articles, outcomes, new, restored, changed = [], [], {}, {}, []
    for item, key in zip(incoming, keys, strict=True):
        if key in new:
            article, status, changes = _merged_into_new(new[key], item)
        elif key in stored:
            article, status, changes = _merged_into_stored(stored[key], item, source.imported_at)
            if changes:
                changed.append(article)
        else:
            article = new[key] = _created(item, taken)
            status, changes = CREATED, []
            if item.versions:
                restored[key] = item.versions
        articles.append(article)
        outcomes.append(
            ArticleOutcome(title=article.title, url="", status=status, role=item.role or "", changes=changes)
        )
    for key, article in new.items():
        if key in restored:
            history.restoring(article, restored[key])
        else:
            history.next_version(article, source.imported_at)
    Article.objects.bulk_create(new.values())
    fresh = [article for key, article in new.items() if key not in restored]
    history.keep(list(dict.fromkeys([*fresh, *changed])), cause, source=source)
    history.restore({new[key]: versions for key, versions in restored.items()})
    for article, outcome in zip(articles, outcomes, strict=True):
        outcome.url = article.get_absolute_url()
        outcome.article_id = article.pk
    bulk.insert(
        ArticleSource,
        ("article", "source", "role"),
        [(article.pk, source.pk, item.role) for article, item in zip(articles, incoming, strict=True) if item.role],
        ignore_conflicts=True,
    )
    return articles, outcomes


def _same_days(keys):
    """The stored articles these (title key, date) name, and every (date, slug) already taken on their days."""
    same_days = Article.objects.filter(published_date__in={date for _, date in keys})
    taken = set(same_days.values_list("published_date", "slug"))
    wanted = set(keys)
    stored = {
        (a.title_key, a.published_date): a
        for a in same_days.filter(title_key__in={key for key, _ in keys})
        if (a.title_key, a.published_date) in wanted
    }
    return stored, taken


def _created(item, taken):
    article = Article(published_date=item.date)
    item.version.apply_to(article)
    slug = free_slug(item.slug or slug_for(item.version.title), lambda candidate: (item.date, candidate) in taken)
    taken.add((item.date, slug))
    article.slug = slug
    article.language = item.language or language_of(item.version.title, item.version.body)
    article.render()
    return article


def _merged_into_new(article, item):
    """A second sighting of an article the same batch creates: counted once, as created, by its first sighting."""
    merge(Version.of(article), item.version).apply_to(article)
    article.render()
    return article, UNCHANGED, []


def _merged_into_stored(article, item, moment):
    before = Version.of(article)
    merged = merge(before, item.version)
    changes = [name for name in before.__dict__ if getattr(before, name) != getattr(merged, name)]
    if changes:
        merged.apply_to(article)
        article.language = item.language or language_of(merged.title, merged.body)
        if article.text_since != moment:
            # Seen twice in one file, it still gains one version.
            history.next_version(article, moment)
        article.save()
    return article, UPDATED if changes else UNCHANGED, changes
