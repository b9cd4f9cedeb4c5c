"""Headless Chromium for the tools that render or search with it (``guide icons``, the search
quality harness). A caller that already drives a browser (the tests do, through one Playwright
session per process: Playwright's sync API cannot start a second one) passes it in."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

# Never reach the network on its own: this machine's browsers run where only localhost answers.
# V8 on one thread: its background threads (concurrent compiling and collecting) spent about a
# third of the page's processor time on work that a short-lived page throws away.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--js-flags=--single-threaded"]

# Chromium's headless shell (Debian's chromium-headless-shell; the build Playwright itself runs
# headless) renders pages as Chromium does without the desktop browser around them, for about
# a sixth less processor time a page; the full browser is the fallback.
EXECUTABLES = ("chromium-headless-shell", "chromium", "chromium-browser")


def find_executable() -> str | None:
    """The Chromium to drive: ``$CHROMIUM``, else the first of ``EXECUTABLES`` on the PATH."""
    return os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, EXECUTABLES)), None)


@contextmanager
def chromium(executable: str | None = None, browser=None) -> Iterator:
    """``browser`` itself when given (left open), else a headless Chromium of its own, closed after."""
    if browser is not None:
        yield browser
        return
    from playwright.sync_api import sync_playwright

    path = executable or find_executable()
    if not path:
        raise SystemExit("guide: Chromium not found: install Debian's package (apt-get install chromium-headless-shell)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, headless=True, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()
