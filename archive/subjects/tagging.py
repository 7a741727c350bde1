"""Persons and topics found in an article's text, and editors' decisions about them.

The tagger only ever writes rows it found itself (decision "found"): a row an editor confirmed, added or
rejected is never touched, so editors' decisions survive re-tagging and re-import.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F

from archive.models import ArticleTopic, Decision, Mention, Person, Topic, UnknownName, bulk
from archive.subjects import gazetteer


@dataclass(frozen=True)
class TagChange:
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


# The columns of a row the tagger creates, in the order `_Writes.reconcile` gathers them.
CREATED_FIELDS = {
    Mention: ("article", "person", "decision", "position", "pictured"),
    ArticleTopic: ("article", "topic", "decision", "position"),
}


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
                self.create[model].append((article.pk, pk, Decision.FOUND.value, *fields.values()))
                changes.append(TagChange(article, kind, True, names[pk]))
            elif row.decision == Decision.FOUND and any(getattr(row, k) != v for k, v in fields.items()):
                for name, value in fields.items():
                    setattr(row, name, value)
                self.update[model].append(row)
        for pk, row in stored.items():
            if row.decision == Decision.FOUND and pk not in found:
                self.delete[model].append(row.pk)
                changes.append(TagChange(article, kind, False, names.get(pk) or str(pk)))
        return changes

    def save(self):
        for model, rows in self.create.items():
            bulk.insert(model, CREATED_FIELDS[model], rows)
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


def restore(pairs):
    """Recreate the persons and topics of exported articles exactly as the export states them.

    `pairs` holds (article, record) for a chunk of an export; the chunk costs a few queries however long it is.
    """
    mentions = [
        (article, entry, decision, position)
        for article, record in pairs
        for position, (entry, decision) in enumerate(_decided(record.persons, record.persons_rejected))
    ]
    topics = [
        (article, entry, decision, position)
        for article, record in pairs
        for position, (entry, decision) in enumerate(_decided(record.topics, record.topics_rejected))
    ]
    _restore_rows(Mention, "person", _subject_ids(Person, mentions), mentions)
    _restore_rows(ArticleTopic, "topic", _subject_ids(Topic, topics), topics)


def _decided(public, rejected):
    return [(entry, entry.get("decision", Decision.FOUND)) for entry in public] + [
        (entry, Decision.REJECTED) for entry in rejected
    ]


def _subject_ids(model, rows):
    """The id of each person or topic the rows name, by slug; one the archive lacks is made from the export."""
    names = {}
    for _, entry, _, _ in rows:
        names.setdefault(entry["slug"], entry["name"])
    ids = {slug: subject.pk for slug, subject in model.objects.in_bulk(names, field_name="slug").items()}
    for slug in [slug for slug in names if slug not in ids]:
        # One by one, and only for the few new ones: a save tells the gazetteer and the change log, which a
        # bulk_create would not; get_or_create also rides out another import making the same one meanwhile.
        ids[slug] = model.objects.get_or_create(slug=slug, defaults={"name": names[slug]})[0].pk
    return ids


def _restore_rows(model, kind, subject_ids, rows):
    """Write exported rows, except where an editor of this archive has already decided about them.

    Rows are taken in order as one `get_or_create` each would take them: a later row about the same article and
    subject overwrites an earlier one only while that one's decision is still "found".
    """
    stored = {
        (row.article_id, getattr(row, f"{kind}_id")): row
        # Without the default ordering, which joins the persons or topics only to sort by name.
        for row in model.objects.filter(article_id__in={article.pk for article, *_ in rows}).order_by()
    }
    columns = ["decision", "position", "pictured"] if model is Mention else ["decision", "position"]
    new, changed = {}, {}
    for article, entry, decision, position in rows:
        key = (article.pk, subject_ids[entry["slug"]])
        fields = {"decision": decision, "position": position}
        if model is Mention:
            fields["pictured"] = bool(entry.get("pictured"))
        row = new.get(key) or stored.get(key)
        if row is None:
            new[key] = model(article_id=key[0], **{f"{kind}_id": key[1]}, **fields)
        elif row.decision == Decision.FOUND:
            for name, value in fields.items():
                setattr(row, name, value)
            if key not in new:
                changed[key] = row
    model.objects.bulk_create(new.values())
    model.objects.bulk_update(changed.values(), columns)
