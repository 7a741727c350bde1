"""Which pages a benchmark command generates: shaped like the site's saved pages (`saved_pages`), or with
--five-article-pages the earlier corpus of five new articles a page (`synthetic`), on which the figures recorded
before the saved pages were measured. Both modules answer the same calls."""

from benchmarks import saved_pages, synthetic

FLAG = "--five-article-pages"


def add_argument(parser):
    parser.add_argument(
        FLAG,
        action="store_true",
        help="generate the earlier pages of five new articles each, plus the previous lead shortened, in place of "
        "pages shaped like saved pages",
    )


def chosen(five_article_pages):
    return synthetic if five_article_pages else saved_pages
