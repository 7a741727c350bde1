"""gunicorn for the archive: `gunicorn -c deploy/gunicorn.conf.py archive.wsgi` (settings from the environment)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Requests are short and bounded (the read index answers lists and counts), so synchronous workers suffice;
# nginx in front buffers slow clients.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# No public page needs more than a fraction of a second; a request still running after this is a fault.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# A page's address is short: the list's parameters are bounded (see archive/filters.py).
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
# Recycle workers now and then, staggered, so that no slow leak can grow without bound.
max_requests = 5000
max_requests_jitter = 500
# Only nginx on this host may say a request came over TLS, and only by the one header it sets itself
# (deploy/nginx/proxy_params): gunicorn's default also believes X-Forwarded-Ssl and X-Forwarded-Protocol, which
# nginx passes on from the client as sent, and takes SCRIPT_NAME and PATH_INFO from headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
forwarder_headers = ""
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
