"""The text format, as the parser reads it: the seed page, every edge case, every error."""

import datetime

import pytest

from archive.importing import parser
from archive.importing.parser import Dateline, ParseError, Photo, decode, parse_dateline, parse_page, parse_photo
from archive.models import Article
from archive.text.rendering import html_to_text, markdown_to_html, paragraphs_to_markdown
from tests.support.locations import PAGES, SEEDS


def parse_file(path):
    return parse_page(decode(path.read_bytes()))


@pytest.fixture
def seed():
    return parse_file(next(SEEDS.glob("*.txt")))


def test_seed_lead_has_its_title_dateline_and_six_paragraphs(seed):
    assert seed.lead.title == "Lukashenko aspires to be in the Russo-American conflict’s epicenter"
    assert seed.lead.dateline == Dateline(datetime.date(2016, 4, 22), datetime.time(18, 26))
    assert len(seed.lead.paragraphs) == 6
    assert seed.lead.paragraphs[0].startswith("On February 21st, at a meeting with KGB Chairman Vladimir Vakulchik")
    assert seed.lead.paragraphs[-1].endswith("depends on the outcomes of negotiations in St. Petersburg.")
    assert seed.lead.photo is None


def test_seed_similar_item_has_its_caption_split_into_caption_credit_and_agency(seed):
    assert len(seed.related) == 1
    item = seed.related[0]
    assert item.title == "Belarusian authorities resumed arrests of opposition"
    assert item.dateline == Dateline(datetime.date(2017, 9, 25), datetime.time(11, 14))
    assert item.photo == Photo(caption="Николай Статкевич", credit="Дмитрий Брушко", agency="TUT.BY")
    assert len(item.paragraphs) == 1
    assert item.paragraphs[0].startswith("Following crackdown and arrests of participants in the spring protests")


def test_seed_lines_are_numbered_from_the_file(seed):
    assert seed.lead.line == 1
    assert seed.related[0].line == 19


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("April 22, 2016 18:26", Dateline(datetime.date(2016, 4, 22), datetime.time(18, 26))),
        ("April 22, 2016", Dateline(datetime.date(2016, 4, 22))),
        ("22 апреля 2016 18:26", Dateline(datetime.date(2016, 4, 22), datetime.time(18, 26))),
        ("12 мая 2020", Dateline(datetime.date(2020, 5, 12))),
        ("2016-04-22 18:26", Dateline(datetime.date(2016, 4, 22), datetime.time(18, 26))),
        ("2016-04-22", Dateline(datetime.date(2016, 4, 22))),
        ("  September 5, 2017 09:05  ", Dateline(datetime.date(2017, 9, 5), datetime.time(9, 5))),
    ],
)
def test_datelines_in_english_russian_and_iso_with_or_without_time(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "June 2020 was the month when the campaign began.",
        "2016 was a quiet year.",
        "May 9 parades are a tradition",
        "April 22, 2016 was a Friday",
        "22 апреля 2016 года состоялась встреча",
        "Smarch 22, 2016",
    ],
)
def test_a_line_that_merely_begins_with_a_month_or_year_is_not_a_dateline(line):
    assert parse_dateline(line) is None


def test_russian_page_with_caption_and_a_similar_item_without_time():
    page = parse_file(PAGES / "russian_dateline.txt")
    assert page.lead.title == "Белорусские власти возобновили аресты оппозиции"
    assert page.lead.dateline == Dateline(datetime.date(2017, 9, 25), datetime.time(11, 14))
    assert page.lead.photo == Photo(caption="Николай Статкевич", credit="Дмитрий Брушко", agency="TUT.BY")
    assert page.lead.paragraphs == ("После разгона весенних протестов власти возобновили аресты.",)
    assert [(item.title, item.dateline) for item in page.related] == [
        ("Лукашенко и Запад", Dateline(datetime.date(2020, 5, 12)))
    ]


def test_iso_datelines_and_an_item_whose_text_follows_its_dateline_directly():
    page = parse_file(PAGES / "iso_datelines.txt")
    assert page.lead.dateline == Dateline(datetime.date(2016, 4, 22), datetime.time(18, 26))
    assert page.related[0].dateline == Dateline(datetime.date(2016, 4, 20))
    assert page.related[0].paragraphs == ("Second item's only paragraph.",)


def test_a_page_without_similar_articles_keeps_body_lines_that_begin_with_a_month_or_year():
    page = parse_file(PAGES / "no_similar.txt")
    assert page.related == ()
    assert page.lead.dateline == Dateline(datetime.date(2016, 4, 22))
    assert page.lead.paragraphs == (
        "June 2020 was the month when the campaign began.",
        "2016 was a quiet year. This line begins with a year but is body text.",
        "May 9 parades are a tradition, and this line begins with a month.",
    )


def test_wrapped_paragraphs_join_and_the_marker_ignores_case_and_spaces():
    page = parse_file(PAGES / "wrapped.txt")
    assert page.lead.paragraphs == (
        "This paragraph was typed by an editor and wrapped over three lines in a plain text editor.",
        "A second paragraph after two blank lines.",
    )
    assert [item.title for item in page.related] == ["A related item with a wrapped paragraph", "A second related item"]
    assert page.related[0].photo == Photo(caption="", credit="Jane Doe", agency="Reuters")
    assert page.related[0].paragraphs == ("The related item's text continues here.",)
    assert page.related[1].paragraphs == ("Shortened text.",)


def test_english_photo_marker_and_an_agency_after_the_last_comma():
    page = parse_file(PAGES / "english_photo.txt")
    assert page.lead.photo == Photo(caption="Alexander Lukashenko", credit="John Smith, Jr.", agency="Associated Press")
    assert page.lead.paragraphs == ("The lead carries its own photo caption.",)


def test_a_credit_without_a_comma_has_no_agency():
    assert parse_photo("Фото: Дмитрий Брушко") == Photo(caption="", credit="Дмитрий Брушко", agency="")


@pytest.mark.parametrize(
    "transform",
    [
        lambda data: data.replace(b"\n", b"\r\n"),
        lambda data: b"\xef\xbb\xbf" + data,
        lambda data: data.rstrip(b"\n"),
        lambda data: b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n").rstrip(b"\r\n"),
    ],
    ids=["crlf", "byte-order-mark", "no-final-newline", "all-three"],
)
def test_line_endings_byte_order_mark_and_missing_final_newline_change_nothing(transform):
    original = (PAGES / "wrapped.txt").read_bytes()
    assert parse_page(decode(transform(original))) == parse_page(decode(original))


def test_markup_in_a_page_is_kept_as_the_authors_text():
    page = parse_file(PAGES / "markup.txt")
    assert page.lead.title == 'Markup <script>alert("title")</script> & *stars*'
    html = markdown_to_html(paragraphs_to_markdown(page.lead.paragraphs))
    assert "<script" not in html
    assert "<h1" not in html and "<ol" not in html and "<a " not in html and "<code" not in html
    assert [html_to_text(p) for p in html.split("\n")] == list(page.lead.paragraphs)


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("error_no_title.txt", "the page has no title: its first line is a dateline", 1),
        (
            "error_no_dateline.txt",
            "the lead's title must be followed by its dateline; found 'A paragraph where the dateline should be.'",
            3,
        ),
        (
            "error_impossible_date.txt",
            "'February 30, 2016 18:26' is not a real date and time (day is out of range for month)",
            3,
        ),
        ("error_not_utf8.txt", "the text is not valid UTF-8 (byte 46)", 5),
        ("error_binary.txt", "the file is binary, not text", None),
        ("error_empty.txt", "the file is empty", None),
    ],
)
def test_errors_say_why_and_where(name, message, line):
    with pytest.raises(ParseError) as error:
        parse_file(PAGES / name)
    assert (error.value.message, error.value.line) == (message, line)


def test_a_file_of_blank_lines_is_empty():
    with pytest.raises(ParseError, match="the file is empty"):
        parse_page(decode(b"\xef\xbb\xbf\r\n  \r\n"))


def test_text_under_similar_articles_that_is_no_item_is_an_error():
    text = (
        "Title\n\nApril 22, 2016\n\nBody.\n\nSimilar articles\n\nA stray line\n\nTitle two\nApril 21, 2016\n\nText.\n"
    )
    with pytest.raises(ParseError) as error:
        parse_page(text)
    assert error.value.line == 9
    assert "found 'A stray line'" in error.value.message


LONGEST_TITLE = "Lukashenko " + "и" * 489


def test_a_title_of_the_longest_length_the_archive_keeps_is_read_whole():
    page = parse_page(f"{LONGEST_TITLE}\n\nApril 22, 2016\n\nBody.\n")
    assert (len(LONGEST_TITLE), page.lead.title) == (500, LONGEST_TITLE)


def test_a_lead_title_longer_than_the_archive_keeps_is_an_error_at_its_line():
    with pytest.raises(ParseError) as error:
        parse_page(f"\n\n{LONGEST_TITLE}!\n\nApril 22, 2016\n\nBody.\n")
    assert (error.value.message, error.value.line) == ("the title is 501 characters long; at most 500 are kept", 3)


def test_a_similar_item_title_longer_than_the_archive_keeps_is_an_error_at_its_line():
    text = f"Title\n\nApril 22, 2016\n\nBody.\n\nSimilar articles\n\n{'x' * 700}\nApril 21, 2016\n\nText.\n"
    with pytest.raises(ParseError) as error:
        parse_page(text)
    assert (error.value.message, error.value.line) == ("the title is 700 characters long; at most 500 are kept", 9)


def test_a_photo_agency_longer_than_the_archive_keeps_is_an_error_at_its_line():
    text = f"Title\n\nApril 22, 2016\n\nLukashenko. Photo: Sergei Grits, {'A' * 201}\n\nBody.\n"
    with pytest.raises(ParseError) as error:
        parse_page(text)
    assert (error.value.message, error.value.line) == (
        "the photo agency is 201 characters long; at most 200 are kept",
        5,
    )


def test_the_parsers_limits_are_the_lengths_the_archive_stores():
    fields = {field.name: field.max_length for field in Article._meta.fields}
    assert (fields["title"], fields["photo_agency"]) == (parser.TITLE_MAX, parser.AGENCY_MAX)
    assert (fields["photo_caption"], fields["photo_credit"], parser.PHOTO_LINE_MAX) == (500, 300, 300)
