"""Rendering printable HTML documents to PDF with WeasyPrint: the guide's PDF per language and
the checklist cards. Each document is rendered in a process of its own (``pdf_render``, which
reads only files of the built site and the stylesheets' folder), several at once, unless the
export cache holds it already; each PDF is written atomically. WeasyPrint's messages and the
URLs it refused reach the build log with the page they came from (again when a cached PDF is
reused, so a strict build fails the same way)."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from networking_guide.engine import BuildFailure, logger
from networking_guide.exports import downloads
from networking_guide.exports.cache import ExportCache, code, fingerprint, fonts, versions

log = logger("exports")
URL_IN_MESSAGE = re.compile(r"(?:file|data|https?|ftp):[^\s'\"<>)]+", re.IGNORECASE)
QUOTED = re.compile(r'"([^"]+)"')
SECTION = re.compile(r'<section class="[^"]*" id="([^"]+)"')
LOCAL_FILE = re.compile(r'(?:src|href)="(file://[^"]+)"')


@dataclass
class RenderJob:
    name: str  # in the cache, e.g. "pdf-fr" or "card-fr-at-the-event"
    label: str  # in the log, e.g. "PDF fr"
    html: str
    target: str  # site-relative, e.g. "download/networking-guide-fr.pdf"
    stylesheet: Path
    pages: int = 0  # pages of the guide it holds, for the log

    def key(self, site_dir: Path) -> str:
        """Everything the PDF is made of; the site folder's own path does not count."""
        base = site_dir.resolve().as_uri()
        html = self.html.replace(base, "site:")
        files = []
        for url in sorted(set(LOCAL_FILE.findall(self.html))):
            path = Path(unquote(urlsplit(url).path))
            files.append(path.read_bytes() if path.is_file() else b"")
        return fingerprint(html, self.stylesheet.read_bytes(), *files, versions("weasyprint", "pydyf"), fonts(),
                           code("render.py", "pdf_render.py", "pdf_document.py", "cards.py"))


def render_all(jobs: list[RenderJob], site_dir: Path, cache: ExportCache) -> None:
    """Render (or reuse) every job's PDF into the site, several processes at once; fail with
    every cause. A large document (a language's PDF) gets a process of its own; the small ones
    (checklist cards) are shared out among the others, WeasyPrint starting once per process."""
    to_make = []
    for job in jobs:
        key = job.key(site_dir)
        cached = cache.get(job.name, key)
        if cached:
            path, messages = cached
            _log_messages(job, messages)
            downloads.write_atomically(site_dir / job.target, lambda temporary: temporary.write_bytes(path.read_bytes()))
            log.info(f"{job.label}: unchanged, reused from the export cache")
        else:
            to_make.append((job, key))
    if not to_make:
        return
    workers = max(1, os.cpu_count() or 1)
    large = [[pair] for pair in to_make if pair[0].pages]
    small = [pair for pair in to_make if not pair[0].pages]
    groups = large + [small[index::workers] for index in range(min(workers, len(small)))]
    failures = []
    with tempfile.TemporaryDirectory(prefix="guide-pdf-") as scratch, ThreadPoolExecutor(min(workers, len(groups))) as pool:
        for result in [pool.submit(_render_group, group, Path(scratch), site_dir, cache) for group in groups]:
            failures += result.result()
    if failures:
        raise BuildFailure("\n".join(failures))


def _render_group(group: list[tuple[RenderJob, str]], scratch: Path, site_dir: Path, cache: ExportCache) -> list[str]:
    """Render a group of documents in one process; returns the failures' messages."""
    started = time.perf_counter()
    files = []
    for job, _ in group:
        source = scratch / f"{job.name}.html"
        source.write_text(job.html, encoding="utf-8")
        files.append(downloads.AtomicFile(site_dir / job.target))
    listing = scratch / f"{group[0][0].name}.jobs.json"
    listing.write_text(json.dumps([{"html": str(scratch / f"{job.name}.html"), "pdf": str(file.temporary)}
                                   for (job, _), file in zip(group, files)]), encoding="utf-8")
    command = [sys.executable, "-m", "networking_guide.exports.pdf_render", "--batch", str(listing),
               "--base", str(site_dir), "--allow", str(site_dir)]
    for folder in sorted({str(job.stylesheet.parent) for job, _ in group}):
        command += ["--allow", folder]
    result = subprocess.run(command, capture_output=True, text=True)
    reports = {}
    for line in result.stdout.splitlines():
        try:
            report = json.loads(line)
        except ValueError:
            continue
        if isinstance(report, dict) and "job" in report:
            reports[report["job"]] = report
    crash = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"exit status {result.returncode}"
    failures = []
    each = (time.perf_counter() - started) / len(group)
    for number, ((job, key), file) in enumerate(zip(group, files)):
        report = reports.get(number)
        messages = _messages(job, report) if report else []
        _log_messages(job, messages)
        if report is None or any(message["level"] in ("error", "critical") for message in report["messages"]):
            file.discard()
            reason = "WeasyPrint reported an error (see above)" if report is not None else crash
            failures.append(f"{job.label}: export failed ({reason}); no PDF was written")
            continue
        size = file.commit()
        cache.put(job.name, key, site_dir / job.target, messages)
        pages = f"{job.pages} pages, " if job.pages else ""
        log.info(f"{job.label}: {pages}{report['pages']} printed, {size / 1e6:.2f} MB, {each:.1f} s")
    return failures


def _messages(job: RenderJob, report: dict) -> list[dict]:
    """The renderer's refusals and WeasyPrint's messages, each with the page it came from."""
    messages = [{"level": "warning", "message": f"refused {url} in {page_of(job.html, url)}: the PDF may read only files of the built site"}
                for url in report["refused"]]
    for message in report["messages"]:
        clues = URL_IN_MESSAGE.findall(message["message"]) + QUOTED.findall(message["message"])
        where = next((page_of(job.html, clue) for clue in clues), "the document")
        messages.append({"level": message["level"], "message": f"WeasyPrint {message['level']} in {where}: {message['message']}"})
    return messages


def _log_messages(job: RenderJob, messages: list[dict]) -> None:
    for message in messages:
        level = logging.ERROR if message["level"] in ("error", "critical") else logging.WARNING
        log.log(level, f"{job.label}: {message['message']}")


def page_of(document: str, url: str) -> str:
    """Which page of the document holds ``url`` (its section id), for messages."""
    index = document.find(url)
    if index == -1:
        index = document.find(unquote(url))
    if index == -1:
        return "the stylesheet or cover"
    sections = list(SECTION.finditer(document, 0, index))
    return f"page {sections[-1].group(1)}" if sections else "the cover or contents"
