"""How two sightings of the same article combine, so that the result never depends on import order.

Pure: it reads and sets an article's fields and touches no database.
"""

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Version:
    """What one source says about an article, in the fields that sources can disagree on."""

    title: str
    body: str
    published_time: object = None
    photo_caption: str = ""
    photo_credit: str = ""
    photo_agency: str = ""

    @classmethod
    def of(cls, article):
        return cls(
            title=article.title,
            body=article.body,
            published_time=article.published_time,
            photo_caption=article.photo_caption,
            photo_credit=article.photo_credit,
            photo_agency=article.photo_agency,
        )

    @property
    def photo(self):
        return (self.photo_caption, self.photo_credit, self.photo_agency)

    def apply_to(self, article):
        for name, value in self.__dict__.items():
            setattr(article, name, value)


def merge(stored: Version, incoming: Version) -> Version:
    """Combine two versions: the longer text wins, with its title; gaps are filled from the other.

    The rules are symmetric, which makes the archive independent of the order in which pages arrive; only
    when both texts are the same does the stored title stay, so that an editor's corrected title survives.
    """
    text_winner = incoming if (len(incoming.body), incoming.body) > (len(stored.body), stored.body) else stored
    times = [t for t in (stored.published_time, incoming.published_time) if t is not None]
    photo = max([stored.photo, incoming.photo], key=lambda p: (sum(1 for part in p if part), p))
    return replace(
        text_winner,
        published_time=min(times) if times else None,
        photo_caption=photo[0],
        photo_credit=photo[1],
        photo_agency=photo[2],
    )
