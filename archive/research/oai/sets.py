"""Sets: `person` and `topic`, and under them one set a person or topic, `person:<slug>` and `topic:<slug>`.

A set holds the articles a reader finds on that person's or topic's page: those with a public mention or tag.
"""

from dataclasses import dataclass

from archive.models import PUBLIC_DECISIONS, ArticleTopic, Mention, Person, Topic


@dataclass(frozen=True)
class Kind:
    spec: str
    name: str
    model: type
    through: type
    # The name of the person's or topic's rows in `through`, and of the person or topic in those rows.
    rows: str
    field: str


KINDS = (
    Kind("person", "Persons", Person, Mention, "mentions", "person"),
    Kind("topic", "Topics", Topic, ArticleTopic, "article_topics", "topic"),
)


def every_set():
    """[(setSpec, setName)]: each kind, then its persons or topics with at least one public article, by slug."""
    found = []
    for kind in KINDS:
        found.append((kind.spec, kind.name))
        tagged = kind.model.objects.filter(**{f"{kind.rows}__decision__in": PUBLIC_DECISIONS}).distinct()
        found += [(f"{kind.spec}:{slug}", name) for slug, name in tagged.order_by("slug").values_list("slug", "name")]
    return found


def members(spec):
    """The ids of the articles in a set; an empty set for a set the archive does not have."""
    kind_spec, _, slug = spec.partition(":")
    kind = next((kind for kind in KINDS if kind.spec == kind_spec), None)
    if kind is None or ":" in slug:
        return set()
    rows = kind.through.objects.filter(decision__in=PUBLIC_DECISIONS)
    if slug:
        rows = rows.filter(**{f"{kind.field}__slug": slug})
    return set(rows.values_list("article_id", flat=True))


def of(article):
    """The setSpecs of an article fetched `with_subjects`: its leaf sets, the kind being implied by the hierarchy."""
    return [f"person:{m.person.slug}" for m in article.public_mentions] + [
        f"topic:{t.topic.slug}" for t in article.public_topics
    ]
