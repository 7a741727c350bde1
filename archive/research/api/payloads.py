"""Articles, persons and topics as the API's JSON, every address absolute."""

import functools

from django.urls import reverse

from archive.research.citations import cite_url


def article_api_path(article):
    day = article.published_date
    return reverse(
        "api:article_detail",
        kwargs={"year": f"{day:%Y}", "month": f"{day:%m}", "day": f"{day:%d}", "slug": article.slug},
    )


@functools.lru_cache(maxsize=4096)
def subject_api_path(kind, slug):
    # A page of a hundred articles names a few hundred persons and topics, mostly the same ones.
    return reverse(f"api:{kind}_detail", kwargs={"slug": slug})


def article_ref(article, request):
    return {
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "api_url": request.build_absolute_uri(article_api_path(article)),
        "title": article.title,
        "published": article.published.isoformat(),
        "language": article.language,
        "summary": article.summary,
    }


def article_item(article, request):
    """A list's article, fetched `with_subjects`."""
    return {
        **article_ref(article, request),
        "persons": [subject_ref("person", mention.person, request) for mention in article.public_mentions],
        "topics": [subject_ref("topic", link.topic, request) for link in article.public_topics],
    }


def article_detail(article, around, request):
    """An article with what surrounds it (`surroundings.of`)."""
    return {
        **article_item(article, request),
        "body": article.body,
        "body_html": article.body_html,
        "photo": {"caption": article.photo_caption, "credit": article.photo_credit, "agency": article.photo_agency}
        if article.has_photo
        else None,
        "related": [article_ref(item, request) for item in around.related],
        "listed_under": [article_ref(lead, request) for lead in around.listed_under],
        "suggestions": {
            "more_on_this": [article_ref(item, request) for item in around.suggested],
            "other_language": [article_ref(item, request) for item in around.counterparts],
        },
        "citations": {
            name: request.build_absolute_uri(cite_url(article, kind))
            for name, kind in (("bibtex", "bib"), ("ris", "ris"), ("csl_json", "json"))
        },
        "versions": request.build_absolute_uri(f"{article_api_path(article)}versions/"),
    }


def subject_ref(kind, subject, request):
    return {
        "slug": subject.slug,
        "name": subject.name,
        "url": request.build_absolute_uri(subject.get_absolute_url()),
        "api_url": request.build_absolute_uri(subject_api_path(kind, subject.slug)),
    }


def counted_subject(kind, subject, count, request):
    """A person or topic with how many articles it has, and the API's list of them."""
    return {
        **subject_ref(kind, subject, request),
        "description": subject.description,
        "count": count,
        "articles": request.build_absolute_uri(f"{reverse('api:article_list')}?{kind}={subject.slug}"),
    }
