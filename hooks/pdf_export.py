"""One PDF per language: glue for ``networking_guide.exports.pdf``.

Each language's build leaves its nav order, titles and pages' content; once every language is
built (and the search indexes written), the PDFs are rendered. ``GUIDE_SKIP_EXPORTS=1`` skips it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.exports import downloads, pdf

_collected: dict[str, pdf.Collected] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    if engine.is_outer_build(config):
        _collected.clear()


@event_priority(engine.AFTER_I18N)  # the nav is localized by then
def on_nav(nav, config: MkDocsConfig, files):
    if downloads.exports_enabled():
        language = _collected.setdefault(engine.current_language(config), pdf.Collected())
        language.title, language.description = config.site_name, config.site_description or ""
        language.order = engine.nav_pages(nav)
    return nav


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    if downloads.exports_enabled():  # nothing to keep when no PDF will be made
        language = _collected.setdefault(engine.current_language(config), pdf.Collected())
        language.pages[page.url] = (page.title or "", html)
    return html


@event_priority(engine.EXPORTS)
def on_post_build(config: MkDocsConfig) -> None:
    if not engine.is_outer_build(config) or not downloads.exports_enabled():
        return
    site_dir = Path(config.site_dir)
    environment = engine.theme_environment(config)
    documents = {lang: pdf.language_document(lang, _collected[lang], config.site_url or "", site_dir, pdf.project_version(), environment)
                 for lang in engine.languages(config)}
    pdf.render_all(documents, site_dir)
