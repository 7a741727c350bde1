"""Articles read from the database as the index needs them, a batch at a time, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Q

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
    summary: str
    updated_at: object
    # Public persons and topics in their order, as (slug, name, name_ru).
    persons: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    # Every spelling of the persons it is about, so that any of them finds it.
    names: list = field(default_factory=list)
    # Ids of its similar items in page order, and of the leads that list it.
    related: list = field(default_factory=list)
    listed_under: list = field(default_factory=list)
    # The archive's own suggestions (`suggestions`): alike articles of its language, counterparts in the other,
    # and the weighted terms they were found by.
    suggested: list = field(default_factory=list)
    counterparts: list = field(default_factory=list)
    vector: dict = field(default_factory=dict)

    @property
    def lead(self):
        return bool(self.related)


COLUMNS = [
    *("pk", "title", "slug", "published_date", "published_time", "language"),
    *("photo_caption", "body", "summary", "updated_at"),
]


def rows(articles, span=None):
    """ArticleRows of an Article queryset, with the persons, topics and links of each: four queries.

    With `span`, (first, last), the queryset is every article between those ids, and the rows that belong to them
    are asked for by that range rather than by a list of thousands of ids, whose every parameter Django prepares.
    The body is indexed as its Markdown source: the tokenizer drops the punctuation Markdown adds.
    """
    found = {values[0]: ArticleRow(*values) for values in articles.values_list(*COLUMNS)}
    if not found:
        return []
    ids = list(found)
    spellings = _spellings(_of("mentions__article_id", ids, span))
    mentions = Mention.objects.filter(_of("article_id", ids, span), decision__in=PUBLIC_DECISIONS).order_by(
        "position", "pk"
    )
    for article_id, person_id in mentions.values_list("article_id", "person_id"):
        slug, name_ru, names = spellings[person_id]
        found[article_id].persons.append((slug, names[0], name_ru))
        found[article_id].names.extend(names)
    tags = ArticleTopic.objects.filter(_of("article_id", ids, span), decision__in=PUBLIC_DECISIONS).order_by(
        "position", "pk"
    )
    for article_id, *topic in tags.values_list("article_id", "topic__slug", "topic__name", "topic__name_ru"):
        found[article_id].topics.append(tuple(topic))
    links = RelatedLink.objects.filter(_of("lead_id", ids, span) | _of("related_id", ids, span))
    links = links.order_by("lead_id", "position")
    for lead_id, related_id in links.values_list("lead_id", "related_id"):
        if lead_id in found:
            found[lead_id].related.append(related_id)
        if related_id in found:
            found[related_id].listed_under.append(lead_id)
    return list(found.values())


def _of(column, ids, span):
    if span is None:
        return Q(**{f"{column}__in": ids})
    return Q(**{f"{column}__gte": span[0], f"{column}__lte": span[1]})


def _spellings(of_articles):
    persons = Person.objects.filter(of_articles, mentions__decision__in=PUBLIC_DECISIONS).distinct()
    return {
        pk: (slug, name_ru, [name, *aliases])
        for pk, slug, name, name_ru, aliases in persons.values_list("pk", "slug", "name", "name_ru", "aliases")
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
        span = (batch[0], batch[-1])
        yield from rows(Article.objects.filter(pk__range=span), span)
        last = batch[-1]
