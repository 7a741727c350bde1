"""Lead images: Pillow checks what an upload really is and writes it again without its metadata, then the pages get
WebP and JPEG renditions."""

import hashlib
import io

import pytest
from django.template.loader import render_to_string
from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo

from archive.admin import images
from archive.admin.forms import LeadImageField
from archive.models import Article
from tests.support.clock import NEW_YEARS_EVE
from tests.support.image_files import article_with_image, image_bytes, png_claiming, refusal, upload


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_a_jpeg_and_a_png_pass_the_check_and_keep_their_format_and_size():
    field = LeadImageField()
    jpeg = field.clean(upload("photo.jpg", image_bytes((1200, 800), "JPEG")))
    png = field.clean(upload("drawing.png", image_bytes((300, 200), "PNG", mode="RGBA", colour=(0, 0, 0, 0))))

    assert [(cleaned.content_type, cleaned.image.size) for cleaned in (jpeg, png)] == [
        ("image/jpeg", (1200, 800)),
        ("image/png", (300, 200)),
    ]


def test_a_text_file_named_jpg_is_refused():
    assert refusal("photo.jpg", b"Lukashenko aspires to be in the epicenter\n") == [
        "The file is not an image, whatever its name says: its content is not JPEG, PNG or WebP."
    ]


def test_an_image_with_more_pixels_than_the_limit_is_refused(settings):
    settings.ARCHIVE_IMAGE_MAX_PIXELS = 100_000
    assert refusal("huge.png", image_bytes((500, 300), "PNG")) == [
        "The image is 500 × 300 pixels; at most 0.1 million pixels are accepted."
    ]


def test_a_decompression_bomb_is_refused():
    bomb = png_claiming(100_000, 100_000)
    assert len(bomb) < 100
    assert refusal("bomb.png", bomb) == [
        "The image claims so many pixels that opening it would exhaust the server's memory "
        "(a decompression bomb); it is refused."
    ]


def test_an_image_file_larger_than_the_limit_is_refused(settings):
    settings.ARCHIVE_IMAGE_MAX_BYTES = 1000
    padded = image_bytes((10, 10), "PNG").ljust(2048, b"\x00")
    assert refusal("big.png", padded) == ["The image is 2.0\xa0KB; at most 1000\xa0bytes is accepted."]


def test_an_image_of_a_type_the_pages_do_not_use_is_refused():
    assert refusal("animation.gif", image_bytes((10, 10), "GIF", mode="P", colour=1)) == [
        "GIF images are not accepted; upload JPEG, PNG or WebP."
    ]


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_a_truncated_image_is_refused(kind):
    data = image_bytes((200, 200), kind)
    assert refusal("cut", data[: len(data) // 2]) == [
        "The file is not an image, whatever its name says: its content is not JPEG, PNG or WebP."
    ]


@pytest.mark.django_db
@pytest.mark.time_machine(NEW_YEARS_EVE, tick=False)
def test_a_jpeg_wider_than_two_widths_is_rendered_at_those_widths_and_its_own(media):
    article = article_with_image("photo.jpg", image_bytes((1200, 800), "JPEG"))

    folder = "articles/2025"  # the model files images by the year of upload
    assert article.image.name == f"{folder}/photo.jpg"

    renditions = images.make_renditions(article.image)

    assert [(r["format"], r["width"], r["height"], r["path"], r["url"]) for r in renditions] == [
        ("webp", 480, 320, f"{folder}/photo-480.webp", f"/media/{folder}/photo-480.webp"),
        ("webp", 960, 640, f"{folder}/photo-960.webp", f"/media/{folder}/photo-960.webp"),
        ("webp", 1200, 800, f"{folder}/photo-1200.webp", f"/media/{folder}/photo-1200.webp"),
        ("jpeg", 480, 320, f"{folder}/photo-480.jpg", f"/media/{folder}/photo-480.jpg"),
        ("jpeg", 960, 640, f"{folder}/photo-960.jpg", f"/media/{folder}/photo-960.jpg"),
        ("jpeg", 1200, 800, f"{folder}/photo-1200.jpg", f"/media/{folder}/photo-1200.jpg"),
    ]
    for rendition in renditions:
        with Image.open(media / rendition["path"]) as written:
            assert (written.format, written.size) == (
                rendition["format"].upper(),
                (rendition["width"], rendition["height"]),
            )


@pytest.mark.django_db
def test_a_transparent_png_is_rendered_on_white_and_never_enlarged(media, settings):
    """Wider than the widest rendition, it is cut down to 1440; transparency becomes the page's white."""
    article = article_with_image("map.png", image_bytes((2000, 1000), "PNG", mode="RGBA", colour=(0, 0, 0, 0)))

    renditions = images.make_renditions(article.image)

    assert [(r["format"], r["width"], r["height"]) for r in renditions] == [
        ("webp", 480, 240),
        ("webp", 960, 480),
        ("webp", 1440, 720),
        ("jpeg", 480, 240),
        ("jpeg", 960, 480),
        ("jpeg", 1440, 720),
    ]
    with Image.open(media / renditions[-1]["path"]) as jpeg:
        assert jpeg.convert("RGB").getpixel((10, 10)) == (255, 255, 255)


def test_an_image_narrower_than_every_width_is_kept_at_its_own_width():
    assert images.rendition_widths(300) == [300]
    assert images.rendition_widths(960) == [480, 960]


@pytest.mark.django_db
@pytest.mark.time_machine(NEW_YEARS_EVE, tick=False)
def test_the_article_page_shows_the_renditions_as_a_picture_with_the_caption_as_alternative_text():
    article = article_with_image("photo.jpg", image_bytes((1200, 800), "JPEG"))
    article.photo_caption = "Николай Статкевич <at a rally>"
    article.image_renditions = images.make_renditions(article.image)

    html = render_to_string("archive/article_image.html", {"article": article})

    stem = "/media/articles/2025/photo"
    sizes = 'sizes="(min-width: 48rem) 44rem, 100vw"'
    webp = f"{stem}-480.webp 480w, {stem}-960.webp 960w, {stem}-1200.webp 1200w"
    jpeg = f"{stem}-480.jpg 480w, {stem}-960.jpg 960w, {stem}-1200.jpg 1200w"
    assert " ".join(html.split()) == (
        f'<picture class="article-image"> <source type="image/webp" srcset="{webp}" {sizes}> '
        f'<img src="{stem}-1200.jpg" srcset="{jpeg}" {sizes} width="1200" height="800" '
        f'alt="Николай Статкевич &lt;at a rally&gt;" decoding="async"></picture>'
    )


def test_the_article_page_shows_nothing_for_an_article_without_an_image():
    article = Article(title="No photo", body="Text.")
    assert render_to_string("archive/article_image.html", {"article": article}).strip() == ""


def exif_with_location(orientation=1):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone maker"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (53.0, 54.0, 7.5),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (27.0, 33.0, 55.0),
    }
    return exif


def located(kind, mode="RGB", **options):
    """A 40 × 20 image as a phone or an editing program writes it, with where it was taken."""
    buffer = io.BytesIO()
    Image.new(mode, (40, 20), (200, 30, 30, 255)[: len(mode)]).save(buffer, kind, exif=exif_with_location(), **options)
    return buffer.getvalue()


def opened(upload):
    upload.seek(0)
    return Image.open(io.BytesIO(upload.read()))


@pytest.mark.parametrize(
    ("kind", "options", "name", "content_type"),
    [
        ("JPEG", {"comment": b"Taken at home", "icc_profile": b"profile"}, "original.jpg", "image/jpeg"),
        ("PNG", {"pnginfo": PngInfo(), "icc_profile": b"profile"}, "original.png", "image/png"),
        ("WEBP", {"xmp": b"<x:xmpmeta>home</x:xmpmeta>"}, "original.webp", "image/webp"),
    ],
)
def test_an_original_is_written_again_in_its_own_format_with_no_metadata(kind, options, name, content_type):
    if kind == "PNG":
        options["pnginfo"].add_text("Comment", "Taken at home")
    data = located(kind, **options)
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    clean = images.stripped(upload("anything.pdf", data))

    image = opened(clean)
    assert (clean.name, clean.content_type, image.format, image.size) == (name, content_type, kind, (40, 20))
    assert dict(image.getexif()) == {}
    assert set(image.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "loop", "background"}
    assert b"Phone maker" not in clean.read()


def test_an_original_is_turned_upright_as_its_exif_orientation_says():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(buffer, "JPEG", exif=exif_with_location(orientation=6))

    image = opened(images.stripped(upload("sideways.jpg", buffer.getvalue())))

    assert (image.size, dict(image.getexif())) == ((20, 40), {})


def test_a_palette_png_is_written_as_rgba_where_it_is_transparent_and_as_rgb_where_not():
    buffer = io.BytesIO()
    Image.new("P", (30, 20), 0).save(buffer, "PNG", transparency=0)

    transparent = opened(images.stripped(upload("t.png", buffer.getvalue())))
    opaque = opened(images.stripped(upload("o.png", image_bytes((30, 20), "PNG", mode="P", colour=0))))

    assert (transparent.mode, transparent.getpixel((0, 0))[3], opaque.mode) == ("RGBA", 0, "RGB")


def test_the_archive_names_an_original_by_slug_digest_and_format():
    clean = images.stripped(upload("IMG 0042.JPEG", image_bytes((40, 20), "JPEG")))
    digest = hashlib.sha256(clean.read()).hexdigest()[:12]

    assert images.archive_name("statkevich-detained", clean) == f"statkevich-detained-{digest}.jpg"


@pytest.mark.django_db
def test_a_discarded_image_stays_until_the_change_that_dropped_it_commits(media, django_capture_on_commit_callbacks):
    article = article_with_image("photo.jpg", image_bytes((600, 400), "JPEG"))
    article.image_renditions = images.make_renditions(article.image)
    files = [media / article.image.name, *(media / r["path"] for r in article.image_renditions)]

    with django_capture_on_commit_callbacks() as callbacks:
        images.discard(article.image.storage, article.image.name, article.image_renditions)
    assert all(path.exists() for path in files)

    callbacks[0]()
    assert [path.exists() for path in files] == [False] * 5
