"""What versions cost: pages of articles with a history, and an import that changes stored texts against one
that changes none, on a corpus `bench_import` made."""

import datetime
import time
from unittest import mock

from django.db import transaction
from django.db.models import F

from archive.importing.loader import import_file
from archive.index import recording, store
from archive.models import Article, ArticleVersion
from archive.models import versions as history
from archive.models.versions import article_route, version_url

SHARE = 10  # one article in ten is given a history
START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def give_histories():
    """Give every tenth article 2 to 5 versions (earlier states with another title), once; return how many articles
    have more than one, counting those an import gave a longer text."""
    if ArticleVersion.objects.filter(cause=ArticleVersion.Cause.EDIT).exists():
        return Article.objects.filter(version_count__gt=1).count()
    chosen = Article.objects.annotate(r=F("pk") % SHARE).filter(r=1).order_by("pk")
    with transaction.atomic(), recording.deferred():
        for start in range(0, chosen.count(), 1000):
            batch = list(chosen[start : start + 1000])
            for article in batch:
                for _ in range(2 + article.pk // SHARE % 4 - article.version_count):
                    history.next_version(article, START + datetime.timedelta(days=article.version_count))
                    history.keep([article], ArticleVersion.Cause.EDIT)
            Article.objects.bulk_update(batch, ["version_count", "text_since"])
            recording.record(article.pk for article in batch)
    store.catch_up()
    return Article.objects.filter(version_count__gt=1).count()


def pages():
    """The article page of a lead with a history, its first version, the comparison and the TimeMap."""
    lead = Article.objects.filter(version_count__gt=2, related_links__isnull=False).order_by("pk").first()
    plain = Article.objects.filter(version_count=1, related_links__isnull=False).order_by("pk").first()
    first = version_url(lead.published_date, lead.slug, 1)
    return [
        ("an article, no earlier version", plain.get_absolute_url()),
        (f"an article with {lead.version_count} versions", lead.get_absolute_url()),
        ("its first version", first),
        ("the comparison of its first and last", f"{first}compare/{lead.version_count}/"),
        ("its TimeMap", article_route("timemap", lead)),
    ]


def page_of(article, body):
    day = article.published_date
    dateline = f"{day:%Y-%m-%d}" + (f" {article.published_time:%H:%M}" if article.published_time else "")
    return f"{article.title}\n\n{dateline}\n\n{body}\n".encode()


def import_costs(count):
    """Milliseconds a page, importing `count` one-article pages that repeat stored texts shortened (no change),
    as many that bring them longer (each a new version), and as many again with the versions' writes left out,
    as the import was before versions; the read index's work included."""
    # Of more than one paragraph: the first alone, with the run's mark, must be shorter than the stored text.
    articles = Article.objects.filter(version_count=1, body__contains="\n\n").order_by("-pk")
    articles = list(articles[: count * 3])
    # A mark of this run in each page, so that a run after another imports its files rather than skip them.
    run = time.time_ns()
    same = [page_of(a, f"{a.body.split(chr(10))[0]} ({run})") for a in articles[:count]]
    longer = [page_of(a, f"{a.body}\n\nA later paragraph the saved page adds ({run}).") for a in articles[count:]]
    costs = {"unchanged": _timed("unchanged", same), "changed": _timed("changed", longer[:count])}
    with mock.patch.object(history, "keep"), mock.patch.object(history, "next_version"):
        costs["changed, no version kept"] = _timed("changed-unkept", longer[count:])
    return costs


def _timed(label, datas):
    started = time.perf_counter()
    with recording.deferred():
        for number, data in enumerate(datas):
            result = import_file(f"bench-versions-{label}-{number}.txt", data)
            assert result.articles[0].status == ("unchanged" if label == "unchanged" else "updated"), result
    return (time.perf_counter() - started) * 1000 / len(datas)
