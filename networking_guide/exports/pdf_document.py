"""One printable HTML document per language, from the pages MkDocs rendered, for WeasyPrint.

No MkDocs here: the pages come in nav order with their site-relative URL and their rendered
(sanitized) content. Each page becomes a ``<section>``: its ids are prefixed with the page's own
id so that they stay unique in one document, links between pages become links inside the
document, links elsewhere become absolute (they still work from the PDF), images point at the
built site's files, and what only makes sense on screen (permalinks, buttons, anything marked
``ng-screen-only``) is left out. Changes are made with a parser (``networking_guide.html``); the
cover and contents come from ``guide/pdf/document.html``.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from networking_guide.html import DROP, rewrite

ID_REFERENCES = {"id", "for", "aria-describedby", "aria-labelledby", "aria-controls"}
SCREEN_ONLY = "ng-screen-only"


@dataclass(frozen=True)
class PdfPage:
    url: str  # site-relative, e.g. "fr/rules/find-your-style.html"
    title: str
    content: str  # the page's rendered Markdown (page.content)
    section: str = ""  # the nav section it belongs to ("" for top-level pages)

    @property
    def anchor(self) -> str:
        return page_anchor(self.url)


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    date: str  # as shown, in the document's language
    iso_date: str  # YYYY-MM-DD, for the document's metadata
    version: str
    contents_title: str
    language: str


def page_anchor(url: str) -> str:
    """The id of a page's section: ``fr/rules/find-your-style.html`` -> ``page-fr-rules-find-your-style``."""
    path = re.sub(r"\.html$", "", url)
    return "page-" + re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def page_section(page: PdfPage, urls: set[str], site_url: str, site_dir_uri: str) -> str:
    """One page's content with its ids, links and images ready for a single document."""
    own = page.anchor
    here = posixpath.dirname(page.url)

    def change(tag: str, attributes):
        classes = dict(attributes).get("class") or ""
        if SCREEN_ONLY in classes.split() or "headerlink" in classes.split() or tag == "button":
            return DROP
        changed, touched = [], False
        for name, value in attributes:
            if name in ID_REFERENCES and value is not None:
                value, touched = " ".join(f"{own}--{part}" for part in value.split()), True
            elif name == "href" and value is not None:
                value, touched = document_link(value, here, own, urls, site_url), True
            elif name == "src" and value is not None and not urlsplit(value).scheme:
                value, touched = urljoin(site_dir_uri, posixpath.normpath(posixpath.join(here, value))), True
            elif name == "rel":
                touched = True  # nothing the PDF needs; never an attachment
                continue
            changed.append((name, value))
        return changed if touched else None

    return f'<section class="pdf-page" id="{own}">\n{rewrite(page.content, change)}\n</section>'


def document_link(href: str, here: str, own: str, urls: set[str], site_url: str) -> str:
    """Where a link of a page points in the PDF.

    ``#x`` stays in the page; a link to another page of the document jumps to its section (or to
    the heading it names); any other relative link is made absolute on the published site.
    """
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    if not parts.path:
        return f"#{own}--{parts.fragment}" if parts.fragment else f"#{own}"
    target = posixpath.normpath(posixpath.join(here, parts.path))
    if target in urls:
        anchor = page_anchor(target)
        return f"#{anchor}--{parts.fragment}" if parts.fragment else f"#{anchor}"
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + target + (f"#{parts.fragment}" if parts.fragment else "")


def groups(pages: list[PdfPage]) -> list[tuple[str, list[PdfPage]]]:
    """Pages grouped by nav section, in nav order (consecutive pages of a section together)."""
    return [(section, list(members)) for section, members in itertools.groupby(pages, key=lambda page: page.section)]


@lru_cache(maxsize=1)
def _own_environment():
    from jinja2 import Environment, FileSystemLoader

    from networking_guide.blocks.extension import TEMPLATES

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False)


def document(pages: list[PdfPage], cover: Cover, stylesheet: str, site_url: str, site_dir_uri: str, environment=None) -> str:
    """The whole printable document of one language."""
    urls = {page.url for page in pages}
    sections = [page_section(page, urls, site_url, site_dir_uri) for page in pages]
    template = (environment or _own_environment()).get_template("guide/pdf/document.html")
    return template.render(cover=cover, groups=groups(pages), sections=sections, stylesheet=stylesheet)
