"""Whether a build on disk is whole: every file its segments need is there and matches the checksum tantivy wrote in
its footer. tantivy trusts its files: a truncated one fails to open, but garbled bytes are read as they are, into
wrong answers or a panic."""

import json
import struct
import zlib

# Each file ends with a JSON footer holding the CRC-32 of the bytes before it, then the footer's length and this.
_MAGIC = 1337
_TAIL = struct.Struct("<II")
_SEGMENT_FILES = (".fast", ".fieldnorm", ".idx", ".pos", ".store", ".term")
_CHUNK = 1 << 20


class Damaged(Exception):
    pass


def check(path):
    """Raise Damaged, naming the first file found wanting, unless every file of the build's segments is whole."""
    try:
        segments = json.loads((path / "meta.json").read_text())["segments"]
    except (OSError, ValueError, KeyError) as error:
        raise Damaged(f"meta.json: {error}") from error
    for segment in segments:
        stem = segment["segment_id"].replace("-", "")
        names = [stem + suffix for suffix in _SEGMENT_FILES]
        if segment.get("deletes"):
            names.append(f"{stem}.{segment['deletes']['opstamp']}.del")
        for name in names:
            _check_file(path / name)


def _check_file(file):
    try:
        with open(file, "rb") as handle:
            size = handle.seek(0, 2)
            if size < _TAIL.size:
                raise Damaged(f"{file.name}: {size} bytes")
            handle.seek(size - _TAIL.size)
            length, magic = _TAIL.unpack(handle.read(_TAIL.size))
            body = size - _TAIL.size - length
            if magic != _MAGIC or body < 0:
                raise Damaged(f"{file.name}: no footer")
            handle.seek(body)
            expected = json.loads(handle.read(length))["crc"]
            handle.seek(0)
            crc, left = 0, body
            while left:
                chunk = handle.read(min(_CHUNK, left))
                if not chunk:
                    raise Damaged(f"{file.name}: shorter than it says")
                crc, left = zlib.crc32(chunk, crc), left - len(chunk)
    except OSError as error:
        raise Damaged(f"{file.name}: {error.strerror or error}") from error
    except (ValueError, KeyError) as error:
        raise Damaged(f"{file.name}: unreadable footer") from error
    if crc != expected:
        raise Damaged(f"{file.name}: checksum mismatch")
