"""Fixtures: the real site built once per session (HTML only, and once more with its exports for
the tests that read a PDF or the zip), served on localhost, and Chromium. Shared helpers live in
helpers.py."""

from __future__ import annotations

import fcntl
import os
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import REPO, DirectoryServer, build
from networking_guide import browser as browsers


def pytest_configure(config):
    # One cache folder for every build of the session (compiled templates, exports), so that the
    # small fixture sites do not each compile the theme again. The project's own .cache/ is left alone.
    if "GUIDE_CACHE_DIR" not in os.environ:
        import tempfile

        os.environ["GUIDE_CACHE_DIR"] = tempfile.mkdtemp(prefix="guide-test-cache-")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden HTML files from the current output")


@dataclass
class BuiltSite:
    path: Path
    seconds: float
    log: str

    def read(self, relative: str) -> str:
        return (self.path / relative).read_text(encoding="utf-8")


def _build_site(name: str, exports: bool) -> BuiltSite:
    """The real site, built once for the whole test session: the test processes (one a core)
    share it, the first to need it builds it while the others wait (tests only read it)."""
    root = Path(os.environ["GUIDE_CACHE_DIR"]) / f"site-{name}"
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done, log_file = root / "built", root / "build.log"
        if not done.exists():
            started = time.perf_counter()
            result = build(REPO / "mkdocs.yml", root / "site", exports=exports)
            log_file.write_text(result.log, encoding="utf-8")
            if result.returncode != 0:
                pytest.fail(f"mkdocs build --strict failed:\n{result.log}")
            done.write_text(str(time.perf_counter() - started), encoding="utf-8")
    return BuiltSite(root / "site", float(done.read_text(encoding="utf-8")), log_file.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site() -> BuiltSite:
    """The whole site, HTML only (no PDF, no zip), built once for the session."""
    return _build_site("html", exports=False)


@pytest.fixture(scope="session")
def exported_site() -> BuiltSite:
    """The whole site with its downloads (PDFs, offline copy), built once for the session."""
    return _build_site("exported", exports=True)


@pytest.fixture(scope="session")
def site_server(built_site):
    """The HTML site served over HTTP on a free localhost port; yields its base URL."""
    server = DirectoryServer(built_site.path)
    yield server.url
    server.close()


def chromium_path() -> str:
    path = browsers.find_executable()
    if not path:
        pytest.fail("Chromium not found: install Debian's package (apt-get install chromium-headless-shell) "
                    "or set $CHROMIUM to the browser's path")
    return path


# How long a page action or an assertion about a page may wait.
PAGE_TIMEOUT = 15_000

# Flags for a headless Chromium that never tries to reach the network on its own.
CHROMIUM_ARGS = browsers.ARGS


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # Waits, not time limits: an assertion about the page waits as long as any page action does
    # (Playwright's own 5 s made a test fail whenever two test processes shared the machine's cores).
    expect.set_options(timeout=PAGE_TIMEOUT)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _watch_the_policy(page) -> None:
    """Whatever a browser test does, the site's own Content-Security-Policy must block nothing of
    the site's (checked when the test ends)."""
    page.policy_violations = []
    page.on("console", lambda message: page.policy_violations.append(message.text)
            if "Content Security Policy" in message.text else None)


@pytest.fixture
def offline_page(browser):
    """A page in a fresh context where every request to another host is aborted; the URLs of
    those attempts are in ``offline_page.attempted`` (the tests expect none). No service worker
    (test_browser_installable.py is about it)."""
    context = browser.new_context(service_workers="block")
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
    page.set_default_timeout(PAGE_TIMEOUT)
    page.attempted = attempted
    _watch_the_policy(page)
    yield page
    context.close()
    assert page.policy_violations == [], "the site's policy blocked something of the site's"


@pytest.fixture
def page(browser):
    """A fresh browser context (empty storage) and page for each test. The site's service worker
    is not registered here (test_browser_installable.py is about it)."""
    context = browser.new_context(locale="en-GB", service_workers="block")
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT)
    _watch_the_policy(page)
    yield page
    context.close()
    assert page.policy_violations == [], "the site's policy blocked something of the site's"
