"""The labelled stories of fixtures/related/ imported into the test's archive, by their file's place in the set."""

from archive.importing.loader import import_file
from archive.models import Article
from tests.support.locations import ROOT

RELATED = ROOT / "fixtures" / "related"


def import_labelled_set():
    """{"<story>/<file>": Article} of every article of the set."""
    articles = {}
    for path in sorted(RELATED.glob("*/*.txt")):
        name = f"{path.parent.name}/{path.name}"
        result = import_file(name, path.read_bytes())
        assert result.status == "imported", result.error
        articles[name] = Article.objects.get(pk=result.articles[0].article_id)
    return articles
