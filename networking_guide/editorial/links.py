"""Check the links of the built site: every local link leads to a file, every #anchor to an id.

MkDocs already checks the links of the Markdown; this reads the HTML the reader gets, so links
made by the theme, the hooks and templates (language switcher, PDF links, checklists) are
checked too. Links to other hosts are not followed (no network here, and not our pages).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class BrokenLink:
    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target}: {self.reason}"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name):
                self.ids.add(attributes[name])
        if tag in ("a", "link") and attributes.get("href") and attributes.get("rel") not in ("alternate", "canonical"):
            self.links.append(attributes["href"])
        if tag in ("script", "img", "source", "iframe") and attributes.get("src"):
            self.links.append(attributes["src"])


@lru_cache(maxsize=None)
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def broken_links(site_dir: Path) -> list[BrokenLink]:
    _parse.cache_clear()
    site_dir = site_dir.resolve()
    found = []
    for html in sorted(site_dir.rglob("*.html")):
        here = html.relative_to(site_dir).as_posix()
        for link in _parse(html).links:
            problem = check_link(site_dir, here, link)
            if problem:
                found.append(BrokenLink(here, link, problem))
    return found


def check_link(site_dir: Path, page: str, link: str) -> str | None:
    """Why ``link`` on ``page`` (site-relative) is broken, or None when it works."""
    parts = urlsplit(link)
    if parts.scheme or link.startswith("//"):
        return None  # another host, mailto:, data:
    if parts.path:
        # Root-absolute links (the 404 page uses them) start at the site's root.
        start = "" if parts.path.startswith("/") else posixpath.dirname(page)
        target = posixpath.normpath(posixpath.join(start, unquote(parts.path).lstrip("/")))
        if target.startswith(".."):
            return "leads outside the site"
        path = site_dir / target
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return "no such file"
    else:
        path = site_dir / page
    if parts.fragment and path.suffix == ".html" and unquote(parts.fragment) not in _parse(path).ids:
        return f"no element with id {parts.fragment!r}"
    return None
