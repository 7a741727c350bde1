"""What editors do to the gazetteer beyond editing a row: merge two persons, add a person from a name the tagger met."""

from collections import Counter

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _
from unidecode import unidecode

from archive.index import recording
from archive.models import Article, Decision, Mention, Person, UnknownName
from archive.models.transactions import tentative
from archive.subjects import gazetteer, tagging
from archive.text.identity import free_slug

RETAG_CHUNK = 500

# When both persons of a merge are in one article, the stronger decision is kept: an editor's word beats the tagger's.
PRECEDENCE = [Decision.ADDED, Decision.CONFIRMED, Decision.REJECTED, Decision.FOUND]


@transaction.atomic
def merge_persons(target, others):
    """Merge others into target: their mentions follow, their names and aliases become target's aliases.

    Returns the number of mentions that moved or were combined.
    """
    moved = 0
    for other in others:
        if other.pk == target.pk:
            continue
        shared = Mention.objects.filter(person=target).values("article_id")
        moved += Mention.objects.filter(person=other).exclude(article_id__in=shared).update(person=target)
        kept = {m.article_id: m for m in Mention.objects.filter(person=target, article_id__in=shared)}
        for mention in Mention.objects.filter(person=other):
            into = kept[mention.article_id]
            into.decision = min(into.decision, mention.decision, key=PRECEDENCE.index)
            into.pictured = into.pictured or mention.pictured
            into.position = min(into.position, mention.position)
            into.save(update_fields=["decision", "pictured", "position"])
            moved += 1
        target.aliases = list(dict.fromkeys([*target.aliases, other.name, *other.aliases]))
        target.description = target.description or other.description
        other.delete()
    # Saving the target records every article it is now in, those of the persons merged into it included.
    target.save()
    return moved


def articles_changed(article_ids):
    """What readers see of these articles changed behind the models' backs (bulk updates): their index
    documents hold their persons' names, and every cached page may show them."""
    recording.record(article_ids)


class AlreadyKnown(ValueError):
    pass


@transaction.atomic
def person_from_name(unknown):
    """Create a person from a name the tagger met, tag the articles that contain it and forget the name.

    Returns the person and the number of articles tagged again.
    """
    if known := gazetteer.current().lookup(unknown.text):
        names = ", ".join(sorted(Person.objects.filter(pk__in=known).values_list("name", flat=True)))
        raise AlreadyKnown(
            _("“%(name)s” is already a spelling of %(persons)s") % {"name": unknown.text, "persons": names}
        )
    base = slugify(unidecode(unknown.text)) or "person"
    slug = free_slug(base, lambda candidate: Person.objects.filter(slug=candidate).exists())
    person = Person.objects.create(slug=slug, name=unknown.text)
    return person, tag_articles_naming(person)


def tag_articles_naming(person):
    """Tag again the articles that spell a new person's name as given, and forget those names as unknown.

    Inflected forms are found by the next `retag` of the whole archive; this makes the common case visible at once.
    Returns the number of articles tagged again.
    """
    spellings = {person.name, *person.aliases}
    query = Q()
    for spelling in spellings:
        query |= Q(title__contains=spelling) | Q(body__contains=spelling) | Q(photo_caption__contains=spelling)
    articles = list(Article.objects.filter(query).only("pk", "title", "body", "photo_caption"))
    tagging.tag(articles, count_unknown=False)
    articles_changed(article.pk for article in articles)
    UnknownName.objects.filter(text__in=spellings).delete()
    return len(articles)


def retag_archive(*, dry_run=False, on_change=None):
    """Tag every article again with the current gazetteer, keeping what editors confirmed, added or rejected.

    Calls on_change with each change found; returns the number of articles and the changes counted by (kind,
    added). A dry run finds and counts them all, then keeps nothing.
    """
    counts, articles = Counter(), 0
    with tentative(keep=not dry_run):
        # Counts of unknown names are rebuilt from the whole archive; dismissed names stay dismissed.
        UnknownName.objects.update(count=0)
        for chunk in _article_chunks():
            articles += len(chunk)
            found = tagging.tag(chunk)
            for change in found:
                counts[change.kind, change.added] += 1
                if on_change is not None:
                    on_change(change)
            articles_changed({change.article.pk for change in found})
        UnknownName.objects.filter(count=0, dismissed=False).delete()
    return articles, counts


def _article_chunks():
    articles = Article.objects.only("pk", "title", "body", "photo_caption").order_by("pk")
    last = 0
    while chunk := list(articles.filter(pk__gt=last)[:RETAG_CHUNK]):
        yield chunk
        last = chunk[-1].pk
