"""The PDFs and the offline copy the normal build produces, read as a reader's tools read them."""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
import zipfile

import pytest
import yaml
from pypdf import PdfReader

from helpers import LANGUAGE_PREFIX, LANGUAGES, REPO, build, page_text, write_site
from test_content import looks_written_in, words

HOME_TITLE = {lang: yaml.safe_load((REPO / "docs" / lang / "index.md").read_text(encoding="utf-8").split("---\n")[1])["title"]
              for lang in LANGUAGES}
COVER = {
    "en": ("The Networking Guide", "Version 0.1.0", "Contents"),
    "fr": ("Guide du réseautage", "Version 0.1.0", "Sommaire"),
    "it": ("Guida al networking", "Versione 0.1.0", "Indice"),
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
}


def pdf_path(exported_site, lang):
    return exported_site.path / "download" / f"networking-guide-{lang}.pdf"


def spaced(text: str) -> str:
    """No-break spaces as plain ones: text extraction does not keep them apart."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def pdftotext(path, first=None, last=None) -> str:
    command = ["pdftotext", "-layout"]
    if first:
        command += ["-f", str(first), "-l", str(last or first)]
    return spaced(subprocess.run(command + [str(path), "-"], capture_output=True, text=True, check=True).stdout)


def nav_titles(lang):
    titles = []
    for page in re.findall(r"^\s*-\s+(?:[^:\n]+:\s+)?([\w/.-]+\.md)\s*$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M):
        header = (REPO / "docs" / lang / page).read_text(encoding="utf-8").split("---\n")[1]
        titles.append(spaced(yaml.safe_load(header)["title"]))
    return titles


HOME_LABEL = {"en": "Home", "fr": "Accueil", "it": "Pagina iniziale"}  # the nav's name for index.md


def contents_titles(lang):
    return [HOME_LABEL[lang]] + nav_titles(lang)[1:]


def outline_titles(outline):
    for entry in outline:
        if isinstance(entry, list):
            yield from outline_titles(entry)
        else:
            yield spaced(entry.title)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_cover_is_localized(exported_site, lang):
    cover = pdftotext(pdf_path(exported_site, lang), 1)
    title, version, _ = COVER[lang]
    assert title in cover and version in cover
    assert any(month in cover for month in MONTHS[lang].split())
    assert PdfReader(pdf_path(exported_site, lang)).metadata.title == title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contents_lists_every_page_with_a_page_number(exported_site, lang):
    text = pdftotext(pdf_path(exported_site, lang), 2, 3)
    assert COVER[lang][2] in text
    for title in contents_titles(lang):
        assert re.search(re.escape(title) + r"[ .]*\s\d+\s*$", text, re.M), title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_in_the_pdf_in_its_language(exported_site, lang):
    reader = PdfReader(pdf_path(exported_site, lang))
    assert len(reader.pages) > len(nav_titles(lang)) + 2
    text = pdftotext(pdf_path(exported_site, lang))
    assert looks_written_in(words(text), lang)
    for other in set(LANGUAGES) - {lang}:
        assert not looks_written_in(words(text), other) or other == lang
    # A sentence from the middle of a page's body, and the last page's title.
    assert "Dunbar" in text
    assert nav_titles(lang)[-1] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_headings_are_pdf_bookmarks(exported_site, lang):
    titles = list(outline_titles(PdfReader(pdf_path(exported_site, lang)).outline))
    for title in nav_titles(lang):
        assert title in titles
    assert len(titles) > 3 * len(nav_titles(lang))  # pages and their sections


@pytest.mark.parametrize("lang", LANGUAGES)
def test_internal_links_jump_inside_the_document(exported_site, lang):
    reader = PdfReader(pdf_path(exported_site, lang))
    destinations = set(reader.named_destinations)
    internal, web = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annotation:
                internal.append(str(annotation["/Dest"]))
            elif "/A" in annotation and annotation["/A"].get("/S") == "/URI":
                web.append(str(annotation["/A"]["/URI"]))
    assert len(internal) > 100  # contents, cross-references, glossary links
    assert set(internal) <= destinations
    # No link points at the web version of a guide page.
    assert [uri for uri in web if uri.endswith(".html") or ".html#" in uri] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fonts_are_embedded(exported_site, lang):
    reader = PdfReader(pdf_path(exported_site, lang))
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = any(key.startswith("/FontFile") for key in descriptor.get_object())
    assert fonts and all(fonts.values()), fonts


COLOUR = re.compile(r"([\d.]+) ([\d.]+) ([\d.]+) rg\n")
FILLED = re.compile(r"[-\d.]+ [-\d.]+ ([-\d.]+) ([-\d.]+) re\nf\n")
EMPTY_BOX = re.compile(r"[-\d.]+ [-\d.]+ ([-\d.]+) ([-\d.]+) re\n[-\d.]+ [-\d.]+ ([-\d.]+) ([-\d.]+) re\nf\*")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_checklists_print_as_empty_boxes(exported_site, lang):
    reader = PdfReader(pdf_path(exported_site, lang))
    source = (REPO / "docs" / lang / "checklists" / "before-the-event.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.*?) \{#", spaced(source), re.M)
    pages = pdftotext(pdf_path(exported_site, lang)).split("\f")
    page_number = next(i for i, page in enumerate(pages) if items[0] in " ".join(page.split()))
    drawing = reader.pages[page_number].get_contents().get_data().decode("latin-1")
    on_this_page = [item for item in items if item[:25] in " ".join(pages[page_number].split())]
    # An empty box is a square frame: two squares, one inside the other, filled even-odd. A ticked
    # box would be a filled square; a table cell or an admonition is no square.
    frames = [tuple(abs(float(value)) for value in match.groups()) for match in EMPTY_BOX.finditer(drawing)]
    boxes = [frame for frame in frames if all(8 <= side <= 40 for side in frame)
             and abs(frame[0] - frame[1]) < 0.5 and abs(frame[2] - frame[3]) < 0.5 and frame[2] > frame[0]]
    assert len(on_this_page) >= 3 and len(boxes) == len(on_this_page), (len(boxes), on_this_page)
    # Inside each frame the box is white; a ticked box would be a square filled dark.
    dark = []
    for match in FILLED.finditer(drawing):
        colour = COLOUR.findall(drawing, 0, match.start())[-1]
        width, height = (abs(float(value)) for value in match.groups())
        if 8 <= width <= 40 and abs(width - height) < 0.5 and sum(map(float, colour)) < 1.5:
            dark.append((width, colour))
    assert not dark, f"squares filled dark (ticked boxes) on the page: {dark}"
    text = pdftotext(pdf_path(exported_site, lang), page_number + 1)
    assert "Untick all" not in text and "Tout décocher" not in text and "Togli tutte" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_admonitions_are_styled_boxes_with_their_titles(exported_site, lang):
    text = pdftotext(pdf_path(exported_site, lang))
    titles = [spaced(match.group(1)) for path in sorted((REPO / "docs" / lang).rglob("*.md"))
              for match in re.finditer(r'^!!! (?!local)\w+ "([^"]+)"', path.read_text(encoding="utf-8"), re.M)]
    assert len(titles) > 10
    title = titles[0]
    assert title in text


def test_each_language_export_is_logged(exported_site):
    # Made in this build, or reused from the export cache of an earlier one (test_exports.py).
    for lang in LANGUAGES:
        assert re.search(rf"PDF {lang}: ({len(nav_titles(lang))} pages, \d+ printed, [\d.]+ MB, [\d.]+ s"
                         r"|unchanged, reused from the export cache)", exported_site.log)
        assert re.search(rf"EPUB {lang}: (\d+ chapters, [\d.]+ MB|unchanged, reused)", exported_site.log)
    assert re.search(r"Offline copy: (\d+ files, [\d.]+ MB|unchanged, reused)", exported_site.log)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_to_its_languages_pdf(exported_site, lang):
    from networking_guide.text import interface_text

    label = interface_text(lang)["download_pdf"]
    root = exported_site.path / LANGUAGE_PREFIX[lang]
    for page in ["index.html", "basics/benefits.html", "checklists/at-the-event.html"]:
        html = (root / page).read_text(encoding="utf-8")
        depth = page.count("/") + (1 if lang != "en" else 0)
        href = "../" * depth + f"download/networking-guide-{lang}.pdf"
        assert f'href="{href}" title="{label}" aria-label="{label}"' in html, page
    home = (root / "index.html").read_text(encoding="utf-8")
    assert "download/networking-guide-offline.zip" in home


def test_the_offline_copy_holds_the_whole_site_and_no_downloads(exported_site):
    with zipfile.ZipFile(exported_site.path / "download" / "networking-guide-offline.zip") as archive:
        names = set(archive.namelist())
        assert archive.testzip() is None
    for page in ("index.html", "fr/index.html", "it/glossary.html", "search/search_index.js", "fr/search/search_index.js",
                 "assets/javascripts/checklists.js", "assets/javascripts/iframe-worker.js",
                 "assets/javascripts/workers/file-frame.js"):
        assert f"networking-guide/{page}" in names
    assert not any("/download/" in name for name in names)


# Fixture sites: images and links, a failing export, the switch that skips exports -----------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#ff8000"/></svg>'
SVG_FILL = "1 0.501961 0 rg"  # #ff8000 as the PDF draws it


def tiny_png() -> bytes:
    """A 2x2 red PNG, written without an imaging library."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def small_site(tmp_path):
    pages = {}
    for lang in LANGUAGES:
        pages[f"{lang}/index.md"] = page_text(f"Home {lang}", "See [the other page](other.md#details) and "
                                              "[an outside site](https://www.example.org/page).\n\n![A diagram](picture.svg)\n\n![A photo](photo.png)")
        pages[f"{lang}/other.md"] = page_text(f"Other {lang}", "## Details {#details}\n\nText.")
    config = write_site(tmp_path, pages)
    for lang in LANGUAGES:
        (tmp_path / "docs" / lang / "picture.svg").write_text(SVG, encoding="utf-8")
        (tmp_path / "docs" / lang / "photo.png").write_bytes(tiny_png())
    return config


def test_images_internal_and_external_links_in_a_small_pdf(tmp_path):
    result = build(small_site(tmp_path), tmp_path / "site", exports=True)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(tmp_path / "site" / "download" / "networking-guide-en.pdf")
    uris, destinations, images, drawing = [], [], 0, ""
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if "/A" in annotation:
                uris.append(str(annotation["/A"]["/URI"]))
            if "/Dest" in annotation:
                destinations.append(str(annotation["/Dest"]))
        images += len(page["/Resources"].get("/XObject") or {})
        drawing += page.get_contents().get_data().decode("latin-1")
    assert "https://www.example.org/page" in uris
    assert "page-other--details" in destinations
    assert images >= 1  # the PNG photo is embedded
    assert SVG_FILL in drawing  # the SVG diagram is drawn as vectors


def test_a_failing_export_fails_the_build_and_leaves_no_partial_file(tmp_path):
    # A WeasyPrint that cannot start, for the renderer processes only.
    broken = tmp_path / "broken"
    (broken / "weasyprint").mkdir(parents=True)
    (broken / "weasyprint" / "__init__.py").write_text("raise RuntimeError('renderer out of order')\n", encoding="utf-8")
    result = build(small_site(tmp_path), tmp_path / "site", exports=True,
                   env={"PYTHONPATH": str(broken), "GUIDE_CACHE_DIR": str(tmp_path / "cache")})
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "PDF en: export failed (RuntimeError: renderer out of order); no PDF was written" in log
    download = tmp_path / "site" / "download"
    assert not download.exists() or [p.name for p in download.iterdir()] == []


def test_exports_can_be_skipped_for_fast_previews(tmp_path):
    result = build(small_site(tmp_path), tmp_path / "site")
    assert result.returncode == 0
    assert not (tmp_path / "site" / "download").exists()
    assert "PDF en" not in result.stdout + result.stderr
    assert (tmp_path / "site" / "fr" / "index.html").is_file()
