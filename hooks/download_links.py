"""Links to the downloads: the PDF of the page's language on every page, each checklist's card
under the checklist, and every download
(PDF, EPUB, offline copy, the checklist cards) where a page says ``<!-- downloads -->``.
Markup: ``guide/download-button.html``, ``guide/downloads.html``; screen only (the PDF does not
link to itself)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.blocks.scan import blocks_in
from networking_guide.exports import downloads
from networking_guide.sources.markdown import read_text
from networking_guide.text import interface_text

MARKER = "<!-- downloads -->"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    if MARKER not in markdown:
        return markdown
    lang = engine.current_language(config)
    cards = []
    for file in files.documentation_pages():
        if engine.file_locale(file, engine.default_language(config)) != lang:
            continue
        for block in blocks_in(read_text(file.content_string, file.src_uri))[0]:
            if block.kind == "checklist":
                cards.append({"title": block.title or block.id,
                              "href": downloads.link_from(page.url, downloads.card_path(lang, block.id))})
    html = engine.theme_environment(config).get_template("guide/downloads.html").render(
        text=interface_text(lang), cards=cards, pdf=downloads.link_from(page.url, downloads.pdf_path(lang)),
        epub=downloads.link_from(page.url, downloads.epub_path(lang)), offline=downloads.link_from(page.url, downloads.OFFLINE_COPY))
    return markdown.replace(MARKER, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    lang = engine.current_language(config)
    button = engine.theme_environment(config).get_template("guide/download-button.html").render(
        text=interface_text(lang), pdf=downloads.link_from(page.url, downloads.pdf_path(lang)))
    return button + "\n" + downloads.link_cards(html, page.url, lang)
