"""Accessibility in Chromium: axe-core on every page of every language in the light scheme, on
the pages that show every kind of element in the dark scheme, and the keyboard alone for search
and the language switcher (checklists: tests/test_browser_checklists.py)."""

from __future__ import annotations

import functools
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import LANGUAGE_PREFIX, LANGUAGES, REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def every_page(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "assets" not in p.parts)


AUDIT = """async ([context, rules]) => (await axe.run(context || document,
        rules ? {resultTypes: ['violations'], runOnly: {type: 'rule', values: rules}} : {resultTypes: ['violations']})).violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"""
# What the colour scheme changes: the colours. The light scheme gets every rule; the dark one the
# rules that read colours (the markup, names and structure are the same in both).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Each page's own parts; the theme's frame (header, navigation, footer) is audited whole on the
# first pages of each language, where it is the same as everywhere else.
OWN_PARTS = {"include": [["article"], [".md-sidebar--secondary"]]}
WHOLE_PAGES = ("index.html", "checklists/at-the-event.html", "glossary.html", "404.html")


class _Kinds(HTMLParser):
    """Every kind of element a page shows: (parent's tag and classes, own tag and classes)."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple] = []
        self.kinds: set[tuple] = set()

    def handle_starttag(self, tag, attrs):
        kind = (tag, tuple(sorted((dict(attrs).get("class") or "").split())))
        self.kinds.add((self.stack[-1] if self.stack else None, kind))
        if tag not in self.VOID:
            self.stack.append(kind)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass


def pages_showing_every_kind(site: Path, pages: list[str]) -> list[str]:
    """The fewest pages (greedily) that together show every kind of element, in its context, that
    any of ``pages`` shows: a new component anywhere brings its page into the set."""
    kinds = {}
    for page in pages:
        parser = _Kinds()
        parser.feed((site / page).read_text(encoding="utf-8"))
        kinds[page] = parser.kinds
    covered: set = set()
    chosen = []
    while True:
        best = max(pages, key=lambda page: len(kinds[page] - covered))
        if not kinds[best] - covered:
            return chosen
        chosen.append(best)
        covered |= kinds[best]


def test_the_dark_audit_takes_every_page_that_shows_a_kind_of_element_no_other_shows(tmp_path):
    plain = "<main><p>Text <a href=x>link</a></p></main>"
    (tmp_path / "a.html").write_text(plain + "<ul><li>item</li></ul>")
    (tmp_path / "b.html").write_text(plain)
    (tmp_path / "c.html").write_text(plain + '<div class="admonition tip"><p>tip <a href=y>z</a></p></div>')
    (tmp_path / "d.html").write_text("<main><ul><li><a href=x>link in a list</a></li></ul></main>")
    assert sorted(pages_showing_every_kind(tmp_path, ["a.html", "b.html", "c.html", "d.html"])) == [
        "a.html", "c.html", "d.html"]


def language_pages(site, lang: str) -> list[str]:
    """The HTML pages of one language (the default language's folder holds the others')."""
    others = [prefix for code, prefix in LANGUAGE_PREFIX.items() if code != lang and prefix]
    return [page for page in every_page(site) if page.startswith(LANGUAGE_PREFIX[lang])
            and not any(page.startswith(prefix) for prefix in others if prefix != LANGUAGE_PREFIX[lang])]


# The sweep is cut into parts (a few pages each) so that the test processes share it out.
PARTS = 4


def audit(browser, site_server, pages: list[str], scheme: str, rules: list[str] | None) -> dict:
    """axe-core's serious and critical violations on ``pages`` in ``scheme`` (only ``rules``,
    when given): {page: [violation, …]} for the pages that have any."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (see README)")
    # The site's Content-Security-Policy would block the audit script itself: the audit, not
    # the page, bypasses it (test_browser_security.py checks the policy).
    # The reader's system prefers this scheme (the site follows it until the reader chooses).
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, service_workers="block")
    context.add_init_script(path=str(AXE))  # in every page, before its own scripts
    page = context.new_page()
    found = {}
    try:
        for relative in pages:
            page.goto(site_server + relative, wait_until="domcontentloaded")
            shown = page.locator("body").get_attribute("data-md-color-scheme")
            assert shown == {"light": "default", "dark": "slate"}[scheme], f"{relative} is shown in {shown}"
            lang = next(code for code, prefix in reversed(LANGUAGE_PREFIX.items()) if relative.startswith(prefix))
            whole = relative.removeprefix(LANGUAGE_PREFIX[lang]) in WHOLE_PAGES
            violations = page.evaluate(AUDIT, [None if whole else OWN_PARTS, rules])
            if violations:
                found[relative] = violations
    finally:
        context.close()
    return found


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_reports_no_serious_or_critical_violation_on_any_page(browser, built_site, site_server, lang, part):
    """Every page of every language, in the light scheme, with every rule."""
    pages = language_pages(built_site.path, lang)
    assert len(pages) >= 28
    found = audit(browser, site_server, pages[part::PARTS], "light", None)
    assert found == {}, json.dumps(found, indent=1)


@functools.cache
def colour_pages(site: Path) -> list[str]:
    """The pages that together show every kind of element anywhere in the site (computed once a
    test process: both parts of the dark audit share it)."""
    return pages_showing_every_kind(site, every_page(site))


@pytest.mark.parametrize("part", range(2))
def test_axe_finds_no_colour_violation_in_the_dark_scheme(browser, built_site, site_server, part):
    """Colours depend on what an element is and where it sits, not on the words or the language:
    the dark scheme is audited, with the rules that read colours, on the pages that together
    show every kind of element in its context anywhere in the site (about ten)."""
    pages = colour_pages(built_site.path)
    assert len(pages) >= 5
    found = audit(browser, site_server, pages[part::2], "dark", COLOUR_RULES)
    assert found == {}, json.dumps(found, indent=1)


def tab_until(page, test: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {test}; }})()"):
            return
    pytest.fail(f"nothing matching {test} is reachable with Tab")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_searching_with_the_keyboard_alone(page, site_server, lang):
    page.goto(site_server + LANGUAGE_PREFIX[lang] + "index.html")
    tab_until(page, "el.matches('input[data-md-component=search-query]')")
    page.keyboard.type("Dunbar", delay=20)
    page.locator(".md-search-result__list a.md-search-result__link").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == lang
    assert "Dunbar" in page.content()


@pytest.mark.parametrize(("start", "target"), [("en", "it"), ("fr", "en"), ("it", "fr")])
def test_switching_language_with_the_keyboard_alone(page, site_server, start, target):
    deep = "rules/follow-up-and-give.html"
    page.goto(site_server + LANGUAGE_PREFIX[start] + deep)
    tab_until(page, f"el.matches('a.md-select__link[hreflang={target}]')")
    page.keyboard.press("Enter")
    page.wait_for_url(site_server + LANGUAGE_PREFIX[target] + deep)
    assert page.locator("html").get_attribute("lang") == target
