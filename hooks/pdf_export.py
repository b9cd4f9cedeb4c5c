"""One PDF per language (``download/networking-guide-<lang>.pdf``), rendered by WeasyPrint.

While each language is built, this hook keeps the pages' rendered content, the nav order and
section names, and the language's title and description. Once every language is built, it
assembles one document per language (``pdf_document.py``: cover, contents, every page), renders
it with ``pdf/print.css``, and writes the PDF atomically. WeasyPrint may read local files only:
the built site and the stylesheet, never the network. ``GUIDE_SKIP_EXPORTS=1`` skips it all.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

import downloads
import i18n_build
from interface_text import interface_text
from pdf_document import Cover, PdfPage, document

log = logging.getLogger("mkdocs.hooks.pdf_export")
HERE = Path(__file__).resolve().parent
STYLESHEET = HERE / "pdf" / "print.css"


@dataclass
class _Language:
    title: str = ""
    description: str = ""
    order: list[tuple[str, str]] = field(default_factory=list)  # (page url, section title)
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # url -> (title, content)


_languages: dict[str, _Language] = {}


# Hooks ---------------------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    if i18n_build.is_outer_build(config):
        _languages.clear()


@event_priority(-150)  # after the i18n plugin has translated the nav (-100)
def on_nav(nav: Navigation, config: MkDocsConfig, files):
    if not downloads.exports_enabled():
        return nav
    language = _languages.setdefault(i18n_build.current_language(config), _Language())
    language.title, language.description = config.site_name, config.site_description or ""
    language.order = list(nav_order(nav.items))
    return nav


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    if not downloads.exports_enabled():  # nothing to keep when no PDF will be made
        return html
    language = _languages.setdefault(i18n_build.current_language(config), _Language())
    language.pages[page.url] = (page.title or "", html)
    return html


@event_priority(-250)  # after every language is built and the search indexes are written
def on_post_build(config: MkDocsConfig) -> None:
    if not i18n_build.is_outer_build(config) or not downloads.exports_enabled():
        return
    site_dir = Path(config.site_dir)
    version = project_version(HERE.parent)
    documents = {
        lang: language_document(lang, _languages[lang], config.site_url or "", site_dir, version)
        for lang in i18n_build.languages(config)
    }
    render_all(documents, site_dir)


# Assembling ------------------------------------------------------------------------------


def nav_order(items, section: str = ""):
    """(url, top-level section title) of every page, in nav order."""
    for item in items:
        if isinstance(item, Section):
            yield from nav_order(item.children, section or item.title)
        elif isinstance(item, Page):
            yield item.url, section


def language_document(lang: str, language: _Language, site_url: str, site_dir: Path, version: str) -> tuple[str, int]:
    text = interface_text(lang)
    pages = [
        PdfPage(url, *language.pages[url], section=section)
        for url, section in language.order
        if url in language.pages
    ]
    details = Cover(
        title=language.title,
        subtitle=language.description,
        date=localized_date(build_date(), text),
        iso_date=build_date().isoformat(),
        version=text["pdf_version"].format(version=version),
        contents_title=text["pdf_contents"],
        language=lang,
    )
    return document(pages, details, STYLESHEET.as_uri(), site_url, site_dir.as_uri() + "/"), len(pages)


def build_date() -> datetime.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


def localized_date(date: datetime.date, text: dict[str, str]) -> str:
    month = text["months"].split()[date.month - 1]
    return text["date_format"].format(day=date.day, month=month, year=date.year)


def project_version(project_dir: Path) -> str:
    with open(project_dir / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


# Rendering -------------------------------------------------------------------------------


def render_all(documents: dict[str, tuple[str, int]], site_dir: Path) -> None:
    """Render every language's PDF, several at once (one process per PDF, one per core).

    Each PDF is written to a temporary file and moved into place once complete; if any
    rendering fails, the build fails with the renderer's own message.
    """
    workers = max(1, min(len(documents), os.cpu_count() or 1))
    with tempfile.TemporaryDirectory(prefix="guide-pdf-") as scratch, ThreadPoolExecutor(workers) as pool:
        jobs = {lang: pool.submit(_render_one, lang, *document, Path(scratch), site_dir)
                for lang, document in documents.items()}
        failures = []
        for lang, job in jobs.items():
            try:
                job.result()
            except PluginError as error:
                failures.append(str(error))
    if failures:
        raise PluginError("\n".join(failures))


def _render_one(lang: str, html: str, page_count: int, scratch: Path, site_dir: Path) -> None:
    started = time.perf_counter()
    source = scratch / f"{lang}.html"
    source.write_text(html, encoding="utf-8")
    target = downloads.AtomicFile(site_dir / downloads.pdf_path(lang))
    command = [sys.executable, str(HERE / "pdf_render.py"), str(source), str(target.temporary),
               "--base", str(site_dir), "--allow", str(site_dir), "--allow", str(STYLESHEET.parent)]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        report = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        report = None
    if report:
        for url in report["refused"]:
            log.warning(f"PDF {lang}: refused {url} in {page_of(html, url)}: the PDF may read only files of the built site")
        for message in report["messages"]:
            clues = URL_IN_MESSAGE.findall(message["message"]) + QUOTED.findall(message["message"])
            where = next((page_of(html, clue) for clue in clues), "the document")
            level = logging.ERROR if message["level"] in ("error", "critical") else logging.WARNING
            log.log(level, f"PDF {lang}: WeasyPrint {message['level']} in {where}: {message['message']}")
    if result.returncode != 0 or report is None:
        target.discard()
        if report is not None:
            reason = "WeasyPrint reported an error (see above)"
        else:
            reason = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"exit status {result.returncode}"
        raise PluginError(f"PDF {lang}: export failed ({reason}); no PDF was written")
    size = target.commit()
    log.info(f"PDF {lang}: {page_count} pages ({report['pages']} printed), "
             f"{size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s")


URL_IN_MESSAGE = re.compile(r"(?:file|data|https?|ftp):[^\s'\"<>)]+", re.IGNORECASE)
QUOTED = re.compile(r'"([^"]+)"')
SECTION = re.compile(r'<section class="pdf-page" id="([^"]+)"')


def page_of(document: str, url: str) -> str:
    """Which page of the document holds ``url`` (its section id), for messages."""
    index = document.find(url)
    if index == -1:
        index = document.find(unquote(url))
    if index == -1:
        return "the stylesheet or cover"
    sections = list(SECTION.finditer(document, 0, index))
    return f"page {sections[-1].group(1)}" if sections else "the cover or contents"
