"""The archive's data: articles, who and what they are about, how they link, where they came from."""

from archive.models.articles import (
    MINSK,
    Article,
    ArticleQuerySet,
    RelatedLink,
    SlugRedirect,
    article_url,
    published_moment,
)
from archive.models.changes import Change
from archive.models.jobs import ImportJob, JobRejection, WorkerHeartbeat
from archive.models.sources import ArticleSource, SourceFile
from archive.models.subjects import (
    KINDS,
    PERSONS,
    PUBLIC_DECISIONS,
    TOPICS,
    ArticleTopic,
    Decision,
    DecisionQuerySet,
    Kind,
    Mention,
    Person,
    Topic,
    UnknownName,
    subject_prefetches,
    subject_url,
)
from archive.models.suggestions import HiddenSuggestion, hidden_pairs
from archive.models.versions import ArticleVersion

__all__ = [
    "KINDS",
    "MINSK",
    "PERSONS",
    "PUBLIC_DECISIONS",
    "TOPICS",
    "Article",
    "ArticleQuerySet",
    "ArticleSource",
    "ArticleTopic",
    "ArticleVersion",
    "Change",
    "Decision",
    "DecisionQuerySet",
    "HiddenSuggestion",
    "ImportJob",
    "JobRejection",
    "Kind",
    "Mention",
    "Person",
    "RelatedLink",
    "SlugRedirect",
    "SourceFile",
    "Topic",
    "UnknownName",
    "WorkerHeartbeat",
    "article_url",
    "hidden_pairs",
    "published_moment",
    "subject_prefetches",
    "subject_url",
]
