"""The Cyrillic letters of Russian and Belarusian, in either case: what tells the archive's two scripts apart."""

import re

_LETTER = re.compile(r"[а-яёіўА-ЯЁІЎ]")


def letters(text):
    """How many Cyrillic letters `text` has."""
    return len(_LETTER.findall(text))
