"""Render printable HTML documents to PDF with WeasyPrint, reading local files only.

Run as separate processes by ``render.py`` (as many at once as there are cores; a process
renders one document or, with ``--batch``, several: the checklist cards share one process, so
WeasyPrint starts once for them), and usable by hand::

    python -m networking_guide.exports.pdf_render document.html out.pdf --base site/ --allow site/
    python -m networking_guide.exports.pdf_render --batch jobs.json --base site/ --allow site/

WeasyPrint may read a ``file:`` URL only when the file, with ``..`` and links resolved, lies
under one of the allowed folders (schemes compared case-insensitively, as WeasyPrint itself
lower-cases them), and ``data:`` URLs; it never reaches the network, and nothing is attached to
the PDF. The process prints one JSON object: the number of pages, the URLs it refused, and every
message WeasyPrint logged (one object per document with ``--batch``, whose file lists
``{"html": …, "pdf": …}`` pairs; each carries its ``job`` number); it exits 1 when WeasyPrint
logged an error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit


def local_files_fetcher(roots: list[Path], refused: list[str]):
    """A WeasyPrint URL fetcher for files under ``roots`` and ``data:`` URLs; every other URL is
    refused (and listed in ``refused``)."""
    from weasyprint.urls import URLFetcher

    allowed = [root.resolve() for root in roots]

    class LocalFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file" and parts.netloc.lower() in ("", "localhost"):
                path = Path(unquote(parts.path)).resolve()
                if path.is_file() and any(path.is_relative_to(root) for root in allowed):
                    return super().fetch(path.as_uri(), headers)  # the resolved file, nothing else
            refused.append(url)
            raise ValueError(f"not a file of the built site: {url}")

    return LocalFilesOnly(allowed_protocols=("file", "data"))


class _Messages(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.records.append({"level": record.levelname.lower(), "message": record.getMessage()})


def render(html: str, base: Path, target: Path, allowed: list[Path]) -> dict:
    """Write the PDF of ``html`` to ``target``; returns what happened (pages, refused, messages)."""
    from weasyprint import HTML

    refused: list[str] = []
    messages = _Messages()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(messages)
    try:
        document = HTML(string=html, base_url=base.resolve().as_uri() + "/",
                        url_fetcher=local_files_fetcher(allowed, refused)).render()
        document.write_pdf(target, attachments=[])
    finally:
        logger.removeHandler(messages)
    return {"pages": len(document.pages), "refused": refused, "messages": messages.records}


def _failed(result: dict) -> bool:
    return any(message["level"] in ("error", "critical") for message in result["messages"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, nargs="?")
    parser.add_argument("pdf", type=Path, nargs="?")
    parser.add_argument("--batch", type=Path, help="a JSON file listing documents: [{\"html\": …, \"pdf\": …}, …]")
    parser.add_argument("--base", type=Path, required=True, help="folder relative URLs resolve against")
    parser.add_argument("--allow", type=Path, action="append", default=[], help="a folder the renderer may read")
    args = parser.parse_args(argv)
    allowed = args.allow or [args.base]
    if args.batch:
        jobs = json.loads(args.batch.read_text(encoding="utf-8"))
    elif args.html and args.pdf:
        jobs = [{"html": str(args.html), "pdf": str(args.pdf)}]
    else:
        parser.error("give HTML and PDF paths, or --batch")
    failed = False
    for number, job in enumerate(jobs):
        result = render(Path(job["html"]).read_text(encoding="utf-8"), args.base, Path(job["pdf"]), allowed)
        failed = failed or _failed(result)
        print(json.dumps(dict(result, job=number)) if args.batch else json.dumps(result), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
