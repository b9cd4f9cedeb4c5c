"""The offline copy, unzipped and opened from the file system, as a reader without a network."""

from __future__ import annotations

import zipfile

import pytest

from helpers import LANGUAGE_PREFIX
from test_browser_search_and_languages import SHARED_WORD, search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["fr", "it", "en"])
def test_the_unzipped_offline_copy_searches_from_file_urls(offline_page, exported_site, tmp_path, lang):
    with zipfile.ZipFile(exported_site.path / "download" / "networking-guide-offline.zip") as archive:
        archive.extractall(tmp_path)
    root = tmp_path / "networking-guide" / LANGUAGE_PREFIX[lang]
    page = offline_page
    page.goto((root / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == lang
    urls = search(page, SHARED_WORD)
    assert urls and all(url.startswith(root.as_uri()) for url in urls)
    if lang == "en":
        assert not any("/networking-guide/fr/" in url or "/networking-guide/it/" in url for url in urls)
    page.locator(".md-search-result__list a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(root.as_uri()) and page.locator("h1").first.is_visible()
    # A checklist works there too, and keeps its ticks across a reload.
    page.goto((root / "checklists" / "at-the-event.html").as_uri())
    page.locator('input[data-item="badge"]').check()
    page.reload()
    assert page.locator('input[data-item="badge"]').is_checked()
    assert page.attempted == []
