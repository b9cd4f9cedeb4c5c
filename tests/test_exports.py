"""The other downloads, read as a reader's tools read them: the EPUBs (EPUBCheck, the chapters
in nav order), a printable card per checklist, and the export cache that makes a rebuild cheap."""

from __future__ import annotations

import logging
import re
import shutil
import os
import subprocess
import zipfile
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import LANGUAGE_PREFIX, LANGUAGES, REPO, build, configuration, page_text, write_site
from networking_guide.exports import downloads
from networking_guide.exports.making import Exports
from test_pdf_export import nav_titles, pdftotext, spaced



class _Checklists(HTMLParser):
    """(id, title) of the checklists of a page, as a browser reads the markup."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and "ng-checklist" in (attributes.get("class") or "").split():
            self.found.append((attributes["data-checklist"], attributes.get("aria-label", "")))


def checklists_on(html: str) -> list[tuple[str, str]]:
    parser = _Checklists()
    parser.feed(html)
    return parser.found


def text_of(html: str) -> str:
    return spaced(unescape(re.sub(r"<[^>]+>", " ", html)))


def plain(text: str) -> str:
    return " ".join(spaced(text).split())


# EPUB -----------------------------------------------------------------------------------------


def epubcheck() -> list[str]:
    """Debian's EPUBCheck: its command is the jar itself (run by binfmt where registered)."""
    found = shutil.which("epubcheck")
    if not found:
        pytest.fail("EPUBCheck not found: install Debian's package (apt-get install epubcheck)")
    real = os.path.realpath(found)
    return ["java", "-jar", real] if real.endswith(".jar") else [found]


# A short run: the quick compiler alone and the serial collector make EPUBCheck about 40% faster
# on two cores than the JVM's defaults, which are tuned for long-running servers (given through
# the environment, so that they also reach a jar started by a wrapper script).
QUICK_JVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_epub_passes_epubcheck(exported_site, lang):
    epub = exported_site.path / downloads.epub_path(lang)
    environment = dict(os.environ, JAVA_TOOL_OPTIONS=" ".join(QUICK_JVM))
    result = subprocess.run([*epubcheck(), "--quiet", str(epub)], capture_output=True, text=True, timeout=300,
                            env=environment)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_epub_holds_every_page_in_nav_order_in_its_language(exported_site, lang):
    with zipfile.ZipFile(exported_site.path / downloads.epub_path(lang)) as book:
        opf_name = next(name for name in book.namelist() if name.endswith(".opf"))
        opf = book.read(opf_name).decode("utf-8")
        assert f"<dc:language>{lang}</dc:language>" in opf
        manifest = dict(re.findall(r'<item [^>]*href="([^"]+)" id="([^"]+)"', opf))
        by_id = {item_id: href for href, item_id in manifest.items()}
        spine = [by_id[idref] for idref in re.findall(r'<itemref idref="([^"]+)"', opf)]
        folder = opf_name.rpartition("/")[0]
        titles = []
        for href in spine:
            chapter = book.read(f"{folder}/{href}" if folder else href).decode("utf-8")
            assert re.search(rf'<html[^>]* lang="{lang}"', chapter), href
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", chapter, re.S)
            if heading and href not in ("cover.xhtml", "nav.xhtml"):
                titles.append(plain(text_of(heading.group(1))).rstrip("¶ "))
            # Nothing is fetched from anywhere: images and styles are inside the book.
            assert not re.search(r'(?:src|href)="https?://[^"]+\.(?:png|jpe?g|svg|css|js)"', chapter), href
    expected = [plain(title) for title in nav_titles(lang)]
    assert titles == expected


# Checklist cards ---------------------------------------------------------------------------------


def checklists_of_the_site(site: Path, lang: str) -> list[tuple[str, str, str]]:
    """(page, checklist id, title) for every checklist of a language's pages."""
    found = []
    prefix = LANGUAGE_PREFIX[lang]
    others = tuple(LANGUAGE_PREFIX[other] for other in LANGUAGES if LANGUAGE_PREFIX[other] and other != lang)
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if not relative.startswith(prefix) or relative.startswith(others) or relative.startswith("download/"):
            continue
        for checklist_id, title in checklists_on(page.read_text(encoding="utf-8")):
            found.append((relative, checklist_id, title))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_checklist_has_a_card_of_at_most_two_pages_saying_what_the_page_says(exported_site, lang):
    checklists = checklists_of_the_site(exported_site.path, lang)
    assert len(checklists) >= 6
    site_name = {entry["locale"]: entry.get("site_name", configuration()["site_name"])
                 for entry in configuration()["plugins"][1]["i18n"]["languages"]}[lang]
    address = configuration()["site_url"].rstrip("/") + "/" + LANGUAGE_PREFIX[lang]
    for page, checklist_id, title in checklists:
        card = exported_site.path / downloads.card_path(lang, checklist_id)
        assert card.is_file(), f"no card for {checklist_id} ({page})"
        assert len(PdfReader(card).pages) <= 2, card.name
        text = plain(pdftotext(card, first=None))
        assert plain(title) in text and plain(site_name) in text and address in text.replace(" ", ""), card.name
        html = (exported_site.path / page).read_text(encoding="utf-8")
        block = html[html.index(f'data-checklist="{checklist_id}"'):]
        block = block[:block.index("ng-checklist__controls")]
        squeezed = re.sub(r"\s+", "", text)  # a line may break anywhere, even after a hyphen
        for label in re.findall(r'<label[^>]*>(.*?)</label>', block, re.S):
            assert re.sub(r"\s+", "", text_of(label)) in squeezed, f"{card.name} lacks the item “{plain(text_of(label))}”"
        # The page links to its card, with a working address.
        link = re.search(rf'<a href="([^"]+networking-guide-{lang}-{checklist_id}\.pdf)"', html)
        assert link, f"{page} does not link the card of {checklist_id}"
        assert ((exported_site.path / page).parent / link.group(1)).resolve() == card.resolve()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_downloads_page_lists_every_download_of_its_language(exported_site, lang):
    html = next(page for page in (exported_site.path / LANGUAGE_PREFIX[lang]).rglob("*.html")
                if "ng-downloads" in page.read_text(encoding="utf-8"))
    text = html.read_text(encoding="utf-8")
    targets = {((html.parent / href).resolve()) for href in re.findall(r'href="([^"]+\.(?:pdf|epub|zip))"', text)}
    expected = {(exported_site.path / path).resolve() for path in
                (downloads.pdf_path(lang), downloads.epub_path(lang), downloads.OFFLINE_COPY)}
    expected |= {(exported_site.path / downloads.card_path(lang, checklist_id)).resolve()
                 for _, checklist_id, _ in checklists_of_the_site(exported_site.path, lang)}
    assert expected <= targets
    assert all(target.is_file() for target in targets)


# The export cache ------------------------------------------------------------------------------


def checklist_site(tmp_path: Path) -> Path:
    pages = {}
    for lang in LANGUAGES:
        pages[f"{lang}/index.md"] = page_text(f"Home {lang}", "Text of the home page.")
        pages[f"{lang}/list.md"] = page_text(
            f"List {lang}", "## Before you go\n\n::: checklist {#trip}\n- [ ] Pack cards {#cards}\n- [ ] Read the programme {#programme}\n:::")
    return write_site(tmp_path, pages)


def made_and_reused(log: str) -> tuple[set[str], set[str]]:
    """The exports a build made, and the ones it reused from the cache."""
    reused = set(re.findall(r"(PDF \w+|EPUB \w+|Card \w+ [\w-]+|Offline copy): unchanged, reused", log))
    made = set(re.findall(r"(PDF \w+|EPUB \w+|Card \w+ [\w-]+|Offline copy): (?!unchanged)", log))
    return made, reused


def test_a_rebuild_reuses_every_unchanged_export_and_makes_only_what_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(tmp_path / "cache"))
    config = checklist_site(tmp_path)
    every = {f"{kind} {lang}" for kind in ("PDF", "EPUB") for lang in LANGUAGES} | {f"Card {lang} trip" for lang in LANGUAGES}

    first = build(config, tmp_path / "site", exports=True)
    assert first.returncode == 0, first.log
    made, reused = made_and_reused(first.log)
    assert every | {"Offline copy"} <= made and not reused
    files = {path: path.read_bytes() for path in (tmp_path / "site" / "download").rglob("*") if path.is_file()}

    second = build(config, tmp_path / "site", exports=True)
    made, reused = made_and_reused(second.log)
    assert not made and every | {"Offline copy"} <= reused
    assert {path: path.read_bytes() for path in files} == files  # the same downloads, byte for byte

    english = tmp_path / "docs" / "en" / "list.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Pack cards", "Pack business cards"), encoding="utf-8")
    third = build(config, tmp_path / "site", exports=True)
    made, reused = made_and_reused(third.log)
    assert made == {"PDF en", "EPUB en", "Card en trip", "Offline copy"}
    assert reused == every - made
    assert "Pack business cards" in plain(pdftotext(tmp_path / "site" / downloads.card_path("en", "trip")))


def test_serving_skips_the_exports_and_says_how_to_have_them(monkeypatch, caplog):
    monkeypatch.delenv("GUIDE_EXPORTS", raising=False)
    monkeypatch.delenv(downloads.SKIP_VARIABLE, raising=False)
    exports = Exports()
    with caplog.at_level(logging.INFO):
        exports.serving(True)
    assert not exports.enabled()
    assert "skipped while serving; GUIDE_EXPORTS=1 makes them" in caplog.text
    monkeypatch.setenv("GUIDE_EXPORTS", "1")
    assert exports.enabled()
    exports.serving(False)
    monkeypatch.delenv("GUIDE_EXPORTS")
    assert exports.enabled()
