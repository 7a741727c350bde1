"""The suggestions' benchmark archive: generated stories written as articles the rebuild finds alike."""

from archive.index import store, surroundings
from archive.models import Article, ArticleTopic, Mention
from benchmarks import stories, story_archive


def test_the_filled_archive_holds_every_generated_article_with_its_persons_and_topics(db):
    rows = list(stories.rows(60))

    assert story_archive.fill(60) == 60
    assert Article.objects.count() == 60
    assert Mention.objects.count() == sum(len(row.persons) for row in rows)
    assert ArticleTopic.objects.count() == sum(len(row.topics) for row in rows)
    assert set(Article.objects.values_list("slug", flat=True)) == {row.slug for row in rows}


def test_a_rebuild_of_the_filled_archive_suggests_articles_of_the_same_story(db):
    story_archive.fill(10 * stories.STORY_SIZE)
    store.rebuild()
    # Each generated article's story follows from its number, which its slug keeps (the database's ids may not).
    story_of = {
        article.pk: int(article.slug.removeprefix("generated-")) // stories.STORY_SIZE
        for article in Article.objects.all()
    }
    found = {article.pk: surroundings.of(article).suggested for article in Article.objects.all()}

    assert sum(map(len, found.values())) >= 4 * len(found)
    assert all(story_of[card.pk] == story_of[pk] for pk, cards in found.items() for card in cards)
