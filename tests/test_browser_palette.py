"""Light and dark in Chromium: the site follows the reader's system until the reader chooses,
the choice is kept from page to page, and the toggle is named in the page's language."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import LANGUAGE_PREFIX
from networking_guide.languages import words

pytestmark = pytest.mark.browser


def scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


@pytest.mark.parametrize("system", ["light", "dark"])
def test_the_site_follows_the_system_until_the_reader_chooses(browser, site_server, system):
    context = browser.new_context(color_scheme=system, service_workers="block")
    page = context.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    try:
        page.goto(site_server + "start/index.html")
        first, other = ("default", "slate") if system == "light" else ("slate", "default")
        assert scheme(page) == first
        # The visible toggle offers the other scheme, in English here.
        label = words("en")["palette_to_dark" if system == "light" else "palette_to_light"]
        toggle = page.locator(f'label[title="{label}"]')
        expect(toggle).to_be_visible()
        toggle.click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", other)
        # The choice holds on the next page and after a reload.
        page.goto(site_server + "glossary.html")
        assert scheme(page) == other
        page.reload()
        assert scheme(page) == other
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background != "rgba(0, 0, 0, 0)"
    finally:
        context.close()
    assert violations == []


@pytest.mark.parametrize("lang", ["fr", "it"])
def test_the_toggle_is_named_in_the_pages_language(page, site_server, lang):
    page.goto(site_server + LANGUAGE_PREFIX[lang] + "index.html")
    expect(page.locator(f'label[title="{words(lang)["palette_to_dark"]}"]')).to_be_visible()
    assert page.locator(f'input[aria-label="{words(lang)["palette_to_light"]}"]').count() == 1
