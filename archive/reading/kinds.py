"""Persons and topics as the pages and the API show them: what differs between the two kinds."""

from dataclasses import dataclass

from archive.index.query import Filters
from archive.models import Person, Topic


@dataclass(frozen=True)
class Kind:
    """What differs between the person pages and the topic pages."""

    name: str
    model: type
    plural: str
    index_title: str
    field: str

    def filters(self, slug):
        return Filters(persons=(slug,)) if self.name == "person" else Filters(topics=(slug,))


PERSONS = Kind("person", Person, "people", "People", "persons")
TOPICS = Kind("topic", Topic, "topics", "Topics", "topics")
KINDS = (PERSONS, TOPICS)
