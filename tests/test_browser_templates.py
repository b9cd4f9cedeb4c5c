"""Message templates in Chromium: the copy button puts the template's plain text on the
clipboard and says so in the reader's language; placeholders stand out; the text stays
selectable where copying is refused."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from helpers import LANGUAGE_PREFIX, LANGUAGES
from networking_guide.languages import words

pytestmark = pytest.mark.browser

PAGE = "conversation/message-templates.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_copy_button_puts_the_templates_text_on_the_clipboard(page, site_server, lang):
    # What a reader's browser allows a site on a click (and lets the test read it back).
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_server + LANGUAGE_PREFIX[lang] + PAGE)
    templates = page.locator(".ng-template[data-template]")
    assert templates.count() >= 12
    for index in (0, templates.count() - 1):  # the first and the last, on a page of many
        template = templates.nth(index)
        button = template.locator("button.ng-template__copy")
        expect(button).to_have_text(words(lang)["template_copy"])
        button.click()
        expect(template.locator(".ng-template__status")).to_have_text(words(lang)["template_copied"])
        text = template.get_attribute("data-template")
        assert page.evaluate("navigator.clipboard.readText()") == text
        # What is copied is the text a reader sees, placeholders included, without markup.
        assert "<" not in text and "[" in text
        assert " ".join(text.split()) == " ".join(template.locator(".ng-template__text").inner_text().split())


def test_placeholders_stand_out_from_the_text_around_them(page, site_server):
    page.goto(site_server + PAGE)
    placeholder = page.locator(".ng-template__placeholder").first
    text = page.locator(".ng-template__text").first
    style = "(element) => { const s = getComputedStyle(element); return [s.fontWeight, s.backgroundColor, s.color]; }"
    assert placeholder.evaluate(style) != text.evaluate(style)
    assert int(placeholder.evaluate("(element) => getComputedStyle(element).fontWeight")) >= 600


def test_where_copying_is_refused_the_button_says_to_select_the_text(browser, site_server):
    context = browser.new_context(service_workers="block")
    # A browser that refuses both ways of copying.
    context.add_init_script("""
        Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => Promise.reject(new Error('denied'))}});
        document.execCommand = () => false;""")
    page = context.new_page()
    try:
        page.goto(site_server + PAGE)
        template = page.locator(".ng-template[data-template]").first
        template.locator("button.ng-template__copy").click()
        expect(template.locator(".ng-template__status")).to_have_text(words("en")["template_copy_failed"])
        # The text can still be selected by hand.
        assert template.locator(".ng-template__text").evaluate("(element) => getComputedStyle(element).userSelect") != "none"
    finally:
        context.close()
