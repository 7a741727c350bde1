"""An export record's values held to the columns they are written to, read from the models themselves.

A value too long is refused at its line, as any other bad value, while the file is being checked: PostgreSQL would
refuse it in the middle of writing, and SQLite would keep it whole, longer than the archive says it can be.
"""

from archive.models import Article, Person, SourceFile, Topic
from archive.text.identity import title_key

PHOTO = {"caption": "photo_caption", "credit": "photo_credit", "agency": "photo_agency"}
SUBJECTS = {"persons": Person, "topics": Topic, "persons_rejected": Person, "topics_rejected": Topic}


def problem(data, slug):
    """What in a record (its JSON object, the slug its URL gives) does not fit its column, or None."""
    title = data["title"]
    if found := _too_long(title, Article, "title", "the field 'title'"):
        return found
    if len(key := title_key(title)) > (most := _longest(Article, "title_key")):
        return f"the field 'title' is {len(key)} characters long once normalised for matching; at most {most} fit"
    checks = [
        (slug, Article, "slug", "the slug in 'url'"),
        *((value, Article, PHOTO[name], f"the {name} in 'photo'") for name, value in _photo(data).items()),
        *(
            (entry["name"], model, "name", f"the name in {field!r}")
            for field, model in SUBJECTS.items()
            for entry in data.get(field, [])
        ),
        *((entry["file"], SourceFile, "name", "the file in 'sources'") for entry in data.get("sources", [])),
    ]
    return next((found for check in checks if (found := _too_long(*check))), None)


def _photo(data):
    photo = data.get("photo") or {}
    return {name: photo[name] for name in PHOTO if name in photo}


def _too_long(value, model, field, what):
    if not isinstance(value, str):
        return f"{what} must be text"
    if len(value) > (most := _longest(model, field)):
        return f"{what} is {len(value)} characters long; at most {most} fit"
    return None


def _longest(model, field):
    return model._meta.get_field(field).max_length
