"""A reader's way through the archive in a browser, with no JavaScript of the site's own needed.

Nikolai Statkevich is curated on three articles: the seed's similar item of 25 September 2017, and the two
articles of the release page, of 30 September and 2 October 2017. From 26 September 2017 only the last two
remain, newest first.
"""

import re

from playwright.sync_api import expect

from tests.support.browsing_archive import MARCH, RELEASE, SEED_RELATED, permalink

STATKEVICH_FILTER = "person=nikolai-statkevich"


def result_titles(page):
    """The titles of the list's results: each result is an <article> whose first link is the permalink."""
    results = page.locator("main article")
    expect(results.first).to_be_visible()
    return results.evaluate_all("items => items.map((item) => item.querySelector('a').textContent.trim())")


def filter_by_dates(page, after, before):
    page.locator("input[name=date_after]").fill(after)
    page.locator("input[name=date_before]").fill(before)
    page.locator("form:has(input[name=date_after]) [type=submit]").first.click()
    expect(page).to_have_url(re.compile(f"date_after={after}"))
    assert f"date_before={before}" in page.url


def similar_article_link(page, title):
    """The link to `title` in the article's "Similar articles" section, whatever wraps the section."""
    heading = "//*[self::h2 or self::h3][normalize-space()='Similar articles']"
    return page.locator(f"xpath={heading}/following::a[normalize-space()='{title}']").first


def test_reader_filters_by_person_and_dates_then_follows_a_similar_article_and_comes_back(
    page, live_server, browsing_archive
):
    page.goto(live_server.url + "/")
    page.locator("a[href='/articles/']").first.click()
    expect(page).to_have_url(live_server.url + "/articles/")

    page.locator(f"a[href*='{STATKEVICH_FILTER}']").first.click()
    expect(page).to_have_url(re.compile(STATKEVICH_FILTER))
    assert result_titles(page) == [MARCH, RELEASE, SEED_RELATED]

    filter_by_dates(page, "2017-09-26", "2017-12-31")
    assert STATKEVICH_FILTER in page.url
    assert result_titles(page) == [MARCH, RELEASE]

    page.locator("main article").filter(has_text=RELEASE).get_by_role("link", name=RELEASE, exact=True).click()
    expect(page).to_have_url(live_server.url + permalink("2017/09/30", RELEASE))
    expect(page.locator("main h1")).to_have_text(RELEASE)

    similar_article_link(page, SEED_RELATED).click()
    expect(page).to_have_url(live_server.url + permalink("2017/09/25", SEED_RELATED))
    expect(page.locator("main h1")).to_have_text(SEED_RELATED)

    page.go_back()
    expect(page).to_have_url(live_server.url + permalink("2017/09/30", RELEASE))
    expect(page.locator("main h1")).to_have_text(RELEASE)


def test_a_bookmarked_filtered_list_reopens_with_the_same_results_and_filters(
    browser, page, live_server, browsing_archive
):
    page.goto(live_server.url + "/articles/?" + STATKEVICH_FILTER)
    filter_by_dates(page, "2017-09-26", "2017-12-31")
    bookmark = page.url
    titles = result_titles(page)

    page.reload()
    assert page.url == bookmark
    assert result_titles(page) == titles == [MARCH, RELEASE]

    reopened = browser.new_context(viewport={"width": 375, "height": 800}).new_page()
    try:
        reopened.goto(bookmark)
        assert reopened.url == bookmark
        assert result_titles(reopened) == titles
        expect(reopened.locator("input[name=date_after]")).to_have_value("2017-09-26")
        expect(reopened.locator("input[name=date_before]")).to_have_value("2017-12-31")
    finally:
        reopened.context.close()
