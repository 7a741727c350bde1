"""Private PostgreSQL and Redis servers, on free ports, that a test or a fault run may stop and start at will; the
machine's own servers are never touched."""

import glob
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from benchmarks.deployment import free_port, wait_for

TIMEOUT_SECONDS = 60


def as_postgres(command):
    """initdb refuses to run as root: as root, the cluster's commands run as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Cluster:
    """A PostgreSQL cluster of its own, made with initdb in a temporary folder, on a free port."""

    def __init__(self):
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not binaries:
            raise RuntimeError("PostgreSQL's server is needed: apt-get install postgresql")
        self.bin = Path(binaries[-1]).parent
        # Not under a test's own temporary folder, which only root may enter.
        self.folder = Path(tempfile.mkdtemp(prefix="archive-cluster-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self.port = free_port()
        # A scratch cluster, run with fsync off: waiting for initdb's files to reach the disk buys nothing.
        self.run("initdb", "-D", str(self.folder / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        self.start()
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "archive")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/archive"

    @property
    def conninfo(self):
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=archive"

    def run(self, program, *args):
        subprocess.run(as_postgres([str(self.bin / program), *args]), check=True, capture_output=True, timeout=120)

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            "pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"), "-o", options, "-w", "start"
        )

    def stop(self):
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def remove(self):
        # Whether or not a failure left it running.
        stop = [str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"]
        subprocess.run(as_postgres(stop), capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


class Redis:
    """A redis-server of its own on a free port, keeping nothing on disk. `config`, a configuration file, is read
    first: the options given here then win."""

    def __init__(self, config=None):
        if not shutil.which("redis-server"):
            raise RuntimeError("redis-server is needed: apt-get install redis-server")
        self.port = free_port()
        self.config = [str(config)] if config else []
        self.process = None
        self.start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                *("redis-server", *self.config, "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.port)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=TIMEOUT_SECONDS)

    def pages_kept(self):
        import redis

        return len(redis.Redis(port=self.port).keys("*archive:page:*"))
