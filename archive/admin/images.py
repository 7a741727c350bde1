"""Lead images: checked with Pillow, re-encoded without their metadata under a name the archive gives them, then
resized into the renditions the pages show, and removed with those when they are replaced or their article goes."""

import hashlib
import io
from contextlib import contextmanager
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# The order in which the pages offer formats: browsers take the first source they support.
RENDITION_FORMATS = [
    ("webp", "WEBP", {"quality": 80, "method": 4}),
    ("jpeg", "JPEG", {"quality": 82, "optimize": True, "progressive": True}),
]
EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}
FORMAT_NAMES = {"WEBP": "WebP"}
# How an original is written again, by the format Pillow found in it (never by the name it was uploaded under).
ORIGINAL_FORMATS = {
    "JPEG": ("jpg", "image/jpeg", {"quality": 92}),
    "PNG": ("png", "image/png", {}),
    "WEBP": ("webp", "image/webp", {"quality": 90}),
}
# The modes each format is written in as they are; any other is written as RGB, or RGBA where it is transparent.
ORIGINAL_MODES = {"JPEG": {"L", "RGB"}, "PNG": {"L", "LA", "RGB", "RGBA"}, "WEBP": {"RGB", "RGBA"}}
# A JPEG decoder scales down by eight at most while it decodes: reading every byte, it still finds a cut-off file.
SMALLEST_DRAFT = (1, 1)


@contextmanager
def opened(file):
    """The image in `file`, opened from its header alone and refused there when it has too many pixels: decoding
    costs time and memory in proportion to them, so every step that decodes an image opens it through here."""
    with Image.open(file) as image:
        width, height = image.size
        if width * height > settings.ARCHIVE_IMAGE_MAX_PIXELS:
            raise ValidationError(
                _("The image is %(width)s × %(height)s pixels; at most %(millions)s million pixels are accepted.")
                % {"width": width, "height": height, "millions": f"{settings.ARCHIVE_IMAGE_MAX_PIXELS / 1_000_000:g}"},
                code="image_too_many_pixels",
            )
        yield image


def check(upload):
    """Refuse anything but a real image of an accepted type, within the size and pixel limits."""
    if upload.size > settings.ARCHIVE_IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is %(size)s; at most %(limit)s is accepted.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.ARCHIVE_IMAGE_MAX_BYTES)},
            code="image_too_large",
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in settings.ARCHIVE_IMAGE_FORMATS:
                raise ValidationError(
                    _("%(format)s images are not accepted; upload %(accepted)s.")
                    % {"format": image.format, "accepted": _accepted()},
                    code="image_type",
                )
        upload.seek(0)
        with opened(upload) as image:
            image.verify()
        # verify() reads little of a JPEG; decoding it finds a cut-off file before renditions would fail.
        upload.seek(0)
        with opened(upload) as image:
            image.draft(image.mode, SMALLEST_DRAFT)
            image.load()
    except Image.DecompressionBombError:
        raise ValidationError(
            _(
                "The image claims so many pixels that opening it would exhaust the server's memory "
                "(a decompression bomb); it is refused."
            ),
            code="image_bomb",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("The file is not an image, whatever its name says: its content is not %(accepted)s.")
            % {"accepted": _accepted()},
            code="not_an_image",
        ) from None
    finally:
        upload.seek(0)


def stripped(upload):
    """A checked upload written again by Pillow in the format it really is: its pixels, turned upright as its EXIF
    orientation says, and nothing else. Location, camera, comments, XMP and colour profiles are all left behind,
    and so is whatever else the file carried, such as HTML appended to a PNG.

    Returns a new upload named "original" with the extension of its format; `archive_name` names it for storage.
    """
    upload.seek(0)
    with opened(upload) as image:
        kind = image.format
        extension, content_type, options = ORIGINAL_FORMATS[kind]
        ImageOps.exif_transpose(image, in_place=True)
        upright = _mode_for(image, kind)
        # A new image of the pixels alone: Pillow writes back some of what `info` holds (comments, profiles).
        # Pasted rather than copied through a bytes object, which held every pixel once more.
        pixels = Image.new(upright.mode, upright.size)
        pixels.paste(upright)
    buffer = io.BytesIO()
    pixels.save(buffer, kind, **options)
    upload.seek(0)
    return SimpleUploadedFile(f"original.{extension}", buffer.getvalue(), content_type=content_type)


def archive_name(slug, upload):
    """The file name an original is stored under: its article's slug, a digest of its bytes, its format's extension."""
    upload.seek(0)
    digest = hashlib.sha256(upload.read()).hexdigest()[:12]
    upload.seek(0)
    return f"{slug}-{digest}{PurePosixPath(upload.name).suffix}"


def _mode_for(image, kind):
    if image.mode in ORIGINAL_MODES[kind]:
        return image
    return image.convert("RGBA" if kind != "JPEG" and image.has_transparency_data else "RGB")


def make_renditions(field_file):
    """Write the stored image at each width as WebP and JPEG; return the list the pages read.

    Each entry: {"width", "height", "format" ("webp" or "jpeg"), "path" (in storage), "url"}, WebP first, then
    narrowest first within a format.
    """
    widest = max(settings.ARCHIVE_IMAGE_WIDTHS)
    with field_file.open("rb"), opened(field_file) as original:
        # A JPEG is decoded at the smallest scale still as wide as the widest rendition, whichever way it is turned.
        original.draft("RGB", (widest, widest))
        ImageOps.exif_transpose(original, in_place=True)
        image = _flat_rgb(original)
    stem = PurePosixPath(field_file.name).with_suffix("")
    storage = field_file.storage
    renditions = []
    for name, pillow_format, options in RENDITION_FORMATS:
        for width in rendition_widths(image.width):
            height = max(1, round(image.height * width / image.width))
            resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            resized.save(buffer, pillow_format, **options)
            path = storage.save(f"{stem}-{width}.{EXTENSIONS[name]}", ContentFile(buffer.getvalue()))
            renditions.append(
                {"width": width, "height": height, "format": name, "path": path, "url": storage.url(path)}
            )
    return renditions


def discard(storage, original, renditions):
    """Remove an original and its renditions from storage once the change that let them go commits: if it is
    rolled back, the article still shows them."""
    paths = [path for path in [original, *(r["path"] for r in renditions)] if path]
    transaction.on_commit(lambda: [storage.delete(path) for path in paths])


def article_deleted(sender, instance, **kwargs):
    discard(instance.image.storage, instance.image.name, instance.image_renditions)


def rendition_widths(original_width):
    """The configured widths narrower than the image, and the image itself up to the widest."""
    widest = max(settings.ARCHIVE_IMAGE_WIDTHS)
    return [w for w in settings.ARCHIVE_IMAGE_WIDTHS if w < min(original_width, widest)] + [min(original_width, widest)]


def _flat_rgb(image):
    """The image on a white ground: JPEG has no transparency, and both formats should look the same."""
    if image.mode in {"RGBA", "LA"} or "transparency" in image.info:
        rgba = image.convert("RGBA")
        ground = Image.new("RGB", rgba.size, "white")
        ground.paste(rgba, mask=rgba.getchannel("A"))
        return ground
    return image.convert("RGB")


def _accepted():
    names = [FORMAT_NAMES.get(kind, kind) for kind in settings.ARCHIVE_IMAGE_FORMATS]
    return _("%(some)s or %(last)s") % {"some": ", ".join(names[:-1]), "last": names[-1]}
