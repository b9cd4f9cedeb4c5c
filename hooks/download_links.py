"""Links to the downloads: the PDF of the current language on every page, and both downloads
(PDF and offline copy) where a page asks for them with ``<!-- downloads -->``.

The page button sits where Material puts its own page actions (top right of the content) and
is marked ``ng-screen-only``, so the PDF of the guide does not link to itself.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

import downloads
import i18n_build
from interface_text import interface_text

MARKER = "<!-- downloads -->"
ICON = (Path(material.__file__).parent / "templates" / ".icons" / "material" / "file-pdf-box.svg").read_text(encoding="utf-8")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    if MARKER not in markdown:
        return markdown
    lang = i18n_build.current_language(config)
    return markdown.replace(MARKER, downloads_paragraph(page.url, lang, interface_text(lang)))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    lang = i18n_build.current_language(config)
    return pdf_button(page.url, lang, interface_text(lang)) + html


def link_from(page_url: str, target: str) -> str:
    """``target`` (site-relative) as a link from the page at ``page_url``."""
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def pdf_button(page_url: str, lang: str, text: dict[str, str]) -> str:
    label = escape(text["download_pdf"], quote=True)
    href = escape(link_from(page_url, downloads.pdf_path(lang)), quote=True)
    return (
        f'<div class="ng-screen-only ng-page-actions"><a class="md-content__button md-icon ng-download-pdf" '
        f'href="{href}" title="{label}" aria-label="{label}" type="application/pdf">{ICON}</a></div>\n'
    )


def downloads_paragraph(page_url: str, lang: str, text: dict[str, str]) -> str:
    pdf = escape(link_from(page_url, downloads.pdf_path(lang)), quote=True)
    offline = escape(link_from(page_url, downloads.OFFLINE_COPY), quote=True)
    return (
        f'<p class="ng-screen-only ng-downloads">{escape(text["downloads_intro"])} '
        f'<a href="{pdf}" type="application/pdf">{escape(text["download_pdf"])}</a> · '
        f'<a href="{offline}" type="application/zip">{escape(text["download_offline"])}</a></p>'
    )
