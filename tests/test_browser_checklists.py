"""Checklists in Chromium: ticks survive reloads and languages, storage failures, keyboard, print."""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import expect

from helpers import DirectoryServer, build, page_text, write_site

pytestmark = pytest.mark.browser

PAGE = "checklists/before-the-event.html"
KEY = "networking-guide:checklist:before-the-event"


def box(page, item: str):
    return page.locator(f'input.ng-checklist__box[data-item="{item}"]')


def progress(page, checklist="before-the-event"):
    return page.locator(f'[data-checklist="{checklist}"] .ng-checklist__progress')


def saved(page, key=KEY):
    raw = page.evaluate("key => localStorage.getItem(key)", key)
    return None if raw is None else json.loads(raw)["done"]


def test_a_ticked_item_is_still_ticked_after_a_reload(page, site_server):
    page.goto(site_server + PAGE)
    expect(progress(page)).to_have_text("0 of 10 done")
    page.get_by_text("Pack business cards", exact=False).first.click()  # the label ticks the box
    expect(box(page, "cards")).to_be_checked()
    expect(progress(page)).to_have_text("1 of 10 done")
    page.reload()
    expect(box(page, "cards")).to_be_checked()
    expect(box(page, "programme")).not_to_be_checked()
    expect(progress(page)).to_have_text("1 of 10 done")


def test_ticks_follow_the_reader_into_another_language(page, site_server):
    page.goto(site_server + PAGE)
    box(page, "rest").check()
    box(page, "cards").check()
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Français", exact=True).click()
    page.wait_for_url(site_server + "fr/" + PAGE)
    expect(box(page, "rest")).to_be_checked()
    expect(box(page, "cards")).to_be_checked()
    expect(progress(page)).to_have_text("2 cases cochées sur 10")
    box(page, "cards").uncheck()
    page.goto(site_server + "it/" + PAGE)
    expect(box(page, "rest")).to_be_checked()
    expect(box(page, "cards")).not_to_be_checked()
    expect(progress(page)).to_have_text("1 voce spuntata su 10")


def test_untick_all_clears_the_list_and_what_was_saved(page, site_server):
    page.goto(site_server + PAGE)
    box(page, "rest").check()
    box(page, "eat").check()
    assert sorted(saved(page)) == ["eat", "rest"]
    page.get_by_role("button", name="Untick all").click()
    expect(page.locator("input.ng-checklist__box:checked")).to_have_count(0)
    expect(progress(page)).to_contain_text("0 of 10 done")
    assert saved(page) is None


def test_ticking_by_keyboard_alone(page, site_server):
    page.goto(site_server + PAGE)
    for _ in range(80):  # Tab through the page as a keyboard user does
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.item") == "programme":
            break
    else:
        pytest.fail("the first checkbox cannot be reached with Tab")
    page.keyboard.press("Space")
    expect(box(page, "programme")).to_be_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.item") == "goals"
    page.keyboard.press("Space")
    expect(progress(page)).to_have_text("2 of 10 done")
    # On to the "Untick all" button, and Enter presses it.
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ng-checklist__reset')"):
            break
    else:
        pytest.fail("the Untick all button cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(page.locator("input.ng-checklist__box:checked")).to_have_count(0)


STORAGE_FAILURES = {
    "blocked": "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});",
    "full": "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    "broken-reads": "Storage.prototype.getItem = function () { throw new Error('broken'); };",
}


@pytest.mark.parametrize("failure", STORAGE_FAILURES)
def test_storage_that_throws_leaves_the_page_working(browser, site_server, failure):
    context = browser.new_context()
    context.add_init_script(STORAGE_FAILURES[failure])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    try:
        page.goto(site_server + PAGE)
        box(page, "cards").check()
        box(page, "rest").check()
        expect(progress(page)).to_have_text("2 of 10 done")
        expect(page.locator(".ng-checklist__unsaved")).to_be_visible()
        assert errors == []
    finally:
        context.close()


def test_corrupt_saved_state_is_ignored_and_replaced(page, site_server):
    page.goto(site_server + PAGE)
    page.evaluate("key => localStorage.setItem(key, '{not json')", KEY)
    page.reload()
    expect(page.locator("input.ng-checklist__box:checked")).to_have_count(0)
    box(page, "phone").check()
    assert saved(page) == ["phone"]
    expect(page.locator(".ng-checklist__unsaved")).to_be_hidden()


def test_printing_shows_dark_empty_boxes_and_no_buttons(page, site_server):
    page.goto(site_server + PAGE)
    page.emulate_media(media="print")
    style = box(page, "programme").evaluate(
        "el => { const s = getComputedStyle(el); return [s.borderTopColor, s.borderTopWidth, s.backgroundColor, s.appearance]; }"
    )
    assert style[0] == "rgb(0, 0, 0)" and float(style[1].rstrip("px")) >= 1.5
    assert style[2] == "rgb(255, 255, 255)" and style[3] == "none"
    expect(page.locator(".ng-checklist__controls").first).to_be_hidden()


def test_print_this_checklist_prints_that_checklist_only(browser, site_server):
    context = browser.new_context()
    context.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page = context.new_page()
    try:
        page.goto(site_server + "checklists/after-the-event.html")
        page.locator('[data-checklist="after-the-event-weeks"]').get_by_role("button", name="Print this checklist").click()
        assert page.evaluate("window.__printed") == 1
        page.emulate_media(media="print")
        expect(page.locator('[data-checklist="after-the-event-weeks"]')).to_be_visible()
        expect(page.locator('[data-checklist="after-the-event-days"]')).to_be_hidden()
        expect(page.locator("article h1")).to_be_visible()
    finally:
        context.close()


# Items reordered, reworded, added and removed between two versions of a page ----------------


def checklist_page(items: list[tuple[str, str]], lang: str) -> str:
    lines = "\n".join(f"- [ ] {text} {{#{item_id}}}" for item_id, text in items)
    return page_text(f"List {lang}", f"## Packing\n\n::: checklist {{#packing}}\n{lines}\n:::\n")


def build_version(root, items_by_lang):
    pages = {}
    for lang, items in items_by_lang.items():
        pages[f"{lang}/index.md"] = page_text(f"Home {lang}", "Welcome.")
        pages[f"{lang}/list.md"] = checklist_page(items, lang)
    config = write_site(root, pages)
    result = build(config, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr


def test_reordered_reworded_and_removed_items_keep_the_right_ticks(page, tmp_path):
    first = [("cards", "Business cards"), ("pen", "A pen"), ("water", "Water")]
    build_version(tmp_path / "v1", {lang: first for lang in ("en", "fr", "it")})
    site = tmp_path / "served"
    (tmp_path / "v1" / "site").rename(site)
    server = DirectoryServer(site)
    try:
        page.goto(server.url + "list.html")
        for item in ("cards", "pen", "water"):
            box(page, item).check()
        page.locator('input[data-item="pen"]').uncheck()  # ticked: cards and water

        # The next version reorders, rewords, adds "umbrella" and removes "water".
        second = [("umbrella", "An umbrella"), ("pen", "Two pens, in case one dries up"), ("cards", "Cards, plenty")]
        build_version(tmp_path / "v2", {lang: second for lang in ("en", "fr", "it")})
        shutil.rmtree(site)
        (tmp_path / "v2" / "site").rename(site)
        page.reload()
        expect(box(page, "cards")).to_be_checked()
        expect(page.get_by_label("Cards, plenty")).to_be_checked()
        expect(box(page, "pen")).not_to_be_checked()
        expect(box(page, "umbrella")).not_to_be_checked()
        expect(progress(page, "packing")).to_have_text("1 of 3 done")
        assert saved(page, "networking-guide:checklist:packing") == ["cards"]  # "water" is forgotten
    finally:
        server.close()
