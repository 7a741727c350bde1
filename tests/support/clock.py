"""A moment to freeze the clock at for pages that show today's date: the last minute of a year in Minsk, the
archive's time zone, where a date computed twice would most likely disagree."""

import datetime
from zoneinfo import ZoneInfo

MINSK = ZoneInfo("Europe/Minsk")
NEW_YEARS_EVE = datetime.datetime(2025, 12, 31, 23, 59, tzinfo=MINSK)
NEW_YEARS_DAY = datetime.datetime(2026, 1, 1, 0, 1, tzinfo=MINSK)
