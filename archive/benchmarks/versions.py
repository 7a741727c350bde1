"""What versions cost: pages of articles with a history, and an import that changes stored texts against one
that changes none, on a corpus `bench_import` made."""

import datetime
import time

from django.db import transaction
from django.db.models import F

from archive.importing.loader import import_file
from archive.index import changes, store
from archive.models import Article, ArticleVersion
from archive.models import versions as history
from archive.models.versions import article_route, version_url

SHARE = 10  # one article in ten has a history
START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def give_histories():
    """Give every tenth article 2 to 5 versions (earlier states with another title), once; return how many."""
    if ArticleVersion.objects.filter(number__gt=1).exists():
        return Article.objects.filter(version_count__gt=1).count()
    chosen = Article.objects.annotate(r=F("pk") % SHARE).filter(r=0).order_by("pk")
    with transaction.atomic(), changes.deferred():
        for start in range(0, chosen.count(), 1000):
            batch = list(chosen[start : start + 1000])
            for article in batch:
                for _ in range(2 + article.pk // SHARE % 4 - article.version_count):
                    history.next_version(article, START + datetime.timedelta(days=article.version_count))
                    history.keep([article], ArticleVersion.Cause.EDIT)
            Article.objects.bulk_update(batch, ["version_count", "text_since"])
            changes.record(article.pk for article in batch)
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
    then as many that bring them longer (each a new version); the read index's work included."""
    articles = list(Article.objects.filter(version_count=1).order_by("-pk")[: count * 2])
    same = [page_of(a, a.body.split("\n\n")[0]) for a in articles[:count]]
    longer = [page_of(a, f"{a.body}\n\nA later paragraph the saved page adds.") for a in articles[count:]]
    return {label: _timed(label, datas) for label, datas in (("unchanged", same), ("changed", longer))}


def _timed(label, datas):
    started = time.perf_counter()
    with changes.deferred():
        for number, data in enumerate(datas):
            result = import_file(f"bench-versions-{label}-{number}.txt", data)
            assert result.articles[0].status == ("updated" if label == "changed" else "unchanged"), result
    return (time.perf_counter() - started) * 1000 / len(datas)
