"""The one Markdown configuration: plain text shows exactly as written, and nothing unsafe survives."""

import sys
import threading

import markdown
import nh3
import pytest

from archive.text import rendering
from archive.text.rendering import escape_paragraph, html_to_text, markdown_to_html, paragraphs_to_markdown
from benchmarks import commentary
from benchmarks.synthetic import paragraphs

AWKWARD_TEXT = [
    "Hello <b>bold</b> & &amp; *star* _under_ [link](http://example.com) `code` \\ backslash",
    "1. not a list",
    "2016. A year, not a list item",
    "3) neither",
    "- not a bullet",
    "+ not a bullet",
    "# not a heading",
    "> not a quote",
    "---",
    "* * *",
    "<script>alert(1)</script>",
    "<http://example.com>",
    "&lt; stays an ampersand and lt",
    "&#39; stays too",
    "Q&A",
    "a_b_c and snake_case",
    "![not an image](x.png)",
    "Typographic “quotes”, ‘single’, dashes – and —, ellipsis…",
    "Кириллица: «ёлки» и №5",
    "Nonbreaking\xa0space",
]


@pytest.mark.parametrize("text", AWKWARD_TEXT)
def test_escaped_plain_text_renders_as_exactly_that_text(text):
    rendered = markdown_to_html(escape_paragraph(text))
    assert rendered.count("<p>") == 1
    assert html_to_text(rendered) == text


def test_paragraphs_stay_paragraphs():
    assert markdown_to_html(paragraphs_to_markdown(["One.", "Two *three*."])) == "<p>One.</p>\n<p>Two *three*.</p>"


def test_editors_markdown_renders_and_unsafe_markup_is_removed():
    source = "A [link](https://example.com) and **bold**.\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1))"
    assert markdown_to_html(source) == (
        '<p>A <a href="https://example.com" rel="nofollow noopener">link</a> and <strong>bold</strong>.</p>\n\n\n'
        '<p><a rel="nofollow noopener">bad</a></p>'
    )


def reference_rendering(source):
    """What the full Markdown parser makes of a source, sanitised the same way."""
    return nh3.clean(
        markdown.markdown(source),
        tags=rendering.ALLOWED_TAGS,
        attributes=rendering.ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )


SAMPLES = [*AWKWARD_TEXT, "12.", "1.5 million", "1.5. million", "a | b", "= eq", " leading", "trailing ", "x  y"]


@pytest.mark.parametrize("source", SAMPLES + [escape_paragraph(text) for text in SAMPLES])
def test_the_plain_prose_shortcut_renders_what_markdown_renders(source):
    for body in (source, f"{source}\n\n{source}"):
        assert markdown_to_html(body) == reference_rendering(body)


def test_the_plain_prose_shortcut_matches_markdown_on_synthetic_and_seed_like_bodies(seed_page_path):
    bodies = [paragraphs_to_markdown(paragraphs(number)) for number in range(50)]
    bodies += [paragraphs_to_markdown(commentary.article(number, commentary.LEAD).paragraphs) for number in range(50)]
    bodies.append(seed_page_path.read_text(encoding="utf-8").split("\n\n", 2)[2].split("Similar articles")[0].strip())
    for body in bodies:
        assert markdown_to_html(body) == reference_rendering(body)


@pytest.fixture
def eager_thread_switches():
    """Threads take turns every microsecond instead of every five milliseconds, so that they overlap in a test."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def test_bodies_rendered_at_once_in_several_threads_each_render_as_alone(eager_thread_switches):
    """A Markdown converter holds the document it converts: a shared one mixes up bodies converted together."""
    bodies = [
        f"Paragraph *{n}* with [a link][ref{n}] and `code {n}`.\n\n- item {n}\n- another\n\n[ref{n}]: https://example.org/{n}"
        for n in range(8)
    ]
    alone = [markdown_to_html(body) for body in bodies]
    results = [[] for _ in bodies]
    start = threading.Barrier(len(bodies))

    def render(number):
        start.wait()
        results[number] = {markdown_to_html(bodies[number]) for _ in range(200)}

    threads = [threading.Thread(target=render, args=(number,)) for number in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results == [{html} for html in alone]
    assert alone[3] == (
        '<p>Paragraph <em>3</em> with <a href="https://example.org/3" rel="nofollow noopener">a link</a> and '
        "<code>code 3</code>.</p>\n<ul>\n<li>item 3</li>\n<li>another</li>\n</ul>"
    )
