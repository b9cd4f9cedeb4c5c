"""One printable HTML document per language, from the pages MkDocs rendered, for WeasyPrint.

Pure functions, no MkDocs: the pages come in nav order with their site-relative URL and their
rendered content. Each page becomes a ``<section>``; its ids are prefixed with the page's own id so
that they stay unique in one document; links between pages become links inside the document;
links elsewhere become absolute, so they still work from the PDF.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin, urlsplit

ID_ATTRIBUTES = re.compile(r'\b(id|for|aria-describedby|aria-labelledby)="([^"]*)"')
HREF = re.compile(r'\bhref="([^"]*)"')
SRC = re.compile(r'\bsrc="([^"]*)"')
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
# Things that only make sense on screen, marked so by the hooks that add them.
SCREEN_ONLY = re.compile(r'<(div|p|nav) class="[^"]*\bng-screen-only\b[^"]*".*?</\1>', re.S)


@dataclass(frozen=True)
class PdfPage:
    url: str  # site-relative, e.g. "fr/rules/find-your-style.html"
    title: str
    content: str  # the page's rendered Markdown (page.content)
    section: str = ""  # the nav section it belongs to ("" for top-level pages)


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
    own = page_anchor(page.url)
    here = posixpath.dirname(page.url)
    html = SCREEN_ONLY.sub("", PERMALINK.sub("", page.content))

    def prefix_ids(match: re.Match) -> str:
        values = " ".join(f"{own}--{value}" for value in match.group(2).split())
        return f'{match.group(1)}="{values}"'

    def rewrite_link(match: re.Match) -> str:
        return f'href="{escape(document_link(match.group(1), here, own, urls, site_url), quote=True)}"'

    def rewrite_image(match: re.Match) -> str:
        source = match.group(1)
        if urlsplit(source).scheme:
            return match.group(0)
        return f'src="{urljoin(site_dir_uri, posixpath.normpath(posixpath.join(here, source)))}"'

    html = ID_ATTRIBUTES.sub(prefix_ids, html)
    html = HREF.sub(rewrite_link, html)
    html = SRC.sub(rewrite_image, html)
    return f'<section class="pdf-page" id="{own}">\n{html}\n</section>'


def document_link(href: str, here: str, own: str, urls: set[str], site_url: str) -> str:
    """Where a link of a page points in the PDF.

    ``#x`` stays in the page; a link to another page of the document jumps to its section (or to
    the heading it names); any other relative link is made absolute on the published site.
    """
    href = href.replace("&amp;", "&")
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


def contents(pages: list[PdfPage], title: str) -> str:
    """The table of contents: sections as headings, pages as links (page numbers come from CSS)."""
    lines = [f'<nav class="pdf-contents">\n<h1 class="pdf-contents__title">{escape(title)}</h1>\n<ul>']
    current = None
    for page in pages:
        if page.section != current:
            if current:
                lines.append("</ul></li>")
            if page.section:
                lines.append(f'<li class="pdf-contents__section"><span>{escape(page.section)}</span><ul>')
            current = page.section
        lines.append(f'<li><a href="#{page_anchor(page.url)}">{escape(page.title)}</a></li>')
    if current:
        lines.append("</ul></li>")
    lines.append("</ul>\n</nav>")
    return "\n".join(lines)


def cover(details: Cover) -> str:
    return (
        '<section class="pdf-cover">\n'
        f'<p class="pdf-cover__title">{escape(details.title)}</p>\n'
        f'<p class="pdf-cover__subtitle">{escape(details.subtitle)}</p>\n'
        f'<p class="pdf-cover__meta"><span class="pdf-cover__date">{escape(details.date)}</span>'
        f' · <span class="pdf-cover__version">{escape(details.version)}</span></p>\n'
        "</section>"
    )


def document(pages: list[PdfPage], details: Cover, stylesheet: str, site_url: str, site_dir_uri: str) -> str:
    """The whole printable document of one language."""
    urls = {page.url for page in pages}
    sections = "\n".join(page_section(page, urls, site_url, site_dir_uri) for page in pages)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(details.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(details.title)}</title>\n"
        f'<meta name="description" content="{escape(details.subtitle)}">\n'
        f'<meta name="generator" content="{escape(details.version)}">\n'
        f'<meta name="dcterms.created" content="{escape(details.iso_date)}">\n'
        f'<link rel="stylesheet" href="{escape(stylesheet)}">\n</head>\n<body>\n'
        f"{cover(details)}\n{contents(pages, details.contents_title)}\n{sections}\n</body>\n</html>\n"
    )
