"""What a reader sees in Chromium: search in their language, the switcher, no network, file://."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from helpers import LANGUAGE_PREFIX, LANGUAGES

pytestmark = pytest.mark.browser

# A proper name that every language's pages mention, so each index has hits for it.
SHARED_WORD = "Dunbar"
# A word of each language that the other languages' pages do not use.
OWN_WORD = {"en": "handshake", "fr": "poignée", "it": "stretta"}
# What Material says, in the page's language, when nothing matches.
NO_RESULT = {"en": "No matching documents", "fr": "Aucun document trouvé", "it": "Nessun documento trovato"}


def search(page, query: str) -> list[str]:
    """Type ``query`` in the search box as a reader would; return the result links' URLs."""
    opener = page.locator("label.md-header__button[for=__search]")
    if opener.is_visible():  # narrow screens show a button; wide ones the box itself
        opener.click()
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__list a.md-search-result__link")
    results.first.wait_for(state="visible")
    return [results.nth(i).evaluate("a => a.href") for i in range(results.count())]


def language_of(url: str, base: str) -> str:
    path = url[len(base):] if url.startswith(base) else urlsplit(url).path.lstrip("/")
    for lang in ("fr", "it"):
        if path.startswith(LANGUAGE_PREFIX[lang]):
            return lang
    return "en"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_answers_in_the_readers_language_with_nothing_from_another_host(offline_page, site_server, lang):
    """One reader, one language: results are pages of that language only, they open there, a
    word only other languages use finds nothing, and nothing is asked of another host (nor
    blocked by the Content-Security-Policy: the fixture checks it)."""
    page = offline_page
    page.goto(site_server + LANGUAGE_PREFIX[lang] + "basics/what-is-networking.html")
    urls = search(page, SHARED_WORD)
    assert urls, "no search result"
    assert {language_of(url, site_server) for url in urls} == {lang}
    assert page.request.get(urls[0].split("#")[0]).ok
    assert {language_of(url, site_server) for url in search(page, OWN_WORD[lang])} == {lang}
    box = page.locator("input[data-md-component=search-query]")
    for other in set(LANGUAGES) - {lang}:
        box.fill("")
        box.press_sequentially(OWN_WORD[other], delay=20)
        expect(page.locator(".md-search-result__meta")).to_have_text(NO_RESULT[lang])
        assert page.locator(".md-search-result__list a.md-search-result__link").count() == 0
    search(page, SHARED_WORD)
    page.locator(".md-search-result__list a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert language_of(page.url, site_server) == lang
    assert page.locator("html").get_attribute("lang") == lang and page.locator("h1").first.is_visible()
    assert page.attempted == []


@pytest.mark.parametrize(("start", "target", "name"), [("fr", "it", "Italiano"), ("it", "en", "English"), ("en", "fr", "Français")])
def test_language_switcher_lands_on_the_same_deep_page(page, site_server, start, target, name):
    deep = "etiquette/organizing-an-event.html"
    page.goto(site_server + LANGUAGE_PREFIX[start] + deep)
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_url(site_server + LANGUAGE_PREFIX[target] + deep)
    assert page.locator("html").get_attribute("lang") == target
    assert page.locator("h1").first.is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_site_opened_from_the_file_system_searches_in_its_language(offline_page, built_site, lang):
    page = offline_page
    page.goto((built_site.path / LANGUAGE_PREFIX[lang] / "index.html").as_uri())
    urls = search(page, SHARED_WORD)
    root = (built_site.path / LANGUAGE_PREFIX[lang]).as_uri() + "/"
    assert urls and all(url.startswith(root) for url in urls)
    if lang == "en":  # the English root holds the other languages' folders too
        assert not any(url.startswith(root + "fr/") or url.startswith(root + "it/") for url in urls)
    page.locator(".md-search-result__list a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and page.locator("h1").first.is_visible()
    assert page.attempted == []  # and the file:// search worker runs under the policy (the fixture checks)
