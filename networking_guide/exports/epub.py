"""The guide as an EPUB 3 per language (``download/networking-guide-<lang>.epub``), for
e-readers: a cover, a navigation document in reading order (the nav's sections and pages),
each page a chapter whose links to other pages go to their chapters, checklists as lists with
empty boxes, templates as plain blocks, nothing that only works on screen. Built with ebooklib
from the pages the build rendered, and checked by EPUBCheck in the tests and CI."""

from __future__ import annotations

import itertools
import posixpath
import re
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from networking_guide.engine import BuildFailure, logger
from networking_guide.exports import downloads
from networking_guide.exports.cache import ExportCache, code, fingerprint, versions
from networking_guide.html import DROP, elements, replace_elements, rewrite

log = logger("exports")
STYLESHEET = Path(__file__).resolve().parent / "epub.css"
SCREEN_ONLY = {"ng-screen-only", "headerlink", "ng-page-actions"}
# Attributes EPUB's XHTML does not take (they are for the browser's interface).
NOT_IN_EPUB = {"role", "aria-describedby", "aria-live", "hidden", "data-progress-one", "data-progress-other",
               "data-reset-done", "data-template", "data-checklist", "data-item", "data-copied", "data-failed", "markdown"}


@dataclass(frozen=True)
class Chapter:
    url: str  # site-relative page URL
    title: str
    section: str
    content: str  # rendered (sanitized) HTML

    @property
    def file_name(self) -> str:
        return chapter_file(self.url)


def chapter_file(url: str) -> str:
    stem = re.sub(r"\.html$", "", url)
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") + ".xhtml"


def chapter_html(chapter: Chapter, files: dict[str, str], site_url: str) -> tuple[str, list[str], dict[str, str]]:
    """A chapter's body for the EPUB, the site files (images) it uses, and the diagrams drawn in
    it (inline SVG, which e-readers get as images: name -> SVG source)."""
    here = posixpath.dirname(chapter.url)
    images: list[str] = []
    diagrams: dict[str, str] = {}
    content = chapter.content
    svgs = elements(content, lambda tag, a: tag == "svg")

    def as_image(element) -> str:
        name = f"images/{chapter.file_name.removesuffix('.xhtml')}-diagram-{len(diagrams) + 1}.svg"
        source = content[element.start:element.end]
        if "xmlns=" not in source[:200]:
            source = source.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
        diagrams[name] = '<?xml version="1.0" encoding="UTF-8"?>\n' + source
        return f'<img src="{name}" alt="{escape(element.attributes.get("aria-label", ""), quote=True)}"/>'

    content = replace_elements(content, [e for e in svgs if not any(o is not e and o.start < e.start < o.end for o in svgs)], as_image)

    def change(tag, attributes):
        values = dict(attributes)
        classes = set((values.get("class") or "").split())
        if classes & SCREEN_ONLY or tag in ("button", "script", "input"):
            return DROP
        changed = []
        for name, value in attributes:
            if name in NOT_IN_EPUB:
                continue
            if name == "href" and value is not None:
                value = _link(value, here, files, site_url, chapter.file_name)
            elif name == "src" and value is not None and not urlsplit(value).scheme and not value.startswith("images/"):
                target = posixpath.normpath(posixpath.join(here, value))
                images.append(target)
                value = "images/" + target.replace("/", "-")
            changed.append((name, value))
        return changed

    body = rewrite(content, change)
    # Checklists: an empty box before each item's label (the checkbox itself was dropped).
    body = body.replace('<label for="', '<span class="ng-box">☐</span><label data-for="')
    body = re.sub(r' data-for="[^"]*"', "", body)
    return body, images, diagrams


def _link(href: str, here: str, files: dict[str, str], site_url: str, own: str) -> str:
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    if not parts.path:
        return href
    target = posixpath.normpath(posixpath.join(here, parts.path))
    if target in files:
        return files[target] + (f"#{parts.fragment}" if parts.fragment else "")
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + target + (f"#{parts.fragment}" if parts.fragment else "")


def make(lang: str, title: str, description: str, chapters: list[Chapter], site_url: str, site_dir: Path,
         version: str, iso_date: str, contents_title: str, cache: ExportCache) -> None:
    """Write the EPUB of a language into the site (reused from the cache when unchanged)."""
    started = time.perf_counter()
    files = {chapter.url: chapter.file_name for chapter in chapters}
    bodies = {chapter.url: chapter_html(chapter, files, site_url) for chapter in chapters}
    images = sorted({image for _, used, _ in bodies.values() for image in used})
    key = fingerprint(lang, title, description, site_url, version, contents_title, STYLESHEET.read_bytes(),
                      *[f"{c.url}|{c.title}|{c.section}|{bodies[c.url][0]}" for c in chapters],
                      *[svg for _, _, diagrams in bodies.values() for svg in diagrams.values()],
                      *[(site_dir / image).read_bytes() for image in images if (site_dir / image).is_file()],
                      versions("ebooklib", "lxml"), code("epub.py"))
    target = site_dir / downloads.epub_path(lang)
    name = f"epub-{lang}"
    cached = cache.get(name, key)
    if cached:
        downloads.write_atomically(target, lambda path: path.write_bytes(cached[0].read_bytes()))
        log.info(f"EPUB {lang}: unchanged, reused from the export cache")
        return
    try:
        size = downloads.write_atomically(target, lambda path: _write(path, lang, title, description, chapters, bodies, images,
                                                                      site_dir, version, iso_date, contents_title))
    except Exception as error:  # ebooklib's own errors carry no common base
        raise BuildFailure(f"EPUB {lang}: export failed ({type(error).__name__}: {error}); no EPUB was written") from error
    cache.put(name, key, target)
    log.info(f"EPUB {lang}: {len(chapters)} chapters, {size / 1e6:.2f} MB, {time.perf_counter() - started:.1f} s")


def _write(path: Path, lang, title, description, chapters, bodies, images, site_dir, version, iso_date, contents_title) -> None:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier(f"urn:networking-guide:{lang}:{version}:{iso_date}")
    book.set_title(title)
    book.set_language(lang)
    book.add_author(title)
    book.add_metadata("DC", "description", description)
    book.add_metadata("DC", "date", iso_date)
    style = epub.EpubItem(uid="style", file_name="style/epub.css", media_type="text/css",
                          content=STYLESHEET.read_bytes())
    book.add_item(style)
    cover = epub.EpubHtml(title=title, file_name="cover.xhtml", lang=lang)
    cover.content = (f'<section class="cover" epub:type="cover"><h1>{escape(title)}</h1>'
                     f"<p>{escape(description)}</p><p>{escape(version)} · {escape(iso_date)}</p></section>")
    cover.add_item(style)
    book.add_item(cover)
    items = []
    for chapter in chapters:
        item = epub.EpubHtml(title=chapter.title, file_name=chapter.file_name, lang=lang)
        body, _, diagrams = bodies[chapter.url]
        item.content = f"<section>{body}</section>"
        item.add_item(style)
        book.add_item(item)
        items.append((chapter, item))
        for name, svg in diagrams.items():
            book.add_item(epub.EpubItem(uid=re.sub(r"\W", "-", name), file_name=name, media_type="image/svg+xml",
                                        content=svg.encode("utf-8")))
    for image in images:
        source = site_dir / image
        if source.is_file():
            media = {"svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
                     "gif": "image/gif", "webp": "image/webp"}[source.suffix.lower().lstrip(".")]
            book.add_item(epub.EpubItem(uid="img-" + re.sub(r"\W", "-", image), file_name="images/" + image.replace("/", "-"),
                                        media_type=media, content=source.read_bytes()))
    toc = []
    for section, members in itertools.groupby(items, key=lambda pair: pair[0].section):
        members = [item for _, item in members]
        toc += [(epub.Section(section), members)] if section else members
    book.toc = toc
    book.add_item(epub.EpubNav(title=contents_title))
    book.add_item(epub.EpubNcx())
    book.spine = [cover, "nav", *[item for _, item in items]]
    epub.write_epub(str(path), book, {"epub3_pages": False})
