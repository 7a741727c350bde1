"""Load from wrk against a server on 127.0.0.1: requests per second and median latency."""

import re
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.core.management.base import CommandError

_REQUESTS_PER_SECOND = re.compile(r"Requests/sec:\s+([\d.]+)")
_MEDIAN = re.compile(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
# Cycles through the search queries so that no single query's pages sit warm in the database's cache.
ROTATE_LUA = """paths = {%s}
i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def wait_until_up(url, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise CommandError(f"gunicorn did not answer {url} within {timeout} s") from None
            time.sleep(0.2)


def page_size(url):
    """The page's size in bytes, after checking that it answers 200 (which also warms it up)."""
    with urllib.request.urlopen(url, timeout=60) as response:
        if response.status != 200:
            raise CommandError(f"{url} answered {response.status}")
        return len(response.read())


def wrk(base, path, *, duration, connections, paths=None):
    """Requests per second and median latency in milliseconds of one wrk run against 127.0.0.1."""
    with tempfile.TemporaryDirectory() as folder:
        command = ["wrk", "--threads", "1", "--connections", str(connections), "--duration", f"{duration}s"]
        command += ["--latency", "--timeout", "60s"]
        if paths:
            script = Path(folder) / "rotate.lua"
            script.write_text(ROTATE_LUA % ", ".join(lua_string(p) for p in paths))
            command += ["--script", str(script)]
        run = subprocess.run([*command, base + path], capture_output=True, text=True, check=True)
    if "Non-2xx" in run.stdout or "Socket errors" in run.stdout:
        raise CommandError(f"errors while measuring {path}:\n{run.stdout}")
    rps = float(_REQUESTS_PER_SECOND.search(run.stdout)[1])
    value, unit = _MEDIAN.search(run.stdout).groups()
    return rps, float(value) * _UNIT_MS[unit]


def lua_string(text):
    return '"' + "".join(f"\\{byte:03d}" for byte in text.encode()) + '"'
