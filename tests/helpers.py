"""What the tests share: the repository's places, small sites built with the real configuration,
Markdown rendered as the build renders it, and a static file server."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from functools import lru_cache
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
DESCRIPTION = "A page of a test site, long enough to be a description."


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: ``!ENV [NAME, default]`` becomes its default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


@lru_cache(maxsize=None)
def _configuration_text() -> str:
    return (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def configuration() -> dict:
    """mkdocs.yml, parsed (a fresh copy each time)."""
    return yaml.load(_configuration_text(), Loader=_ConfigLoader)


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    """The site's languages, default first (the project's language table)."""
    from networking_guide.project import Project

    return tuple(Project(REPO).codes)


@lru_cache(maxsize=None)
def language_prefixes() -> dict[str, str]:
    """Where each language lives in the built site, relative to its root: {"en": "", "fr": "fr/", …}."""
    codes = languages()
    return {code: "" if index == 0 else f"{code}/" for index, code in enumerate(codes)}


def nav_pages(nav=None) -> list[str]:
    """Every Markdown path of the nav, in order."""
    found = []
    for item in configuration()["nav"] if nav is None else nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found += nav_pages(value) if isinstance(value, list) else [value]
    return found


def page_text(title: str, body: str, description: str = DESCRIPTION) -> str:
    return f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\n{body}\n"


def write_site(root: Path, pages: dict[str, str | bytes], nav: list | None = None, **changes) -> Path:
    """A site under ``root`` with the real configuration, hooks and overrides, but only ``pages``
    (``{"en/index.md": text, ...}``); the nav lists them (or is ``nav``). Returns its mkdocs.yml."""
    docs = root / "docs"
    for relative, content in pages.items():
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    config = configuration()
    config["docs_dir"] = str(docs)
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["hooks"] = [str(REPO / hook) for hook in config["hooks"]]
    if nav is None:
        nav = sorted({relative.split("/", 1)[1] for relative in pages if relative.endswith(".md")},
                     key=lambda page: (page != "index.md", page))
    config["nav"] = nav
    config.update(changes)
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file


class BuildResult:
    def __init__(self, returncode: int, log: str):
        self.returncode, self.log = returncode, log
        self.stdout, self.stderr = "", log


def build(config_file: Path, site_dir: Path, exports: bool = False, env: dict | None = None):
    """``mkdocs build --strict`` into ``site_dir``, as the command line runs it (startup event,
    build, shutdown event), in this process; exports (PDF, …) only when asked. With ``env``,
    in a separate process with those environment variables."""
    if env:
        return build_in_subprocess(config_file, site_dir, exports, env)
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, BuildError, ConfigurationError

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(f"{record.levelname:<8}-  {record.getMessage()}")

    handler = Collect(logging.INFO)
    logger = logging.getLogger("mkdocs")
    previous_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    skip = os.environ.get("GUIDE_SKIP_EXPORTS")
    os.environ["GUIDE_SKIP_EXPORTS"] = "" if exports else "1"
    returncode = 0
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, BuildError, ConfigurationError) as error:
        records.append(f"Aborted: {error}")
        returncode = 1
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous_level)
        if skip is None:
            os.environ.pop("GUIDE_SKIP_EXPORTS", None)
        else:
            os.environ["GUIDE_SKIP_EXPORTS"] = skip
    return BuildResult(returncode, "\n".join(records) + "\n")


def build_in_subprocess(config_file: Path, site_dir: Path, exports: bool, env: dict):
    """The same build by the ``mkdocs`` command in a process of its own."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    environment["GUIDE_SKIP_EXPORTS"] = "" if exports else "1"
    result = subprocess.run(command, cwd=config_file.parent, capture_output=True, text=True, env=environment)
    result.log = result.stdout + result.stderr
    return result


@lru_cache(maxsize=None)
def _markdown_settings() -> tuple[list, dict]:
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


def render(markdown_text: str) -> str:
    """Markdown to HTML with the site's Markdown extensions and settings, as a page is built."""
    import markdown

    extensions, configs = _markdown_settings()
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(markdown_text)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Pages are sent with ``Cache-Control: no-cache`` and always in full, so a browser asks again
    for a page each time it shows it and gets the new one as soon as it was rebuilt.

    The standard handler answers If-Modified-Since by comparing to the second: a page rebuilt
    within the same second as the copy the browser holds (tests rebuild a small site in well under
    a second) was answered "304 Not Modified", the browser kept showing the old page, and the test
    that reloads it failed 5 times in 12. The theme's files (CSS, scripts) stay cached as the
    browser sees fit: fetching them again for every page made each page load cost twice the
    processor time."""

    def send_head(self):
        del self.headers["If-Modified-Since"]
        return super().send_head()

    def send_header(self, keyword, value):
        super().send_header(keyword, value)
        if keyword == "Content-type" and value.startswith("text/html"):
            super().send_header("Cache-Control", "no-cache")

    def log_message(self, format, *args):  # noqa: A002 - signature from the standard library
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that hangs up mid-response (it left the page) is no error of the site's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class DirectoryServer:
    """Serves a folder on localhost; the folder's content may be rebuilt between requests."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.server = _Server(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


LANGUAGES = languages()
LANGUAGE_PREFIX = language_prefixes()
