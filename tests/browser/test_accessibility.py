"""Every page type is accessible as axe-core measures it, and fits a phone's width without sideways scrolling.

axe-core is evaluated in the page through the browser's developer protocol: the site's content security policy
forbids inline scripts, and keeping that policy in force means the checks see the page exactly as readers do.
"""

from pathlib import Path

import pytest

from tests.support.browsing_archive import PAGE_URLS, RUSSIAN_PAGE_URLS

EVERY_LANGUAGE = {**PAGE_URLS, **RUSSIAN_PAGE_URLS}

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# Elements wider than the viewport, to name the culprit when a page scrolls sideways.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map((element) => element.tagName.toLowerCase() + (element.className ? "." + element.className : ""));
}"""


def expected_status(name):
    return 404 if name.startswith("not-found") else 200


def open_page(page, live_server, name):
    response = page.goto(live_server.url + EVERY_LANGUAGE[name])
    assert response.status == expected_status(name)


def axe_violations(page):
    """Each violation axe-core finds, as 'rule (impact): help: element'."""
    page.evaluate(AXE.read_text())
    violations = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}: {' '.join(node['target'])}"
        for violation in violations
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", EVERY_LANGUAGE)
def test_axe_core_finds_no_violations(page, live_server, browsing_archive, name, scheme):
    page.emulate_media(color_scheme=scheme)
    open_page(page, live_server, name)

    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("name", PAGE_URLS)
def test_page_never_scrolls_sideways(page, live_server, browsing_archive, artifacts, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, live_server, name)
    page.screenshot(path=artifacts / f"{name}-{width}.png", full_page=True)

    scroll_width, client_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= client_width, page.evaluate(OVERFLOWING)


# An article whose page has both the archive's sections: "More on this" and the Russian article.
SUGGESTING = "potash-transit/en-1.txt"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_core_finds_no_violations_beside_the_archives_suggestions(page, live_server, labelled_archive, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + labelled_archive[SUGGESTING].get_absolute_url())
    assert (page.locator("#suggestions-heading").count(), page.locator(".counterpart").count()) == (1, 1)

    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [320, 375])
def test_the_archives_suggestions_never_scroll_sideways(page, live_server, labelled_archive, artifacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + labelled_archive[SUGGESTING].get_absolute_url())
    page.screenshot(path=artifacts / f"article-suggestions-{width}.png", full_page=True)

    scroll_width, client_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= client_width, page.evaluate(OVERFLOWING)
