"""The table of the `small_archive` fixture, which the filter tests also read to work out what to expect."""

# title, date, time, public persons, rejected persons, topics
SMALL_ARCHIVE = [
    ("Minsk talks", "2016-01-10", "10:00", ["lukashenko", "putin"], [], ["sanctions"]),
    ("Sochi visit", "2016-02-20", None, ["putin"], [], ["integration"]),
    ("Arrests resume", "2017-09-25", "11:14", ["statkevich"], ["lukashenko"], ["repression"]),
    ("Union state", "2017-12-01", "09:00", ["lukashenko", "putin"], [], ["integration", "sanctions"]),
    ("Quiet month", "2018-03-03", None, [], [], []),
]
