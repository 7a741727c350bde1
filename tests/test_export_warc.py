"""`manage.py export_warc`: a WARC holding every public page, the images they show and every static file exactly as
the site serves them, with a CDXJ index beside it, complete enough to replay an article page offline."""

import datetime
import io
import json
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from lxml import html
from PIL import Image
from warcio.archiveiterator import ArchiveIterator

from archive.admin import images
from archive.importing.loader import import_file
from archive.index import recording
from archive.models import Article, SourceFile
from archive.research.warc.pages import NOT_ARCHIVED
from tests.support import replay
from tests.support.research_archive import LEAD_TITLE, build_research_archive

BASE = "https://archive.example.org"
LEAD = "/articles/2016/04/22/lukashenko-aspires-to-be-in-the-russo-american-conflicts-epicenter/"
RELATED = "/articles/2017/09/25/belarusian-authorities-resumed-arrests-of-opposition/"
DATELESS = "/articles/2020/05/12/opposition-leaders-the-vilnius-talks/"
# The readers' pages, in English at these addresses and in Russian under /ru/.
READER_PAGES = [
    "/",
    "/articles/",
    "/people/",
    "/topics/",
    "/articles/2016/",
    "/articles/2016/04/",
    "/articles/2017/",
    "/articles/2017/09/",
    "/articles/2020/",
    "/articles/2020/05/",
    *(f"{article}{suffix}" for article in (LEAD, RELATED, DATELESS) for suffix in ("", "versions/", "versions/1/")),
    "/people/alexander-lukashenko/",
    "/people/alexander-lukashenko/feed.atom",
    "/people/nikolai-statkevich/",
    "/people/nikolai-statkevich/feed.atom",
    "/people/vladimir-putin/",
    "/people/vladimir-putin/feed.atom",
    "/topics/protests/",
    "/topics/protests/feed.atom",
    "/feeds/articles.atom",
]
PAGES = [
    *READER_PAGES,
    *(f"/ru{path}" for path in READER_PAGES),
    *(
        f"{article}{suffix}"
        for article in (LEAD, RELATED, DATELESS)
        for suffix in ("cite.bib", "cite.ris", "cite.json", "timemap/", "timemap.json")
    ),
    "/sitemap.xml",
    "/sitemap-articles.xml",
    "/sitemap-people.xml",
    "/sitemap-topics.xml",
    "/robots.txt",
]


@pytest.fixture
def site(transactional_db, django_db_serialized_rollback, settings, tmp_path):
    """The research archive, its lead pictured, its static files collected as a deployment collects them.

    Committed: the WSGI handler closes the database connection at the end of each request, as in production, which
    would end a test's transaction. What the database held before is put back afterwards, for the tests after.
    The read index is brought up to date once, after the last of the build's commits, not after each."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    with recording.deferred():
        archive = build_research_archive()
        buffer = io.BytesIO()
        Image.new("RGB", (600, 400), (200, 30, 30)).save(buffer, "JPEG")
        archive.lead.image.save("lead.jpg", SimpleUploadedFile("lead.jpg", buffer.getvalue()))
        Article.objects.filter(pk=archive.lead.pk).update(image_renditions=images.make_renditions(archive.lead.image))
    call_command("collectstatic", "--noinput", verbosity=0)
    return archive


@pytest.fixture
def exported(site, tmp_path, capsys):
    call_command("export_warc", "-o", str(tmp_path / "archive.warc.gz"), "--base-url", BASE)
    with open(tmp_path / "archive.warc.gz", "rb") as stream:
        records = [(record, record.content_stream().read()) for record in ArchiveIterator(stream)]
    return records, capsys.readouterr().out


def responses(exported):
    records, _ = exported
    return {
        record.rec_headers["WARC-Target-URI"]: (record, body)
        for record, body in records
        if record.rec_type == "response"
    }


def static_files(settings):
    return sorted(
        "/static/" + path.relative_to(settings.STATIC_ROOT).as_posix()
        for path in settings.STATIC_ROOT.rglob("*")
        if path.is_file()
    )


def served(url):
    """What the site serves for a URL, asked through Django's test client."""
    parts = urlsplit(url)
    response = Client().get(url.removeprefix(BASE), secure=True, headers={"host": parts.netloc})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return f"{response.status_code} {response.reason_phrase}", list(response.items()), body


def test_the_warc_holds_one_response_for_every_public_page_image_and_static_file(exported, settings):
    found = responses(exported)
    pictures = [r["url"] for r in Article.objects.get(title=LEAD_TITLE).image_renditions]

    assert sorted(found) == sorted(BASE + path for path in [*PAGES, *pictures, *static_files(settings)])
    # 480 and 600 pixels wide, as WebP and JPEG.
    assert len(pictures) == 4
    assert "/static/archive/css/site.css" in static_files(settings)
    folder = settings.STATIC_ROOT.parent
    assert exported[1] == (
        f"wrote {len(PAGES)} pages, 0 further list pages, 4 images, {len(static_files(settings))} static files to "
        f"{folder / 'archive.warc.gz'}, indexed in {folder / 'archive.cdxj'}\n"
    )


def test_the_warc_names_no_import_file_and_not_the_person_an_editor_rejected(exported):
    """Vladimir Putin is rejected on the dateless article only: its page, citations, versions and TimeMaps never
    name him."""
    found = responses(exported)
    traces = [value for source in SourceFile.objects.all() for value in (source.name, source.sha256)]
    dateless = [body for url, (_, body) in found.items() if url.startswith(BASE + DATELESS)]

    assert [trace for trace in traces if any(trace.encode() in body for _, body in found.values())] == []
    assert (len(traces), len(dateless), [body for body in dateless if b"Putin" in body]) == (4, 8, [])


def test_every_response_is_byte_for_byte_what_the_site_serves(exported, settings):
    settings.ALLOWED_HOSTS = ["archive.example.org"]
    for url, (record, body) in responses(exported).items():
        if urlsplit(url).path.startswith("/media/"):
            continue
        status, headers, content = served(url)

        assert record.http_headers.statusline == status, url
        assert record.http_headers.headers == headers, url
        assert body == content, url


def test_images_the_web_server_serves_are_the_uploaded_files_as_django_serves_them(exported, settings):
    pictures = {url: found for url, found in responses(exported).items() if urlsplit(url).path.startswith("/media/")}

    for url, (record, body) in pictures.items():
        assert body == (settings.MEDIA_ROOT / urlsplit(url).path.removeprefix("/media/")).read_bytes()
        assert record.http_headers.statusline == "200 OK"
        assert (
            record.http_headers.get_header("Content-Type") == f"image/{url.rpartition('.')[2].replace('jpg', 'jpeg')}"
        )
        assert record.http_headers.get_header("Content-Length") == str(len(body))
    assert len(pictures) == 4


def test_every_response_follows_its_request(exported):
    records, _ = exported
    requests = {
        record.rec_headers["WARC-Concurrent-To"]: record for record, _ in records if record.rec_type == "request"
    }

    assert records[0][0].rec_type == "warcinfo"
    for url, (response, _) in responses(exported).items():
        request = requests[response.rec_headers["WARC-Record-ID"]]
        assert request.rec_headers["WARC-Target-URI"] == url
        assert request.http_headers.protocol == "GET"
        assert request.http_headers.get_header("Host") == "archive.example.org"


def test_the_cdxj_index_points_at_each_response(exported, tmp_path):
    lines = (tmp_path / "archive.cdxj").read_text().splitlines()
    entries = [json.loads(line.split(" ", 2)[2]) for line in lines]

    assert sorted(entry["url"] for entry in entries) == sorted(responses(exported))
    assert lines == sorted(lines)
    with open(tmp_path / "archive.warc.gz", "rb") as stream:
        for entry in entries:
            stream.seek(int(entry["offset"]))
            (record,) = ArchiveIterator(io.BytesIO(stream.read(int(entry["length"]))))
            assert (record.rec_type, record.rec_headers["WARC-Target-URI"]) == ("response", entry["url"])
            assert entry["filename"] == "archive.warc.gz"


def test_an_article_page_finds_every_link_and_asset_of_the_archive_in_the_warc(exported):
    found = responses(exported)
    page = html.fromstring(found[BASE + LEAD][1])
    addresses = page.xpath("//a/@href | //link/@href | //img/@src | //script/@src")
    addresses += [candidate.split()[0] for srcset in page.xpath("//@srcset") for candidate in srcset.split(",")]
    internal = {urldefrag(urljoin(BASE + LEAD, address))[0] for address in addresses}
    internal = {address for address in internal if address.startswith(BASE + "/")}

    assert internal - set(found) == set()
    assert {BASE + RELATED, BASE + "/people/vladimir-putin/", BASE + LEAD + "cite.ris"} <= internal
    assert any(address.endswith(".webp") for address in internal)
    assert BASE + "/static/archive/css/site.css" in internal


def test_a_base_url_with_a_path_is_refused(site, tmp_path):
    with pytest.raises(CommandError, match="no path"):
        call_command("export_warc", "-o", str(tmp_path / "a.warc.gz"), "--base-url", "https://example.org/archive/")


def test_a_page_the_site_cannot_serve_stops_the_export_and_leaves_no_warc(site, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "never-collected"

    with pytest.raises(CommandError, match=r"/static/.* answered 404"):
        call_command("export_warc", "-o", str(tmp_path / "a.warc.gz"), "--base-url", BASE)

    assert sorted(path.name for path in tmp_path.iterdir()) == ["index", "media", "static"]


def test_a_version_pages_record_is_dated_by_its_memento_datetime(exported):
    record, _ = responses(exported)[f"{BASE}{LEAD}versions/1/"]
    moment = record.http_headers.get_header("Memento-Datetime")

    assert moment is not None
    assert record.rec_headers.get_header("WARC-Date") == datetime.datetime.strptime(
        moment, "%a, %d %b %Y %H:%M:%S GMT"
    ).strftime("%Y-%m-%dT%H:%M:%SZ")


# A lead of 30 January 2018 with 40 similar items, one a day from 1 January to 9 February 2018, none tagged: with the
# research archive's three articles, 44 in all, which the article list shows on three pages of 20.
LONG_PAGE = "Forty days of notes\nJanuary 30, 2018\n\nThe lead.\n\nSimilar articles\n\n" + "\n".join(
    f"Note {n:02d}\n{datetime.date(2018, 1, 1) + datetime.timedelta(days=n - 1):%B %-d, %Y}\n\nA note.\n"
    for n in range(1, 41)
)


@pytest.fixture
def exported_long(site, tmp_path, capsys):
    result = import_file("forty.txt", LONG_PAGE.encode())
    assert result.status == "imported", result.error
    call_command("export_warc", "-o", str(tmp_path / "archive.warc.gz"), "--base-url", BASE)
    with open(tmp_path / "archive.warc.gz", "rb") as stream:
        records = [(record, record.content_stream().read()) for record in ArchiveIterator(stream)]
    return records, capsys.readouterr().out


def pagination_links(found):
    """Every link to a later page of a list, from any page the WARC holds."""
    links = set()
    for url, (record, body) in found.items():
        if record.http_headers.get_header("Content-Type", "").startswith("text/html"):
            for address in html.fromstring(body).xpath("//a/@href"):
                absolute = urldefrag(urljoin(url, address))[0]
                if absolute.startswith(BASE + "/") and "page=" in urlsplit(absolute).query:
                    links.add(absolute)
    return sorted(links)


def test_every_page_of_every_unfiltered_list_is_in_the_warc_so_pagination_replays(exported_long):
    """The whole list (44 articles), 2018 (41) and January 2018 (31) have later pages, in each language; each is a
    response of the WARC."""
    found = responses(exported_long)
    paging = pagination_links(found)

    assert paging == [
        f"{BASE}{prefix}/articles/{page}"
        for prefix in ("", "/ru")
        for page in ("2018/01/?page=2", "2018/?page=2", "2018/?page=3", "?page=2", "?page=3")
    ]
    assert {found[address][0].http_headers.get_statuscode() for address in paging} == {"200"}
    # Each new article's page, version list and version in each language, its three citations and two TimeMaps;
    # 2018, January and February in each language.
    assert f"wrote {len(PAGES) + 41 * (3 * 2 + 5) + 3 * 2} pages, 10 further list pages, 4 images" in exported_long[1]


def test_pywb_replays_every_pagination_link_of_the_warc(exported_long, tmp_path):
    """What a web archivist does with the file: pywb replays each list and every page its links lead to."""
    paging = [f"{BASE}/articles/", *pagination_links(responses(exported_long))]

    with replay.replaying(tmp_path / "archive.warc.gz", tmp_path / "pywb") as base:
        answered = {url: replay.status(f"{base}/id_/{url}") for url in paging}

    assert answered == dict.fromkeys(paging, 200)
    assert len(paging) == 11


def test_the_warcinfo_says_which_lists_are_archived_and_which_are_not(exported):
    records, _ = exported
    [info] = [body.decode() for record, body in records if record.rec_type == "warcinfo"]

    assert f"description: {NOT_ARCHIVED}\r\n" in info
