"""Every test here asks the repository of one identifier and admin address, most of them of the research archive
with its articles stamped on fixed days of March 2021."""

import pytest

from tests.oai.provider import REPOSITORY, stamp_articles
from tests.support.research_archive import LEAD_TITLE, RELATED_TITLE, build_research_archive


@pytest.fixture(autouse=True)
def repository(settings):
    settings.ARCHIVE_OAI_REPOSITORY_ID = REPOSITORY
    settings.ARCHIVE_OAI_ADMIN_EMAIL = "editors@archive.example.org"


@pytest.fixture
def archive(db):
    built = build_research_archive()
    stamp_articles({LEAD_TITLE: "2021-03-01T10:00:00", RELATED_TITLE: "2021-03-02T10:00:00"}, rest="2021-03-03T10:00")
    return built
