"""One PDF per language (``download/networking-guide-<lang>.pdf``), rendered by WeasyPrint.

While each language is built, ``hooks/pdf_export.py`` keeps here the pages' rendered content,
the nav order and section names, and the language's title and description (``Collected``).
Once every language is built, each language's document is assembled (``pdf_document``: cover,
contents, every page), rendered with ``print.css`` in a separate process per language
(``pdf_render``, which reads only local files of the site and this folder), and written
atomically. Refused URLs and WeasyPrint's messages reach the build log with their page.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version as installed_version
from pathlib import Path
from urllib.parse import unquote

from networking_guide.engine import BuildFailure, logger
from networking_guide.exports import downloads
from networking_guide.exports.pdf_document import Cover, PdfPage, document
from networking_guide.text import interface_text

log = logger("pdf")
HERE = Path(__file__).resolve().parent
STYLESHEET = HERE / "print.css"


@dataclass
class Collected:
    """What one language's build leaves for its PDF."""

    title: str = ""
    description: str = ""
    order: list[tuple[str, str]] = field(default_factory=list)  # (page url, section title)
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # url -> (title, content)


# Assembling ------------------------------------------------------------------------------


def language_document(lang: str, language: Collected, site_url: str, site_dir: Path, version: str, environment=None) -> tuple[str, int]:
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
    return document(pages, details, STYLESHEET.as_uri(), site_url, site_dir.as_uri() + "/", environment), len(pages)


def build_date() -> datetime.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


def localized_date(date: datetime.date, text: dict[str, str]) -> str:
    month = text["months"].split()[date.month - 1]
    return text["date_format"].format(day=date.day, month=month, year=date.year)


def project_version() -> str:
    """The guide's version, as installed (pyproject.toml's)."""
    return installed_version("networking-guide")


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
            except BuildFailure as error:
                failures.append(str(error))
    if failures:
        raise BuildFailure("\n".join(failures))


def _render_one(lang: str, html: str, page_count: int, scratch: Path, site_dir: Path) -> None:
    started = time.perf_counter()
    source = scratch / f"{lang}.html"
    source.write_text(html, encoding="utf-8")
    target = downloads.AtomicFile(site_dir / downloads.pdf_path(lang))
    command = [sys.executable, "-m", "networking_guide.exports.pdf_render", str(source), str(target.temporary),
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
        raise BuildFailure(f"PDF {lang}: export failed ({reason}); no PDF was written")
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
