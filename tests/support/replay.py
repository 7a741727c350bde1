"""pywb, the Webrecorder replay server, serving a WARC from a collection of its own on a free port.

pywb pins redis 2.10.6, which the archive's django-redis cannot use, so it has a virtualenv of its own
(`.venv/replay`, made by the Makefile from requirements-replay.txt) and runs as a separate process."""

import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from benchmarks.deployment import free_port

BIN = Path(__file__).resolve().parents[2] / ".venv" / "replay" / "bin"
COLLECTION = "archive"


@contextmanager
def replaying(warc, folder):
    """The base address under which pywb replays `warc`: `<base>/<timestamp>id_/<original URL>`."""
    folder.mkdir()
    subprocess.run([BIN / "wb-manager", "init", COLLECTION], cwd=folder, check=True, capture_output=True)
    subprocess.run([BIN / "wb-manager", "add", COLLECTION, warc], cwd=folder, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [BIN / "wayback", "--port", str(port), "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/{COLLECTION}"
        _wait_until_up(base + "/")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def status(url):
    """The status pywb answers, after any redirect it makes to the capture's own time."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _wait_until_up(url, deadline=60):
    stop = time.monotonic() + deadline
    while time.monotonic() < stop:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"pywb did not answer at {url}")
