"""The installable guide in the built site: each language's manifest, the service worker's lists
of files, the home-screen icons. (What a reader's browser does with them:
test_browser_installable.py.)"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path, PurePosixPath

import pytest
from PIL import Image

from helpers import LANGUAGE_PREFIX, LANGUAGES, REPO, configuration
from networking_guide import icons, installable

WORKER_LIST = re.compile(r"^const (SHARED|LANGUAGES) = (.*);$", re.MULTILINE)


def worker_lists(site: Path) -> tuple[dict, dict]:
    found = dict(WORKER_LIST.findall((site / installable.WORKER).read_text(encoding="utf-8")))
    return json.loads(found["SHARED"]), json.loads(found["LANGUAGES"])


def html_pages(site: Path, lang: str) -> set[str]:
    pages = {path.relative_to(site).as_posix() for path in site.rglob("*.html")}
    others = tuple(LANGUAGE_PREFIX[other] for other in LANGUAGES if LANGUAGE_PREFIX[other] and other != lang)
    prefix = LANGUAGE_PREFIX[lang]
    return {page for page in pages if page.startswith(prefix) and not page.startswith(others)}


def test_the_worker_keeps_every_page_of_each_language_and_no_download(built_site):
    shared, by_language = worker_lists(built_site.path)
    assert set(by_language) == set(LANGUAGES)
    for lang in LANGUAGES:
        files = set(by_language[lang])
        assert html_pages(built_site.path, lang) <= files, f"pages of {lang} missing from the worker's list"
        assert LANGUAGE_PREFIX[lang] + "search/search_index.json" in files
        assert LANGUAGE_PREFIX[lang] + installable.MANIFEST in files
    every = list(shared) + [name for files in by_language.values() for name in files]
    assert len(every) == len(set(every)), "a file is listed twice"
    for name in every:
        assert (built_site.path / name).is_file(), name
        assert not name.startswith("download/") and name != installable.WORKER
    # Search support for the site's languages only.
    lunr = {PurePosixPath(name).name for name in shared if "/lunr/" in name}
    assert {"lunr.stemmer.support.min.js", "lunr.fr.min.js", "lunr.it.min.js", "lunr.multi.min.js"} <= lunr
    assert not lunr & {"lunr.de.min.js", "lunr.ja.min.js", "tinyseg.js", "wordcut.js"}


def test_the_worker_knows_each_files_content(built_site):
    shared, by_language = worker_lists(built_site.path)
    for name, digest in [*shared.items(), *by_language["fr"].items()]:
        assert installable.file_hashes(built_site.path, [name])[name] == digest


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_manifest(built_site, lang):
    folder = built_site.path / LANGUAGE_PREFIX[lang]
    data = json.loads((folder / installable.MANIFEST).read_text(encoding="utf-8"))
    i18n = next(entry for entry in configuration()["plugins"][1]["i18n"]["languages"] if entry["locale"] == lang)
    assert data["name"] == i18n.get("site_name", configuration()["site_name"])
    assert data["lang"] == lang and data["display"] == "standalone"
    assert (folder / data["start_url"]).is_file()
    for icon in data["icons"]:
        path = (folder / icon["src"]).resolve()
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_its_languages_manifest(built_site, lang):
    manifest = (built_site.path / LANGUAGE_PREFIX[lang] / installable.MANIFEST).resolve()
    for page in sorted(html_pages(built_site.path, lang)):
        html = (built_site.path / page).read_text(encoding="utf-8")
        if page.endswith("404.html"):
            continue
        href = re.search(r'<link rel="manifest" href="([^"]+)">', html)
        assert href, f"{page} links no manifest"
        assert ((built_site.path / page).parent / href.group(1)).resolve() == manifest, page


def test_the_icons_are_made_from_the_current_logo():
    logo = REPO / "overrides" / "assets" / "images" / "logo.svg"
    for size in icons.SIZES:
        icon = REPO / "overrides" / "assets" / "images" / f"icon-{size}.png"
        assert icons.recorded_hash(icon) == icons.logo_hash(logo), f"{icon.name} is out of date: run `guide icons`"


def test_the_version_changes_with_any_file_and_only_then(built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site.path, site)
    names = {lang: ("Name", "Short", "Description") for lang in LANGUAGES}
    first = installable.write(site, dict(LANGUAGE_PREFIX), set(LANGUAGES), names)
    assert installable.write(site, dict(LANGUAGE_PREFIX), set(LANGUAGES), names) == first
    page = site / LANGUAGE_PREFIX["it"] / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert installable.write(site, dict(LANGUAGE_PREFIX), set(LANGUAGES), names) != first


@pytest.mark.browser
def test_guide_icons_makes_both_sizes_from_the_logo(tmp_path, browser):
    logo = REPO / "overrides" / "assets" / "images" / "logo.svg"
    made = icons.make(logo, tmp_path, browser=browser)
    assert [path.name for path in made] == [f"icon-{size}.png" for size in icons.SIZES]
    for path, size in zip(made, icons.SIZES):
        with Image.open(path) as image:
            assert image.size == (size, size)
            # The background is the theme colour; the logo is drawn in white in the middle.
            assert image.convert("RGB").getpixel((2, 2)) == tuple(int(installable.THEME_COLOUR[i:i + 2], 16) for i in (1, 3, 5))
            assert (255, 255, 255) in {colour for _, colour in image.convert("RGB").getcolors(maxcolors=size * size)}
        assert icons.recorded_hash(path) == icons.logo_hash(logo)
