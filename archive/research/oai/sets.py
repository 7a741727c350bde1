"""Sets: `person` and `topic`, and under them one set a person or topic, `person:<slug>` and `topic:<slug>`.

A set holds the articles a reader finds on that person's or topic's page: those with a public mention or tag.
"""

from archive.models import KINDS, PUBLIC_DECISIONS

SET_NAMES = {"person": "Persons", "topic": "Topics"}


def every_set():
    """[(setSpec, setName)]: each kind, then its persons or topics with at least one public article, by slug."""
    found = []
    for kind in KINDS:
        found.append((kind.name, SET_NAMES[kind.name]))
        tagged = kind.model.objects.filter(**{f"{kind.rows}__decision__in": PUBLIC_DECISIONS}).distinct()
        found += [(f"{kind.name}:{slug}", name) for slug, name in tagged.order_by("slug").values_list("slug", "name")]
    return found


def members(spec):
    """The ids of the articles in a set; an empty set for a set the archive does not have."""
    kind_spec, _, slug = spec.partition(":")
    kind = next((kind for kind in KINDS if kind.name == kind_spec), None)
    if kind is None or ":" in slug:
        return set()
    rows = kind.model._meta.get_field(kind.rows).related_model.objects.filter(decision__in=PUBLIC_DECISIONS)
    if slug:
        rows = rows.filter(**{f"{kind.name}__slug": slug})
    return set(rows.values_list("article_id", flat=True))


def of(article):
    """The setSpecs of an article fetched `with_subjects`: its leaf sets, the kind being implied by the hierarchy."""
    return [f"person:{m.person.slug}" for m in article.public_mentions] + [
        f"topic:{t.topic.slug}" for t in article.public_topics
    ]
