"""Articles read from the database as the index needs them, a batch at a time, in a fixed number of queries."""

from dataclasses import dataclass, field

from archive.models import PUBLIC_DECISIONS, Article, ArticleTopic, Mention, Person, RelatedLink

BATCH = 2000


@dataclass
class ArticleRow:
    pk: int
    title: str
    slug: str
    published_date: object
    published_time: object
    language: str
    photo_caption: str
    body: str
    lead: bool = False
    persons: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    # Every spelling of the persons it is about, so that any of them finds it.
    names: list = field(default_factory=list)


COLUMNS = ["pk", "title", "slug", "published_date", "published_time", "language", "photo_caption", "body"]


def rows(articles):
    """ArticleRows of an Article queryset, with the persons, topics and lead flag of each: four queries.

    The body is indexed as its Markdown source: the tokenizer drops the punctuation Markdown adds.
    """
    found = {values[0]: ArticleRow(*values) for values in articles.values_list(*COLUMNS)}
    if not found:
        return []
    ids = list(found)
    spellings = _spellings(ids)
    mentions = Mention.objects.filter(article_id__in=ids, decision__in=PUBLIC_DECISIONS).order_by("position", "pk")
    for article_id, person_id in mentions.values_list("article_id", "person_id"):
        slug, names = spellings[person_id]
        found[article_id].persons.append(slug)
        found[article_id].names.extend(names)
    tags = ArticleTopic.objects.filter(article_id__in=ids, decision__in=PUBLIC_DECISIONS).order_by("position", "pk")
    for article_id, slug in tags.values_list("article_id", "topic__slug"):
        found[article_id].topics.append(slug)
    for lead_id in RelatedLink.objects.filter(lead_id__in=ids).values_list("lead_id", flat=True).distinct():
        found[lead_id].lead = True
    return list(found.values())


def _spellings(ids):
    persons = Person.objects.filter(mentions__article_id__in=ids, mentions__decision__in=PUBLIC_DECISIONS).distinct()
    return {
        pk: (slug, [name, *aliases]) for pk, slug, name, aliases in persons.values_list("pk", "slug", "name", "aliases")
    }


def rows_for(ids):
    """ArticleRows of these article ids, in batches; ids of deleted articles are simply absent."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), BATCH):
        yield from rows(Article.objects.filter(pk__in=ids[start : start + BATCH]))


def all_rows():
    """Every article's ArticleRow, a batch of primary keys at a time, so memory stays flat."""
    last = 0
    while True:
        batch = list(Article.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:BATCH])
        if not batch:
            return
        yield from rows(Article.objects.filter(pk__gte=batch[0], pk__lte=batch[-1]))
        last = batch[-1]
