"""Page weight and Lighthouse scores of the built site, served on localhost.

    .venv/bin/python benchmarks/page_quality.py [--site site] [--lighthouse]

The site is served gzip-compressed, as static hosts serve it. Page weight: a guide page loaded in
Chromium, adding up the compressed HTML, CSS and JS it transfers, without the search index
(target: 120 KB).
With --lighthouse, Lighthouse 12.8.2 (npx, from the npm registry) audits a few pages with its
mobile defaults against Debian's Chromium and prints the four category scores (targets:
accessibility, best practices and SEO 100, performance 95 or more).
Build the site first (`mkdocs build`); nothing here is a test.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = ["basics/what-is-networking.html", "fr/checklists/before-the-event.html", "it/essays/social-media-age.html", "index.html"]
LIGHTHOUSE = "lighthouse@12.8.2"


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")


class _Server(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host does (GitHub Pages among them): text gzip-compressed."""

    def log_message(self, format, *args):  # noqa: A002
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Server, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def chromium() -> str:
    return shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"


def page_weight(base: str, page: str) -> tuple[int, dict[str, int]]:
    from playwright.sync_api import sync_playwright

    sizes: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
        tab = browser.new_page()

        def record(response):
            url = response.url
            if "search_index" in url or not url.startswith(base):
                return
            kind = response.headers.get("content-type", "")
            if any(t in kind for t in ("html", "css", "javascript")):
                sizes[url[len(base):]] = int(response.headers.get("content-length") or len(response.body()))

        tab.on("response", record)
        tab.goto(base + page, wait_until="networkidle")
        browser.close()
    return sum(sizes.values()), sizes


def lighthouse(url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = ["npx", "--yes", LIGHTHOUSE, url, f"--chrome-path={chromium()}", "--quiet",
                   "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update",
                   "--output=json", f"--output-path={report}", "--only-categories=performance,accessibility,best-practices,seo"]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
        return {name: round(category["score"] * 100) for name, category in categories.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--lighthouse", action="store_true")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"{args.site}: build the site first (mkdocs build)")
    base = serve(args.site)
    for page in PAGES:
        total, sizes = page_weight(base, page)
        print(f"page weight {page:40} {total / 1000:6.1f} KB compressed ({len(sizes)} files; target <= 120 KB)")
    if args.lighthouse:
        for page in PAGES:
            scores = lighthouse(base + page)
            print(f"lighthouse {page:40} " + "  ".join(f"{k} {v}" for k, v in scores.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
