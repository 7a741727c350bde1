"""Full-text search: an FTS5 table on SQLite, a tsvector table with a GIN index on PostgreSQL.

Each article has one index row holding its title, its photo caption with the names and aliases of the
persons it is about (so that any spelling of a name finds it), and its body as plain text. Readers' queries
are parsed here, never handed to the database's own query syntax, so quotes, `*` or a stray `(` cannot
raise: words, "quoted phrases", a trailing `*` for a prefix and `OR` between terms are understood, the rest
is ignored.
"""

import re
from dataclasses import dataclass
from itertools import islice

from django.db import connections
from django.db.models import Expression, F, FloatField, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from archive.models import PUBLIC_DECISIONS, Article, Mention
from archive.rendering import html_to_text

TABLE = "archive_search"
# Weights of the title, the caption-and-names column and the body when ranking.
WEIGHTS = (10.0, 5.0, 1.0)
BATCH = 500


@dataclass(frozen=True)
class Term:
    words: tuple
    prefix: bool = False


_TOKEN = re.compile(r'"(?P<phrase>[^"]*)"?|(?P<word>\w+)(?P<star>\*)?')
_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яёіў]", re.I)
# Inflectional endings, longest first, stripped from Russian words so that a prefix query finds every form.
_RUSSIAN_ENDINGS = (
    *("ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ах", "ях", "ов", "ев"),
    *("ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ых", "их"),
    *("а", "я", "о", "е", "у", "ю", "ы", "и", "ь", "й"),
)
_ENGLISH_ENDINGS = ("ing", "ed", "es", "s")


def parse(text):
    """Read a reader's query as groups that must all match, each a list of alternative terms."""
    groups, joined = [], False
    for match in _TOKEN.finditer(text or ""):
        if match["word"] in {"AND", "NOT"}:
            continue
        if match["word"] == "OR":
            joined = bool(groups)
            continue
        words = tuple(_WORD.findall(match["phrase"] or "") if match["word"] is None else [match["word"]])
        if not words:
            continue
        term = Term(words=tuple(w.casefold() for w in words), prefix=bool(match["star"]))
        if joined:
            groups[-1].append(term)
        else:
            groups.append([term])
        joined = False
    return groups


def stem(word):
    """Cut a common inflectional ending, keeping at least four letters of the word."""
    endings = _RUSSIAN_ENDINGS if _CYRILLIC.search(word) else _ENGLISH_ENDINGS
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


class _Backend:
    def __init__(self, connection):
        self.connection = connection


class SQLiteBackend(_Backend):
    """FTS5 with the Porter stemmer for English; Russian words are matched by their stem as a prefix."""

    hits_table = "temp.archive_search_hits"

    def create(self):
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, names, body, "
                "tokenize='porter unicode61 remove_diacritics 2')"
            )
            cursor.execute(
                f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON archive_article "
                f"BEGIN DELETE FROM {TABLE} WHERE rowid = old.id; END"
            )

    def drop(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_delete")
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def write(self, documents):
        with self.connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk, *_ in documents])
            cursor.executemany(f"INSERT INTO {TABLE} (rowid, title, names, body) VALUES (%s, %s, %s, %s)", documents)

    def expression(self, groups):
        def term(t):
            quoted = '"' + " ".join(t.words) + '"'
            if t.prefix:
                return quoted + "*"
            if len(t.words) == 1 and _CYRILLIC.search(t.words[0]):
                return '"' + stem(t.words[0]) + '"*'
            return quoted

        return " AND ".join("(" + " OR ".join(term(t) for t in group) + ")" for group in groups)

    def search(self, queryset, groups):
        # An FTS5 rank cannot be read from outside its own query, and a correlated subquery would rerun the
        # full-text query once per article. So the matches and their ranks are written, once per query, to a
        # table private to this connection, which the queryset then joins by primary key.
        query = self.expression(groups)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {self.hits_table} "
                "(query TEXT, article_id INTEGER, rank REAL, PRIMARY KEY (query, article_id)) WITHOUT ROWID"
            )
            cursor.execute(f"DELETE FROM {self.hits_table} WHERE query = %s", [query])
            cursor.execute(
                f"INSERT INTO {self.hits_table} (query, article_id, rank) "
                f"SELECT %s, rowid, -bm25({TABLE}, %s, %s, %s) FROM {TABLE} WHERE {TABLE} MATCH %s",
                [query, *WEIGHTS, query],
            )
        return queryset.filter(
            pk__in=RawSQL(f"SELECT article_id FROM {self.hits_table} WHERE query = %s", [query])
        ).annotate(
            search_rank=Rank(f"(SELECT rank FROM {self.hits_table} WHERE query = %s AND article_id = {{pk}})", [query])
        )


class PostgreSQLBackend(_Backend):
    """tsvector with the `russian` configuration, which stems Cyrillic words as Russian and Latin as English."""

    config = "russian"

    def create(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"CREATE TABLE {TABLE} (article_id bigint PRIMARY KEY, document tsvector NOT NULL)")
            cursor.execute(f"CREATE INDEX {TABLE}_document ON {TABLE} USING gin (document)")
            cursor.execute(
                f"CREATE FUNCTION {TABLE}_delete() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN DELETE FROM {TABLE} WHERE article_id = OLD.id; RETURN OLD; END $$"
            )
            cursor.execute(
                f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON archive_article "
                f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_delete()"
            )

    def drop(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_delete ON archive_article")
            cursor.execute(f"DROP FUNCTION IF EXISTS {TABLE}_delete()")
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def write(self, documents):
        vector = " || ".join(f"setweight(to_tsvector('{self.config}', %s), '{weight}')" for weight in ("A", "B", "D"))
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (article_id, document) VALUES (%s, {vector}) "
                "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document",
                documents,
            )

    def expression(self, groups):
        def term(t):
            quoted = " <-> ".join(f"'{word}'" for word in t.words)
            return quoted + ":*" if t.prefix else quoted

        return " & ".join("(" + " | ".join(term(t) for t in group) + ")" for group in groups)

    def search(self, queryset, groups):
        query = self.expression(groups)
        tsquery = f"to_tsquery('{self.config}', %s)"
        return queryset.filter(
            pk__in=RawSQL(f"SELECT article_id FROM {TABLE} WHERE document @@ {tsquery}", [query])
        ).annotate(
            search_rank=Rank(
                f"(SELECT ts_rank('{{0.1, 0.2, 0.5, 1.0}}', document, {tsquery}) FROM {TABLE} "
                "WHERE article_id = {pk})",
                [query],
            )
        )


BACKENDS = {"sqlite": SQLiteBackend, "postgresql": PostgreSQLBackend}


def backend(alias="default"):
    connection = connections[alias]
    return BACKENDS[connection.vendor](connection)


class Rank(Expression):
    """A relevance score computed by SQL that refers to the article's primary key as `{pk}`."""

    output_field = FloatField()

    def __init__(self, sql, params):
        super().__init__()
        self.sql, self.params, self.pk = sql, params, F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, expressions):
        (self.pk,) = expressions

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        return self.sql.replace("{pk}", pk_sql), [*self.params, *pk_params]


def search(queryset, text):
    """Narrow the articles to those matching a reader's query, annotated with `search_rank` (higher is better).

    A query with no words matches nothing.
    """
    groups = parse(text)
    if not groups:
        return queryset.annotate(search_rank=Value(0.0, output_field=FloatField())).none()
    return backend(queryset.db).search(queryset, groups)


def reindex(articles, using="default"):
    """Bring the index up to date for these articles (instances or primary keys), after an import or retag."""
    ids = iter([getattr(article, "pk", article) for article in articles])
    index = backend(using)
    while batch := list(islice(ids, BATCH)):
        index.write(documents(batch, using))


def documents(ids, using="default"):
    """The index rows of these articles: (id, title, caption and names, body text)."""
    names = {}
    mentions = Mention.objects.using(using).filter(article_id__in=ids, decision__in=PUBLIC_DECISIONS)
    for article_id, name, aliases in mentions.values_list("article_id", "person__name", "person__aliases"):
        names.setdefault(article_id, []).extend([name, *aliases])
    rows = Article.objects.using(using).filter(pk__in=ids).values_list("pk", "title", "photo_caption", "body_html")
    return [
        (pk, title, " ".join([caption, *names.get(pk, [])]).strip(), html_to_text(body_html))
        for pk, title, caption, body_html in rows
    ]


def highlighter(text):
    """A function that marks a query's words in a piece of text, for titles and snippets."""
    stems = {stem(word) for group in parse(text) for term in group for word in term.words}
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(stems, key=len, reverse=True))) + r")\w*", re.I)


def highlight(text, pattern):
    """Escape the text, then wrap the query's words in <mark>."""
    if pattern is None:
        return escape(text)
    parts, end = [], 0
    for match in pattern.finditer(text):
        parts += [escape(text[end : match.start()]), "<mark>", escape(match.group()), "</mark>"]
        end = match.end()
    parts.append(escape(text[end:]))
    return mark_safe("".join(parts))


def snippet(text, pattern, words=36):
    """About `words` words of the text around the first hit, marked; the opening words when nothing hits."""
    tokens = text.split()
    first = next((i for i, token in enumerate(tokens) if pattern and pattern.search(token)), 0)
    start = max(0, first - words // 3)
    window = " ".join(tokens[start : start + words])
    lead = "… " if start > 0 else ""
    tail = " …" if start + words < len(tokens) else ""
    return mark_safe(lead + highlight(window, pattern) + tail)
