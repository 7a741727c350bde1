"""What the export tests share: the research archive's addresses, many more articles, and the exports read back."""

import csv
import datetime
import io

import lxml.html

from archive.models import Article

BASE = "http://testserver"
LEAD = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
RELATED = "/articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/"
DATELESS = "/articles/2020/05/12/opposition-leaders-the-vilnius-talks/"
RELATED_SUMMARY = (
    "Following crackdown and arrests of participants in the spring protests, the authorities resumed arrests as "
    "punishment for participating in street protests in addition to fines, which for some time were the only "
    "punishment for political activity. On September 22nd, 2017, the riot police detained the Belarusian National "
    "Congress leader Nikolai Statkevich, the opposition politician was placed in detention centre on Akrestin "
    "street. On the same day, after serving seven days of arrest, another BNC leader, Vladimir Neklyaev, was "
    "released. He was sentenced for organising a street protest on September 8th against the West-2017 exercises. "
    "Other participants in the protest have been fined too. The authorities are likely to continue to use fines "
    "and arrests against political activists to punish for their protest activity."
)


def add_articles(count):
    """Articles a day apart from 1 January 2010, enough to fill several pages of the list."""
    articles = []
    for number in range(count):
        article = Article(
            title=f"Weekly review {number}",
            slug=f"weekly-review-{number}",
            published_date=datetime.date(2010, 1, 1) + datetime.timedelta(days=number),
            body=f"Review number {number}.",
        )
        article.render()
        articles.append(article)
    Article.objects.bulk_create(articles)


def download(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def csv_rows(client, query=""):
    return list(csv.DictReader(io.StringIO(download(client, f"/articles/export.csv{query}"), newline="")))


def listed(client, query=""):
    """The permanent URLs the list page shows: the first link of each result."""
    response = client.get(f"/articles/{query}")
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.content)
    return [result.xpath(".//a/@href")[0] for result in doc.xpath("//main//article")]
