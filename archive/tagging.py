"""Persons and topics found in an article's text, and editors' decisions about them."""

from archive.models import ArticleTopic, Decision, Mention, Person, Topic


def tag_articles(articles):
    """Find persons and topics in freshly imported or changed articles."""


def restore(article, record):
    """Recreate an exported article's persons and topics exactly as the export states them."""
    mentions = [(entry, entry.get("decision", Decision.FOUND)) for entry in record.persons] + [
        (entry, Decision.REJECTED) for entry in record.persons_rejected
    ]
    for position, (entry, decision) in enumerate(mentions):
        person, _ = Person.objects.get_or_create(slug=entry["slug"], defaults={"name": entry["name"]})
        Mention.objects.update_or_create(
            article=article,
            person=person,
            defaults={"decision": decision, "pictured": bool(entry.get("pictured")), "position": position},
        )
    topics = [(entry, entry.get("decision", Decision.FOUND)) for entry in record.topics] + [
        (entry, Decision.REJECTED) for entry in record.topics_rejected
    ]
    for position, (entry, decision) in enumerate(topics):
        topic, _ = Topic.objects.get_or_create(slug=entry["slug"], defaults={"name": entry["name"]})
        ArticleTopic.objects.update_or_create(
            article=article, topic=topic, defaults={"decision": decision, "position": position}
        )
