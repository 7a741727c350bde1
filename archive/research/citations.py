"""An article's citation, and its downloads in the formats reference managers import: BibTeX, RIS, CSL-JSON."""

import datetime
import json
import re
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseGone
from django.shortcuts import redirect
from django.utils import timezone

from archive.models.versions import version_url
from archive.serving.languages import permanent_addresses
from archive.serving.shortcuts import article_or_404

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


@dataclass(frozen=True)
class Citation:
    """What every format says about an article: the day, never a time, and the permanent URL.

    The pages carry no byline, so the author is the publication itself, as an organisation and never a personal
    name: Chicago puts an unsigned newspaper article under the paper's name, APA under a group author. Without
    one, the styles' substitution of the title for the author prints the title twice in citeproc-py.
    """

    key: str
    title: str
    published: datetime.date
    url: str
    accessed: datetime.date
    language: str
    abstract: str
    publication: str
    publisher: str
    # The text cited: "version 3 of 2026-12-02T14:53:00Z", and that version's own address; empty when none is kept.
    version: str = ""
    version_url: str = ""

    @classmethod
    def of(cls, article, request, version=None):
        """The article's citation, of the version given (whose page the reader sees) or else of its present text."""
        text = version or article
        number, since = (version.number, version.valid_from) if version else (article.version_count, article.text_since)
        cited = request.build_absolute_uri(version_url(article.published_date, article.slug, number)) if number else ""
        return cls(
            key=f"{article.slug}-{article.published_date:%Y-%m-%d}" + (f"-v{number}" if version else ""),
            title=text.title,
            published=text.published_date,
            url=cited if version else request.build_absolute_uri(article.get_absolute_url()),
            accessed=timezone.localdate(),
            language=text.language,
            abstract=text.summary,
            publication=settings.ARCHIVE_SITE_NAME,
            publisher=settings.ARCHIVE_PUBLISHER,
            version=f"version {number} of {since.astimezone(datetime.UTC):%Y-%m-%dT%H:%M:%SZ}" if number else "",
            version_url=cited,
        )

    @property
    def note(self):
        return f"The text of {self.version}: {self.version_url}"


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
        # Braced twice: a name BibTeX keeps whole, rather than splitting it into first and last names.
        ("author", "{{" + bibtex_text(citation.publication) + "}}"),
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
    if citation.version:
        fields += [("version", "{" + citation.version + "}"), ("note", "{" + bibtex_text(citation.note) + "}")]
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@article{{{citation.key},\n{body}\n}}\n"


def to_ris(citation):
    def line(tag, value):
        return f"{tag}  - {' '.join(value.split())}"

    lines = [
        line("TY", "NEWS"),
        line("AU", citation.publication),
        line("TI", citation.title),
        line("T2", citation.publication),
        line("JO", citation.publication),
        line("PB", citation.publisher),
        line("PY", str(citation.published.year)),
        line("DA", f"{citation.published:%Y/%m/%d}"),
        line("UR", citation.url),
        line("Y2", f"{citation.accessed:%Y/%m/%d}"),
        line("LA", citation.language),
        line("AB", citation.abstract),
        *([line("ET", citation.version), line("N1", citation.note)] if citation.version else []),
        line("ER", ""),
    ]
    return "\r\n".join(lines) + "\r\n"


def date_parts(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


def to_csl(citation):
    entry = {
        "id": citation.key,
        "type": "article-newspaper",
        # A literal name: an organisation's, which no style splits into given and family names.
        "author": [{"literal": citation.publication}],
        "title": citation.title,
        "container-title": citation.publication,
        "publisher": citation.publisher,
        "issued": date_parts(citation.published),
        "accessed": date_parts(citation.accessed),
        "URL": citation.url,
        "language": citation.language,
        "abstract": citation.abstract,
    }
    if citation.version:
        entry |= {"version": citation.version, "note": citation.note}
    return [entry]


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
    with permanent_addresses():
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


def version_cite_url(article, number, kind):
    with permanent_addresses():
        return f"{version_url(article.published_date, article.slug, number)}cite.{kind}"


def cite_version(request, year, month, day, slug, number, kind):
    """Serve one citation file of a version; 410 for a version hidden from the public."""
    article, moved = article_or_404(year, month, day, slug)
    if moved:
        return redirect(version_cite_url(article, number, kind), permanent=True)
    # A number no column holds is no version's, rather than an error of the database.
    version = article.versions.filter(number=number).first() if number < 2**31 else None
    if version is None:
        raise Http404("No such version")
    if version.hidden:
        return HttpResponseGone("This version is withdrawn.\n", content_type="text/plain; charset=utf-8")
    media_type, render = FORMATS[kind]
    response = HttpResponse(render(Citation.of(article, request, version)), content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{article.slug}-v{number}.{kind}"'
    return response
