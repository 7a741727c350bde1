"""Public pages of the archive. They only read: GET and HEAD."""

from archive.reading.views.articles import article_detail, article_list
from archive.reading.views.dates import month_archive, year_archive
from archive.reading.views.home import home
from archive.reading.views.subjects import person_detail, person_list, topic_detail, topic_list

__all__ = [
    "article_detail",
    "article_list",
    "home",
    "month_archive",
    "person_detail",
    "person_list",
    "topic_detail",
    "topic_list",
    "year_archive",
]
