"""What the article page shows around an article, read from index documents in two searches, not five queries."""

from dataclasses import dataclass

import tantivy

from archive.index import cards, documents, lookup, schema
from archive.models import Article


@dataclass(frozen=True)
class Surroundings:
    # The article's own card: what the page shows of its persons, topics and links.
    own: cards.Card
    related: list
    listed_under: list
    # The archive's own suggestions, apart from the source's links: "More on this" and the other language's.
    suggested: list
    counterparts: list
    previous: cards.Card | None
    next: cards.Card | None

    @property
    def stamp(self):
        """The digest of the article's own card."""
        return self.own.stamp


def of(article):
    """Its persons and topics, similar items in page order, the leads that list it (newest first), the archive's
    suggestions and its neighbours. The article is given its persons and topics as `public_mentions` and
    `public_topics`, as `with_subjects` would; Article.DoesNotExist when it is gone meanwhile.

    Kept for the generation, as a list's counts are: the four searches are what an article page asked the index
    again each time it was shown.
    """
    around = lookup.kept(("surroundings", article.pk), lambda: _read(article))
    article.public_mentions, article.public_topics = around.own.public_mentions, around.own.public_topics
    return around


def _read(article):
    """From the database instead when the index does not hold the article yet (another process is still applying
    its change): a page made then must be as complete as any other of its generation, which caches keep."""
    searcher = lookup.current_searcher()
    read = _from_index(searcher)
    own = read([article.pk]).get(article.pk)
    if own is None:
        read = _from_database
        own = read([article.pk]).get(article.pk)
        if own is None:
            raise Article.DoesNotExist(f"Article {article.pk} is gone")
    previous, following = lookup.neighbours(article)
    found = read([*own.related, *own.listed_under, *own.suggested, *own.counterparts, previous, following])
    leads = sorted((found[pk] for pk in own.listed_under if pk in found), key=_newest_first)
    return Surroundings(
        own=own,
        related=[found[pk] for pk in own.related if pk in found],
        listed_under=leads,
        suggested=[found[pk] for pk in own.suggested if pk in found],
        counterparts=[found[pk] for pk in own.counterparts if pk in found],
        previous=found.get(previous),
        next=found.get(following),
    )


def cards_of(ids):
    """{id: card} of these articles: from the index, or from the database for any the index does not hold yet;
    an article gone from both is left out."""
    found = _from_index(lookup.current_searcher())(ids)
    if missing := [pk for pk in ids if pk and pk not in found]:
        found |= _from_database(missing)
    return found


def _newest_first(card):
    return schema.sort_keys(card.published_date, card.published_time, card.slug)[1]


def _from_index(searcher):
    def read(ids):
        ids = [pk for pk in dict.fromkeys(ids) if pk]
        if not ids:
            return {}
        # A few term queries: a term set query on a number walks the whole column, a hundred times slower.
        any_of = [(tantivy.Occur.Should, tantivy.Query.term_query(schema.SCHEMA, "id", pk)) for pk in ids]
        hits = searcher.search(tantivy.Query.boolean_query(any_of), len(ids)).hits
        found = (cards.decode(searcher.doc(address)["card"][0]) for _, address in hits)
        return {card.pk: card for card in found}

    return read


def _from_database(ids):
    return {row.pk: cards.from_row(row) for row in documents.rows_for(pk for pk in ids if pk)}
