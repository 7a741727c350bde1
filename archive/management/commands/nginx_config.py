from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

DEPLOY = settings.BASE_DIR / "deploy" / "nginx"


class Command(BaseCommand):
    help = (
        "Write the nginx configuration of the archive (deploy/nginx/archive.conf) with this installation's "
        "folders filled in, for nginx's http block (e.g. /etc/nginx/conf.d/archive.conf)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--listen", default="80", help="plain HTTP address or port (default 80)")
        parser.add_argument("--upstream", default="127.0.0.1:8000", help="gunicorn's address (default 127.0.0.1:8000)")
        parser.add_argument("--server-name", default="_", help="host names nginx answers for")
        parser.add_argument("--cache-dir", default="/var/cache/nginx/archive", help="where nginx keeps pages")
        parser.add_argument("--tls-listen", help="HTTPS address or port, with --certificate and --certificate-key")
        parser.add_argument("--certificate")
        parser.add_argument("--certificate-key")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        tls = ""
        if options["tls_listen"]:
            tls = (
                f"listen {options['tls_listen']} ssl;\n"
                f"    ssl_certificate {options['certificate']};\n"
                f"    ssl_certificate_key {options['certificate_key']};"
            )
        values = {
            "listen": options["listen"],
            "tls_listen": tls,
            "upstream": options["upstream"],
            "server_name": options["server_name"],
            "cache_dir": options["cache_dir"],
            "static_root": str(settings.STATIC_ROOT),
            "media_root": str(settings.MEDIA_ROOT),
            "admin_path": settings.ARCHIVE_ADMIN_PATH,
            "proxy_params": str(DEPLOY / "proxy_params"),
        }
        text = (DEPLOY / "archive.conf").read_text()
        for name, value in values.items():
            text = text.replace(f"@{name}@", value)
        if options["output"]:
            Path(options["output"]).write_text(text)
        else:
            self.stdout.write(text, ending="")
