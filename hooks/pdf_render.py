"""Render one printable HTML document to PDF with WeasyPrint, reading local files only.

Run as a separate process by ``pdf_export.py`` (one per language, as many at once as there are
cores), and usable by hand::

    python hooks/pdf_render.py document.html out.pdf --base site/ --allow site/ --allow hooks/pdf/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit


def local_files_fetcher(roots: list[Path]):
    """A WeasyPrint URL fetcher that reads ``file:`` URLs under ``roots`` and ``data:`` URLs,
    and refuses everything else: rendering never touches the network."""
    from weasyprint.urls import URLFetcher

    allowed = [root.resolve() for root in roots]

    class LocalFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                path = Path(unquote(urlsplit(url).path)).resolve()
                if not any(path.is_relative_to(root) for root in allowed):
                    raise ValueError(f"not a local file of the site: {url}")
            return super().fetch(url, headers)

    return LocalFilesOnly(allowed_protocols=("file", "data"))


def render(html: str, base: Path, target: Path, allowed: list[Path]) -> int:
    """Write the PDF of ``html`` to ``target``; returns its number of pages."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=base.resolve().as_uri() + "/", url_fetcher=local_files_fetcher(allowed)).render()
    document.write_pdf(target)
    return len(document.pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--base", type=Path, required=True, help="folder relative URLs resolve against")
    parser.add_argument("--allow", type=Path, action="append", default=[], help="a folder the renderer may read")
    args = parser.parse_args(argv)
    pages = render(args.html.read_text(encoding="utf-8"), args.base, args.pdf, args.allow or [args.base])
    print(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
