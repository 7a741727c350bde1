"""Image files for the tests of lead images: made by Pillow, or a few bytes of PNG header claiming any size."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from archive.admin import images
from archive.models import Article


def image_bytes(size, kind, mode="RGB", colour=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, kind)
    return buffer.getvalue()


def upload(name, data):
    return SimpleUploadedFile(name, data)


def refusal(name, data):
    with pytest.raises(ValidationError) as refused:
        images.check(upload(name, data))
    return refused.value.messages


def png_claiming(width, height):
    """A few dozen bytes of PNG whose header claims width × height pixels, as a decompression bomb does."""

    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00")) + chunk(b"IEND", b"")


def article_with_image(name, data):
    article = Article.objects.create(
        title="A pictured commentary", slug="a-pictured-commentary", published_date="2016-04-22", body="Text."
    )
    article.image.save(name, upload(name, data))
    return article
