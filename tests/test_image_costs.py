"""What checking, writing again and rendering an image may cost: each step refuses, from the header alone, an image
with more pixels than the limit, and none decodes more than it needs or copies the pixels once more."""

import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from PIL import ImageFile

from archive.admin import images
from tests.support.image_files import article_with_image, image_bytes, png_claiming, refusal, upload


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def nothing_decoded(monkeypatch):
    """Fails the test if any image is decoded."""

    def refuse(image):
        raise AssertionError(f"a {image.size} image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


def test_an_image_of_39_7_megapixels_is_refused_from_its_header_without_being_decoded(nothing_decoded):
    assert refusal("large.png", png_claiming(7300, 5440)) == [
        "The image is 7300 × 5440 pixels; at most 24 million pixels are accepted."
    ]


@pytest.mark.django_db
def test_every_step_refuses_an_image_over_the_limit_before_decoding_it(settings, monkeypatch):
    """An image stored before the limit was lowered, or handed to a step directly, is refused by each step too."""
    data = image_bytes((500, 300), "PNG")
    stored = article_with_image("stored.png", data).image
    settings.ARCHIVE_IMAGE_MAX_PIXELS = 100_000
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda image: pytest.fail(f"a {image.size} image was decoded"))
    refused = []
    for step, argument in [(images.stripped, upload("a.png", data)), (images.make_renditions, stored)]:
        with pytest.raises(ValidationError) as error:
            step(argument)
        refused.append((step.__name__, error.value.code))

    assert refused == [("stripped", "image_too_many_pixels"), ("make_renditions", "image_too_many_pixels")]


def test_the_check_decodes_a_jpeg_at_an_eighth_of_its_size(monkeypatch):
    """Enough to find a cut-off file, with a sixty-fourth of the memory."""
    decoded = []
    load = ImageFile.ImageFile.load
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda image: decoded.append(image.size) or load(image))

    images.check(upload("photo.jpg", image_bytes((4000, 3000), "JPEG")))

    assert decoded == [(500, 375)]


def test_writing_an_image_again_holds_no_copy_of_its_pixels_in_python_memory():
    """2000 × 2000 RGB pixels are 12 MB; the PNG of one colour written from them, a few kilobytes."""
    photo = upload("plain.png", image_bytes((2000, 2000), "PNG"))
    tracemalloc.start()
    try:
        images.stripped(photo)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < 1_000_000


@pytest.mark.django_db
def test_a_large_jpeg_is_rendered_at_the_widths_of_its_full_size(media):
    article = article_with_image("wide.jpg", image_bytes((4000, 3000), "JPEG"))

    renditions = images.make_renditions(article.image)

    assert [(r["format"], r["width"], r["height"]) for r in renditions] == [
        ("webp", 480, 360),
        ("webp", 960, 720),
        ("webp", 1440, 1080),
        ("jpeg", 480, 360),
        ("jpeg", 960, 720),
        ("jpeg", 1440, 1080),
    ]
