"""Shared fixtures: the real site built once per test session, served on localhost, and Chromium.

Hook modules are imported the way MkDocs loads them, with ``hooks/`` on ``sys.path``, so their
pure functions can be tested without a build.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HOOKS = REPO / "hooks"
LANGUAGES = ("en", "fr", "it")
# Where each language lives in the built site, relative to its root.
LANGUAGE_PREFIX = {"en": "", "fr": "fr/", "it": "it/"}

sys.path.insert(0, str(HOOKS))


@dataclass
class BuiltSite:
    path: Path
    seconds: float
    log: str

    def read(self, relative: str) -> str:
        return (self.path / relative).read_text(encoding="utf-8")


def build_site(config_file: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real ``mkdocs build`` (strict, as configured) into ``site_dir``."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    return subprocess.run(
        command, cwd=config_file.parent, capture_output=True, text=True, env=environment
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The whole site, built once for the test session into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    started = time.perf_counter()
    result = build_site(REPO / "mkdocs.yml", site_dir)
    seconds = time.perf_counter() - started
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{log}")
    return BuiltSite(site_dir, seconds, log)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the standard library
        pass


@pytest.fixture(scope="session")
def site_server(built_site):
    """The built site served over HTTP on a free localhost port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail(
            "Chromium not found: install Debian's package (apt-get install chromium) "
            "or set $CHROMIUM to the browser's path"
        )
    return path


# Flags for a headless Chromium that never tries to reach the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def offline_page(browser):
    """A page in a fresh context where every request to another host is aborted; the URLs of
    those attempts are in ``offline_page.attempted`` (the tests expect none)."""
    from urllib.parse import urlsplit

    context = browser.new_context()
    attempted: list[str] = []

    def route(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")) or urlsplit(url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            attempted.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.attempted = attempted
    yield page
    context.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty storage) and page for each test."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


# Small sites built with the real configuration, hooks and theme ----------------------------


def write_fixture_site(root: Path, pages: dict[str, str]) -> Path:
    """A site under ``root`` with the real mkdocs.yml, hooks and overrides, but only ``pages``
    (``{"en/index.md": text, ...}``) and a nav listing them. Returns its mkdocs.yml."""
    docs = root / "docs"
    for relative, text in pages.items():
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    nav_pages = sorted({relative.split("/", 1)[1] for relative in pages}, key=lambda p: (p != "index.md", p))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {docs}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    config = config.replace("  - hooks/", f"  - {REPO / 'hooks'}/")
    config = config[: config.index("\nnav:")] + "\nnav:\n" + "".join(f"  - {page}\n" for page in nav_pages)
    config_file = root / "mkdocs.yml"
    config_file.write_text(config, encoding="utf-8")
    return config_file


def page_text(title: str, body: str, description: str = "A page of a test site, long enough to be a description.") -> str:
    return f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n{body}\n"


class DirectoryServer:
    """Serves a folder on localhost; the folder's content may be rebuilt between requests."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()
