"""An article's citation, and its downloads in the formats reference managers import: BibTeX, RIS, CSL-JSON."""

import datetime
import json
import re
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from archive.serving.shortcuts import article_or_404

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


@dataclass(frozen=True)
class Citation:
    """What every format says about an article: the day, never a time, and the permanent URL."""

    key: str
    title: str
    published: datetime.date
    url: str
    accessed: datetime.date
    language: str
    abstract: str
    publication: str
    publisher: str

    @classmethod
    def of(cls, article, request):
        return cls(
            key=f"{article.slug}-{article.published_date:%Y-%m-%d}",
            title=article.title,
            published=article.published_date,
            url=request.build_absolute_uri(article.get_absolute_url()),
            accessed=timezone.localdate(),
            language=article.language,
            abstract=article.summary,
            publication=settings.ARCHIVE_SITE_NAME,
            publisher=settings.ARCHIVE_PUBLISHER,
        )


def bibtex_text(value):
    return BIBTEX_SPECIAL.sub(lambda m: BIBTEX_ESCAPES.get(m.group(), "\\" + m.group()), " ".join(value.split()))


def to_bibtex(citation):
    """A newspaper article as BibLaTeX has one, readable by BibTeX too.

    Neither format has a newspaper type. BibLaTeX's `@article` covers newspapers, with the paper in `journaltitle`,
    and `entrysubtype = {newspaper}` tells the styles that cite newspapers differently (biblatex-apa among them).
    BibTeX's styles ignore the fields they do not know and print `journal`, which comes first because Zotero's
    importer takes a `journal` that follows a `journaltitle` for an abbreviation. `@misc` would lose the paper's
    name in most styles, and Zotero's importer reads it as a book. No BibTeX importer makes a newspaper article of
    any entry (Zotero's makes this one a journal article); the RIS and CSL-JSON downloads say newspaper outright.
    """
    fields = [
        ("title", "{" + bibtex_text(citation.title) + "}"),
        ("journal", "{" + bibtex_text(citation.publication) + "}"),
        ("journaltitle", "{" + bibtex_text(citation.publication) + "}"),
        ("entrysubtype", "{newspaper}"),
        ("publisher", "{" + bibtex_text(citation.publisher) + "}"),
        ("date", "{" + citation.published.isoformat() + "}"),
        ("year", "{" + str(citation.published.year) + "}"),
        # The standard month macro, so that every BibTeX style prints the month in its own language and form.
        ("month", MONTHS[citation.published.month - 1]),
        ("url", "{" + citation.url + "}"),
        ("urldate", "{" + citation.accessed.isoformat() + "}"),
        ("language", "{" + citation.language + "}"),
        ("abstract", "{" + bibtex_text(citation.abstract) + "}"),
    ]
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@article{{{citation.key},\n{body}\n}}\n"


def to_ris(citation):
    def line(tag, value):
        return f"{tag}  - {' '.join(value.split())}"

    lines = [
        line("TY", "NEWS"),
        line("TI", citation.title),
        line("T2", citation.publication),
        line("PB", citation.publisher),
        line("PY", str(citation.published.year)),
        line("DA", f"{citation.published:%Y/%m/%d}"),
        line("UR", citation.url),
        line("Y2", f"{citation.accessed:%Y/%m/%d}"),
        line("LA", citation.language),
        line("AB", citation.abstract),
        line("ER", ""),
    ]
    return "\r\n".join(lines) + "\r\n"


def date_parts(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


def to_csl(citation):
    return [
        {
            "id": citation.key,
            "type": "article-newspaper",
            "title": citation.title,
            "container-title": citation.publication,
            "publisher": citation.publisher,
            "issued": date_parts(citation.published),
            "accessed": date_parts(citation.accessed),
            "URL": citation.url,
            "language": citation.language,
            "abstract": citation.abstract,
        }
    ]


FORMATS = {
    "bib": ("application/x-bibtex", to_bibtex),
    "ris": ("application/x-research-info-systems", to_ris),
    "json": (
        "application/vnd.citationstyles.csl+json",
        lambda citation: json.dumps(to_csl(citation), ensure_ascii=False, indent=2) + "\n",
    ),
}


def cite_url(article, kind):
    # The citation's address is the article's with the file name after it (archive/urls.py).
    return f"{article.get_absolute_url()}cite.{kind}"


def cite(request, year, month, day, slug, kind):
    """Serve one citation file; under a former slug, send the reader to the article's current one."""
    article, moved = article_or_404(year, month, day, slug)
    if moved:
        return redirect(cite_url(article, kind), permanent=True)
    media_type, render = FORMATS[kind]
    response = HttpResponse(render(Citation.of(article, request)), content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{article.slug}.{kind}"'
    return response
