"""Sets: `person` and `topic`, and under them one set a person or topic, `person:<slug>` and `topic:<slug>`.

A set holds the articles a reader finds on that person's or topic's page: those with a public mention or tag, which
are exactly the persons and topics the read index keeps of each article. A set is therefore selected there, by one
term, however many articles the archive or the set holds.
"""

from archive.index import lookup
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
    """The ids of the articles in a set, from the read index; none for a set the archive does not have."""
    kind_spec, _, slug = spec.partition(":")
    if kind_spec not in {kind.name for kind in KINDS} or ":" in slug:
        return []
    # The index names its fields after the kinds' plural: persons, topics.
    return lookup.ids_with(f"{kind_spec}s", slug or None)


def of(article):
    """The setSpecs of an article fetched `with_subjects`: its leaf sets, the kind being implied by the hierarchy."""
    return [f"person:{m.person.slug}" for m in article.public_mentions] + [
        f"topic:{t.topic.slug}" for t in article.public_topics
    ]
