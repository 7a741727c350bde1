"""A reader switches the interface's language on a filtered list and lands on the same list, filters and all."""

from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.support.browsing_archive import MARCH, PAGE_URLS, RELEASE

FILTERED = PAGE_URLS["list-filtered"]


def result_titles(page):
    return page.locator("main article .item-title a").all_text_contents()


def test_switching_a_filtered_list_to_russian_and_back_keeps_its_filters_and_results(
    page, live_server, browsing_archive
):
    page.goto(live_server.url + FILTERED)
    assert result_titles(page) == [MARCH, RELEASE]
    assert axe_violations(page) == []

    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(live_server.url + "/ru" + FILTERED)
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator(".result-count")).to_have_text("2 статьи")
    assert result_titles(page) == [MARCH, RELEASE]
    assert axe_violations(page) == []

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(live_server.url + FILTERED)
    expect(page.locator("html")).to_have_attribute("lang", "en")
