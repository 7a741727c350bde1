"""The archive's one Markdown configuration, and the sanitiser every rendered body passes through."""

import html
import re
import threading

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

# A converter keeps the document it is converting in itself, so threads must not share one. One a thread, kept:
# making a new one for every body would add about an eighth to the time Markdown takes.
_converters = threading.local()
_first_paragraph = re.compile(r"<p>(.*?)</p>", re.S)
_tag = re.compile(r"<[^>]+>")

# One line of prose in which Markdown sees nothing but text.
_plain_paragraph = re.compile(r"(?![\d.]+[.)]\s|[-+=]|\s)[^\n\t\\`*_\[\]<>!#&]+(?<!\s)")
# Characters that start inline markup anywhere in a line.
_inline = re.compile(r"([\\`*_\[\]<>!#])")
# Entity-like text must stay literal, so its ampersand is escaped.
_entity = re.compile(r"&(?=#?\w+;)")
# What makes a line a list item, heading, quote or rule when it begins the line.
_block_start = re.compile(r"^(\d+)([.)])(\s)|^([-+])")


def escape_paragraph(text):
    """Return Markdown that renders as exactly this plain text, on one line."""
    text = text.strip()
    text = _entity.sub("&amp;", text)
    text = _inline.sub(lambda m: "&lt;" if m.group(1) == "<" else "\\" + m.group(1), text)
    return _block_start.sub(
        lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}" if m.group(1) else "\\" + m.group(4), text
    )


def paragraphs_to_markdown(paragraphs):
    return "\n\n".join(escape_paragraph(p) for p in paragraphs)


def markdown_to_html(source):
    """Render Markdown to HTML that is safe to show: nh3 removes whatever is not plain prose markup."""
    paragraphs = source.split("\n\n")
    if all(_plain_paragraph.fullmatch(p) for p in paragraphs):
        # Most imported bodies are prose without a single Markdown character; their rendering is known,
        # and skipping the Markdown parser makes bulk imports about twice as fast.
        rendered = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    else:
        rendered = _converter().reset().convert(source)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )


def _converter():
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = markdown.Markdown(extensions=[], output_format="html")
    return converter


def html_to_text(fragment):
    return html.unescape(_tag.sub("", fragment)).strip()


def first_paragraph_text(body_html):
    match = _first_paragraph.search(body_html)
    return html_to_text(match.group(1)) if match else html_to_text(body_html)
