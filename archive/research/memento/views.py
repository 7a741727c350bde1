"""An article's versions: their list, each one's page, a comparison of two, the TimeGate and the TimeMap.

Versions are read in two queries whatever their number: every one's number, moment and visibility, then the text
of the one shown. A hidden version's address answers 410 Gone: it existed, and is withdrawn.
"""

import datetime
import itertools
import json

from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from archive.models import ArticleVersion
from archive.research.memento import diff
from archive.research.memento.links import LINK_FORMAT, Relations, memento_datetime
from archive.serving.shortcuts import article_or_404


class Gone(Exception):
    """The version asked for is hidden from the public."""


def _moved(request, article, slug):
    """The same address under the article's current date and slug, as for the article's own page."""
    rest = request.path.split(f"/{slug}/", 1)[1]
    return redirect(article.get_absolute_url() + rest, permanent=True)


def _facts(version):
    """What a version says besides its title and text, as a reader compares it."""
    photo = ", ".join(part for part in (version.photo_credit, version.photo_agency) if part)
    return {
        _("Publication"): version.published.isoformat(),
        _("Language"): version.language,
        _("Photo"): " · ".join(part for part in (version.photo_caption, photo) if part) or _("none"),
    }


def _listed(article):
    """Every version's number, moment and visibility, oldest first, each knowing its article."""
    versions = list(article.versions.only("article", "number", "valid_from", "hidden").order_by("number"))
    for version in versions:
        version.article = article
    return versions


def _shown(article, versions, number):
    listed = next((version for version in versions if version.number == number), None)
    if listed is None:
        raise Http404("No such version")
    if listed.hidden:
        raise Gone
    version = ArticleVersion.objects.get(pk=listed.pk)
    version.article = article
    return version


def _gone(request, article):
    return render(request, "archive/version_gone.html", {"article": article}, status=410)


def version_list(request, year, month, day, slug):
    article, moved = article_or_404(year, month, day, slug)
    if moved:
        return _moved(request, article, slug)
    versions = _listed(article)
    if not versions:
        raise Http404("No versions kept")
    public = [version for version in versions if not version.hidden]
    return render(
        request,
        "archive/version_list.html",
        {"article": article, "versions": versions, "pairs": list(itertools.pairwise(public))},
    )


def version_detail(request, year, month, day, slug, number):
    article, moved = article_or_404(year, month, day, slug)
    if moved:
        return _moved(request, article, slug)
    versions = _listed(article)
    try:
        version = _shown(article, versions, number)
    except Gone:
        return _gone(request, article)
    public = [listed for listed in versions if not listed.hidden]
    relations = Relations(request, article, public)
    # Persons and topics are tagged on the present text, not kept with each version: a version's page does not
    # claim them in its metadata (and reads no mentions for it).
    article.public_mentions = article.public_topics = ()
    earlier = [listed for listed in public if listed.number < number]
    response = render(
        request,
        "archive/version_detail.html",
        {
            "article": article,
            "version": version,
            "version_url": relations.url(version),
            "current": number == article.version_count,
            "previous": earlier[-1] if earlier else None,
        },
    )
    response["Memento-Datetime"] = memento_datetime(version)
    response["Link"] = relations.memento_header(version)
    return response


def version_compare(request, year, month, day, slug, old, new):
    article, moved = article_or_404(year, month, day, slug)
    if moved:
        return _moved(request, article, slug)
    if old >= new:
        raise Http404("Compare an earlier version with a later one")
    versions = _listed(article)
    try:
        before, after = _shown(article, versions, old), _shown(article, versions, new)
    except Gone:
        return _gone(request, article)
    facts = zip(_facts(before).items(), _facts(after).values(), strict=True)
    return render(
        request,
        "archive/version_compare.html",
        {
            "article": article,
            "before": before,
            "after": after,
            "title": diff.words(before.title, after.title),
            "body": diff.words(before.body, after.body),
            "others": [(label, was, now) for (label, was), now in facts if was != now],
        },
    )


@csrf_exempt
@require_safe
def timegate(request, year, month, day, slug):
    """Redirect to the version in force at the Accept-Datetime asked for, the latest without one (RFC 7089 4.1).

    Not a page of `serving.public`: the answer depends on a request header the page cache and the ETag do not
    key on, so it is never kept there; caches in front keep it apart by its Vary header.
    """
    article, moved = article_or_404(year, month, day, slug)
    if moved:
        return _moved(request, article, slug)
    asked = request.headers.get("Accept-Datetime")
    moment = parse_http_date_safe(asked) if asked is not None else None
    if asked is not None and moment is None:
        response = HttpResponseBadRequest(
            "Accept-Datetime must be an HTTP date in GMT, e.g. Thu, 21 Apr 2016 15:30:00 GMT.\n",
            content_type="text/plain; charset=utf-8",
        )
    else:
        relations = _public_relations(request, article)
        chosen = relations.in_force_at(
            None if moment is None else datetime.datetime.fromtimestamp(moment, datetime.UTC)
        )
        response = HttpResponseRedirect(relations.url(chosen))
        response["Link"] = relations.gate_header(chosen)
    patch_vary_headers(response, ["accept-datetime"])
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


def _public_relations(request, article):
    public = [version for version in _listed(article) if not version.hidden]
    if not public:
        raise Http404("No versions kept")
    return Relations(request, article, public)


def timemap(request, year, month, day, slug):
    article, moved = article_or_404(year, month, day, slug)
    if moved:
        return _moved(request, article, slug)
    relations = _public_relations(request, article)
    return HttpResponse(relations.timemap(), content_type=f"{LINK_FORMAT}; charset=utf-8")


def timemap_json(request, year, month, day, slug):
    article, moved = article_or_404(year, month, day, slug)
    if moved:
        return _moved(request, article, slug)
    relations = _public_relations(request, article)
    return HttpResponse(json.dumps(relations.timemap_data(), indent=2) + "\n", content_type="application/json")
