"""The stories of `benchmarks.stories` written into the database as articles with their persons and topics, so
that `rebuild_index` works out real suggestions: the saved pages' corpus shares its vocabulary across every
article, which leaves the suggestions nothing to find.

Plainly synthetic, for benchmarks only; it fills an empty database.
"""

import itertools

from django.db import transaction

from archive.models import Article, ArticleTopic, Mention, Person, Topic
from benchmarks import stories

BATCH = 2000


def fill(total):
    """Write `total` story articles; return how many were written."""
    persons = {slug: Person(slug=slug, name=name) for slug, name in stories.PERSONS}
    topics = {slug: Topic(slug=slug, name=name) for slug, name in stories.TOPICS}
    Person.objects.bulk_create(persons.values())
    Topic.objects.bulk_create(topics.values())
    persons = dict(Person.objects.filter(slug__in=persons).values_list("slug", "pk"))
    topics = dict(Topic.objects.filter(slug__in=topics).values_list("slug", "pk"))
    rows, written = stories.rows(total), 0
    while batch := list(itertools.islice(rows, BATCH)):
        with transaction.atomic():
            written += _write(batch, persons, topics)
    return written


def _write(rows, persons, topics):
    articles = []
    for row in rows:
        article = Article(
            title=row.title,
            slug=row.slug,
            published_date=row.published_date,
            language=row.language,
            body=row.body,
        )
        article.render()
        articles.append(article)
    Article.objects.bulk_create(articles)
    ids = dict(Article.objects.filter(slug__in=[row.slug for row in rows]).values_list("slug", "pk"))
    Mention.objects.bulk_create(
        Mention(article_id=ids[row.slug], person_id=persons[slug], position=position)
        for row in rows
        for position, (slug, _) in enumerate(row.persons)
    )
    ArticleTopic.objects.bulk_create(
        ArticleTopic(article_id=ids[row.slug], topic_id=topics[slug], position=position)
        for row in rows
        for position, (slug, _) in enumerate(row.topics)
    )
    return len(articles)
