"""Fixtures: the real site built once per session (HTML only, and once more with its exports for
the tests that read a PDF or the zip), served on localhost, and Chromium. Shared helpers live in
helpers.py."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import REPO, DirectoryServer, build


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden HTML files from the current output")


@dataclass
class BuiltSite:
    path: Path
    seconds: float
    log: str

    def read(self, relative: str) -> str:
        return (self.path / relative).read_text(encoding="utf-8")


def _build_site(tmp_path_factory, name: str, exports: bool) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp(name) / "site"
    started = time.perf_counter()
    result = build(REPO / "mkdocs.yml", site_dir, exports=exports)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.log}")
    return BuiltSite(site_dir, time.perf_counter() - started, result.log)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The whole site, HTML only (no PDF, no zip), built once for the session."""
    return _build_site(tmp_path_factory, "html", exports=False)


@pytest.fixture(scope="session")
def exported_site(tmp_path_factory) -> BuiltSite:
    """The whole site with its downloads (PDFs, offline copy), built once for the session."""
    return _build_site(tmp_path_factory, "exported", exports=True)


@pytest.fixture(scope="session")
def site_server(built_site):
    """The HTML site served over HTTP on a free localhost port; yields its base URL."""
    server = DirectoryServer(built_site.path)
    yield server.url
    server.close()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium not found: install Debian's package (apt-get install chromium) "
                    "or set $CHROMIUM to the browser's path")
    return path


# Flags for a headless Chromium that never tries to reach the network on its own.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def offline_page(browser):
    """A page in a fresh context where every request to another host is aborted; the URLs of
    those attempts are in ``offline_page.attempted`` (the tests expect none)."""
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
