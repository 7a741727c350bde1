"""What the API answers, as Ninja schemas: they validate every response and make the OpenAPI schema."""

from ninja import Field, Schema

from archive.lists.limits import FACET_LIMIT

PUBLISHED = (
    "When it was published: ISO 8601 with the Minsk offset when the dateline had a time, the bare day when it had none."
)


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict, description="Each malformed parameter's messages.")


class SubjectRef(Schema):
    slug: str
    name: str
    url: str = Field(description="The page of this person or topic.")
    api_url: str


class ArticleRef(Schema):
    url: str = Field(description="The article's permanent page.")
    api_url: str
    title: str
    published: str = Field(description=PUBLISHED, examples=["2016-04-22T18:26:00+03:00", "2020-05-12"])
    language: str = Field(examples=["en", "ru", "be"])
    summary: str = Field(description="The first paragraph, as plain text.")


class ArticleItem(ArticleRef):
    persons: list[SubjectRef]
    topics: list[SubjectRef]


class Photo(Schema):
    caption: str
    credit: str
    agency: str


class Citations(Schema):
    bibtex: str
    ris: str
    csl_json: str


class Suggestions(Schema):
    more_on_this: list[ArticleRef] = Field(
        description="Up to five articles of the same language the archive finds alike, best first; never the "
        "article itself, an item the page lists or a lead listing it."
    )
    other_language: list[ArticleRef] = Field(
        description="The article about the same event in the other language (English or Russian), if the archive "
        "finds one."
    )


class ArticleOut(ArticleItem):
    body: str = Field(description="The text as Markdown, paragraphs separated by blank lines.")
    body_html: str = Field(description="The text as sanitised HTML, as the page shows it.")
    photo: Photo | None
    related: list[ArticleRef] = Field(description="The items the page lists as similar, in the page's order.")
    listed_under: list[ArticleRef] = Field(description="The lead commentaries that list this one, newest first.")
    suggestions: Suggestions = Field(
        description="What the archive itself suggests reading next, worked out from the texts, persons and topics: "
        "not part of the source's page, and never in the exports, citations or OAI-PMH records."
    )
    citations: Citations
    versions: str = Field(description="The API's list of the article's versions, every text it has had.")


class SubjectCount(Schema):
    slug: str
    name: str
    count: int


class YearCount(Schema):
    year: int
    count: int


class Facets(Schema):
    persons: list[SubjectCount] = Field(description=f"The {FACET_LIMIT} persons most present in the list, most first.")
    topics: list[SubjectCount] = Field(description=f"The {FACET_LIMIT} topics most present in the list, most first.")
    years: list[YearCount] = Field(description="Every year of the list with its articles, newest first.")


class ArticlePage(Schema):
    count: int = Field(description="How many articles the whole list has.")
    next: str | None = Field(
        description="The next page's address, or null on the last page. Follow it as given: its `cursor` is opaque, "
        "issued by the server and signed for this list's filters and order; any cursor the server did not issue "
        "for this list is a 400."
    )
    results: list[ArticleItem]
    facets: Facets


class CountedSubject(SubjectRef):
    description: str
    count: int = Field(description="How many articles are about this person or topic.")
    articles: str = Field(description="The API's list of these articles.")


class SubjectList(Schema):
    count: int
    results: list[CountedSubject]


class SubjectOut(CountedSubject):
    years: list[YearCount] = Field(description="Its articles per year, newest first.")
