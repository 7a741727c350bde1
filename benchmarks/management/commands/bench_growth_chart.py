import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmarks import growth_figures


class Command(BaseCommand):
    help = (
        "The tables of bench_growth's JSON files (one a database) with each page's time at the largest size against "
        "its time at the one before, and their chart as SVG (matplotlib: pip install -r benchmarks/requirements.txt)."
    )

    def add_arguments(self, parser):
        var = Path(settings.BASE_DIR) / "var"
        parser.add_argument(
            "figures", nargs="*", type=Path, default=[var / "growth-sqlite.json", var / "growth-postgresql.json"]
        )
        parser.add_argument("--output", type=Path, default=Path(settings.BASE_DIR) / "docs" / "growth.svg")

    def handle(self, *args, figures, output, **options):
        missing = [str(path) for path in figures if not path.exists()]
        if missing:
            raise CommandError(f"no figures at {', '.join(missing)}: run bench_growth on each database first")
        runs = [json.loads(path.read_text()) for path in figures]
        for run in runs:
            for line in growth_figures.table(run):
                self.stdout.write(line)
            self.stdout.write("")
        growth_figures.draw(runs, output)
        self.stdout.write(f"chart: {output}")
