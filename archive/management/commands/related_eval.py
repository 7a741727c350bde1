from django.core.management.base import BaseCommand

from archive.research import relatedness


class Command(BaseCommand):
    help = (
        "Measure the archive's own suggestions on the labelled stories in fixtures/related/: precision at 5 of "
        '"More on this", and precision and recall of the other-language counterparts. Nothing is kept.'
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", default=relatedness.EVALUATION_SET, help="one folder per story")

    def handle(self, *args, folder, **options):
        figures = relatedness.measure(folder)
        self.stdout.write(
            f"{figures.articles} articles in {figures.stories} stories: precision at 5 {figures.precision_at_5:.3f} "
            f"({figures.suggested_right} of {figures.suggested} suggested); counterparts precision "
            f"{figures.counterpart_precision:.3f} ({figures.paired_right} of {figures.paired} links), recall "
            f"{figures.counterpart_recall:.3f} (of {figures.pairable} articles with one to find)"
        )
