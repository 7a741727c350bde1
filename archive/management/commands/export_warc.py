"""Write a WARC of the whole public site, with its CDXJ index beside it."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from archive.research.warc import pages
from archive.research.warc.fetch import Site
from archive.research.warc.writer import Archive, write_index


class Command(BaseCommand):
    help = (
        "Write every public page, the images they show and every static file, as the site at --base-url serves "
        "them, to a gzipped WARC (request and response records), with a CDXJ index beside it."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, help="The WARC to write, e.g. archive.warc.gz.")
        parser.add_argument(
            "--base-url", required=True, help="The site's address, e.g. https://archive.example.org (no path)."
        )

    def handle(self, output, base_url, **options):
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
            raise CommandError(
                f"--base-url must be a site's address with no path, like https://archive.example.org: {base_url}"
            )
        path = Path(output)
        # Written aside and moved in place when whole: a failed export leaves no WARC that looks complete.
        partial = path.with_name(f".{path.name}.partial")
        # The pages speak as the site at that address, which a deployment allows; this process may not.
        with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, parts.hostname]):
            try:
                counts = self._write(partial, path.name, Site(f"{parts.scheme}://{parts.netloc}"))
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
        partial.replace(path)
        index = write_index(path)
        summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
        self.stdout.write(f"wrote {summary} to {path}, indexed in {index}")

    def _write(self, path, name, site):
        counts = {"pages": 0, "further list pages": 0, "images": 0, "static files": 0}
        sources = (
            ("pages", pages.site(), site.get),
            ("further list pages", pages.list_pages(), site.get),
            ("images", pages.images(), site.media),
            ("static files", pages.static(), site.get),
        )
        with path.open("wb") as output:
            archive = Archive(output, name, site.url("/"), pages.NOT_ARCHIVED)
            for kind, paths, fetch in sources:
                for address in paths:
                    capture = fetch(address)
                    if not capture.status.startswith("200"):
                        raise CommandError(f"{capture.url} answered {capture.status}: the WARC would not be complete.")
                    archive.add(capture)
                    counts[kind] += 1
        return counts
