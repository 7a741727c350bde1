"""Persons and topics found in an article's text, and editors' decisions about them.

The tagger only ever writes rows it found itself (decision "found"): a row an editor confirmed, added or
rejected is never touched, so editors' decisions survive re-tagging and re-import.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F

from archive import gazetteer
from archive.models import ArticleTopic, Decision, Mention, Person, Topic, UnknownName


@dataclass(frozen=True)
class Change:
    article: object
    kind: str
    added: bool
    name: str

    def __str__(self):
        return f"{'+' if self.added else '-'} {self.kind} {self.name}: {self.article.title}"


def tag_articles(articles, created=()):
    """Find persons and topics in freshly imported or changed articles; `created` names those that are new."""
    if settings.ARCHIVE_TAG_AT_IMPORT:
        tag(articles, created=created)


def tag(articles, count_unknown=True, created=()):
    """Bring the found persons and topics of these articles up to date with the gazetteer; list what changed.

    count_unknown=False leaves the counts of unknown names alone, for articles whose names were counted before.
    Articles in `created` were made in this transaction, so none of their rows needs reading first.
    """
    articles = [article for article in articles if article.pk]
    if not articles:
        return []
    known = gazetteer.current()
    ids = [article.pk for article in articles if article.pk not in created]
    mentions, topics = defaultdict(dict), defaultdict(dict)
    if ids:
        for mention in Mention.objects.filter(article_id__in=ids):
            mentions[mention.article_id][mention.person_id] = mention
        for article_topic in ArticleTopic.objects.filter(article_id__in=ids):
            topics[article_topic.article_id][article_topic.topic_id] = article_topic

    writes, changes, unknown, examples = _Writes(), [], Counter(), {}
    for article in articles:
        scan = known.scan(article.title, article.body, article.photo_caption)
        found_topics = {pk: (position, False) for position, pk in enumerate(scan.topics)}
        changes += writes.reconcile(article, Mention, "person", mentions[article.pk], scan.persons, known.person_names)
        changes += writes.reconcile(article, ArticleTopic, "topic", topics[article.pk], found_topics, known.topic_names)
        for name in scan.unknown:
            unknown[name] += 1
            examples.setdefault(name, article)
    writes.save()
    if count_unknown:
        _count_unknown(unknown, examples)
    return changes


class _Writes:
    """The rows to create, update and delete, gathered so that a batch of articles costs a few queries."""

    def __init__(self):
        self.create, self.update, self.delete = defaultdict(list), defaultdict(list), defaultdict(list)

    def reconcile(self, article, model, kind, stored, found, names):
        changes = []
        for pk, (position, pictured) in found.items():
            row = stored.get(pk)
            fields = {"position": position, "pictured": pictured} if model is Mention else {"position": position}
            if row is None:
                self.create[model].append(model(article_id=article.pk, **{f"{kind}_id": pk}, **fields))
                changes.append(Change(article, kind, True, names[pk]))
            elif row.decision == Decision.FOUND and any(getattr(row, k) != v for k, v in fields.items()):
                for name, value in fields.items():
                    setattr(row, name, value)
                self.update[model].append(row)
        for pk, row in stored.items():
            if row.decision == Decision.FOUND and pk not in found:
                self.delete[model].append(row.pk)
                changes.append(Change(article, kind, False, names.get(pk) or str(pk)))
        return changes

    def save(self):
        for model, rows in self.create.items():
            model.objects.bulk_create(rows)
        for model, rows in self.update.items():
            model.objects.bulk_update(rows, ["position", "pictured"] if model is Mention else ["position"])
        for model, pks in self.delete.items():
            model.objects.filter(pk__in=pks).delete()


def _count_unknown(counts, examples):
    """Count each name once per article it was met in, keeping the first article as an example."""
    if not counts:
        return
    stored = {row.text: row for row in UnknownName.objects.filter(text__in=counts)}
    for text, row in stored.items():
        UnknownName.objects.filter(pk=row.pk).update(count=F("count") + counts[text])
    UnknownName.objects.bulk_create(
        [
            UnknownName(text=text, count=count, example=examples[text])
            for text, count in counts.items()
            if text not in stored
        ],
        ignore_conflicts=True,
    )


def restore(article, record):
    """Recreate an exported article's persons and topics exactly as the export states them."""
    mentions = [(entry, entry.get("decision", Decision.FOUND)) for entry in record.persons] + [
        (entry, Decision.REJECTED) for entry in record.persons_rejected
    ]
    for position, (entry, decision) in enumerate(mentions):
        person, _ = Person.objects.get_or_create(slug=entry["slug"], defaults={"name": entry["name"]})
        _restore_row(
            Mention, article, person=person, decision=decision, pictured=bool(entry.get("pictured")), position=position
        )
    topics = [(entry, entry.get("decision", Decision.FOUND)) for entry in record.topics] + [
        (entry, Decision.REJECTED) for entry in record.topics_rejected
    ]
    for position, (entry, decision) in enumerate(topics):
        topic, _ = Topic.objects.get_or_create(slug=entry["slug"], defaults={"name": entry["name"]})
        _restore_row(ArticleTopic, article, topic=topic, decision=decision, position=position)


def _restore_row(model, article, decision, position, **fields):
    """Write an exported row, unless an editor of this archive has already decided about it."""
    subject = {name: value for name, value in fields.items() if name in ("person", "topic")}
    row, created = model.objects.get_or_create(
        article=article, **subject, defaults={"decision": decision, "position": position, **fields}
    )
    if not created and row.decision == Decision.FOUND:
        for name, value in {"decision": decision, "position": position, **fields}.items():
            setattr(row, name, value)
        row.save()
