"""Links to the downloads: the PDF of the page's language on every page, and all downloads where
a page says ``<!-- downloads -->``. Markup: ``guide/download-button.html``, ``guide/downloads.html``.
The button sits among Material's page actions and is screen-only (the PDF does not link to itself).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.exports import downloads
from networking_guide.text import interface_text

MARKER = "<!-- downloads -->"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    if MARKER not in markdown:
        return markdown
    lang = engine.current_language(config)
    html = engine.theme_environment(config).get_template("guide/downloads.html").render(
        text=interface_text(lang), pdf=downloads.link_from(page.url, downloads.pdf_path(lang)),
        offline=downloads.link_from(page.url, downloads.OFFLINE_COPY))
    return markdown.replace(MARKER, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    lang = engine.current_language(config)
    button = engine.theme_environment(config).get_template("guide/download-button.html").render(
        text=interface_text(lang), pdf=downloads.link_from(page.url, downloads.pdf_path(lang)))
    return button + "\n" + html
