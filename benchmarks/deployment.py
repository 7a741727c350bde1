"""The reference deployment (deploy/) run on free local ports: gunicorn with deploy/gunicorn.conf.py behind nginx
with the configuration `manage.py nginx_config` renders. Used by the deployment tests and the cache benchmark."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, deadline=30):
    stop = time.monotonic() + deadline
    while time.monotonic() < stop:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port} within {deadline} s")


class Deployment:
    """gunicorn and nginx in `folder`, over the database and settings in `env` (DJANGO_* and DATABASE_URL);
    gunicorn's own output goes to `output` (a file), else where this process's goes."""

    def __init__(self, folder, env, workers=2, output=None):
        self.folder = Path(folder)
        self.http_port, self.tls_port, self.app_port = free_port(), free_port(), free_port()
        self.access_log = self.folder / "gunicorn-access.log"
        self.env = {
            **os.environ,
            "DJANGO_STATIC_ROOT": str(self.folder / "static"),
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.app_port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_ACCESS_LOG": str(self.access_log),
        }
        self.processes = []
        self.output = output

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=self.env, check=True, capture_output=True
        )

    def start(self):
        self.manage("collectstatic", "--noinput")
        self._certificate()
        self.manage(
            *("nginx_config", "--listen", f"127.0.0.1:{self.http_port}", "--tls-listen", f"127.0.0.1:{self.tls_port}"),
            *("--upstream", f"127.0.0.1:{self.app_port}", "--server-name", "127.0.0.1 localhost"),
            *("--cache-dir", str(self.folder / "cache"), "--certificate", str(self.folder / "cert.pem")),
            *("--certificate-key", str(self.folder / "key.pem"), "-o", str(self.folder / "archive.conf")),
        )
        # As root, nginx's workers would drop to a user who cannot enter a private temporary folder.
        user = "user root;\n" if os.geteuid() == 0 else ""
        (self.folder / "nginx.conf").write_text(
            f"{user}pid {self.folder / 'nginx.pid'};\nerror_log {self.folder / 'nginx-error.log'};\n"
            "worker_processes 1;\nevents {}\nhttp {\n access_log off;\n include /etc/nginx/mime.types;\n"
            f" include {self.folder / 'archive.conf'};\n}}\n"
        )
        gunicorn = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "archive.wsgi"]
        self.processes.append(
            subprocess.Popen(gunicorn, cwd=settings.BASE_DIR, env=self.env, stdout=self.output, stderr=self.output)
        )
        nginx = ["nginx", "-c", str(self.folder / "nginx.conf"), "-p", str(self.folder), "-g", "daemon off;"]
        self.processes.append(subprocess.Popen(nginx))
        wait_for(self.app_port)
        wait_for(self.http_port)
        return self

    def stop(self):
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            process.wait(timeout=30)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    def _certificate(self):
        subprocess.run(
            [
                *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"),
                *("-addext", "subjectAltName=IP:127.0.0.1"),
                *("-keyout", str(self.folder / "key.pem"), "-out", str(self.folder / "cert.pem")),
            ],
            check=True,
            capture_output=True,
        )
