"""Everything readers download: a PDF and an EPUB per language, a printable card per checklist,
and the offline copy. Glue for ``networking_guide.exports``: each language's build leaves its
nav order, titles and rendered pages; once every language is built, the exports are made, or
reused from the export cache when their inputs have not changed. ``GUIDE_SKIP_EXPORTS=1`` skips
them; ``mkdocs serve`` skips them unless ``GUIDE_EXPORTS=1``."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from networking_guide import cache, engine
from networking_guide.exports import offline_copy
from networking_guide.exports.making import Exports

_exports = Exports()


def on_startup(command: str, dirty: bool) -> None:
    _exports.serving(command == "serve")


def on_pre_build(config: MkDocsConfig) -> None:
    if engine.is_outer_build(config):
        _exports.clear()


@event_priority(engine.AFTER_I18N)  # the nav is localized by then
def on_nav(nav, config: MkDocsConfig, files):
    if _exports.enabled():
        _exports.language(engine.current_language(config), config.site_name, config.site_description or "", engine.nav_pages(nav))
    return nav


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    if _exports.enabled():
        _exports.page(engine.current_language(config), page.url, page.title or "", html)
    return html


@event_priority(engine.EXPORTS)
def on_post_build(config: MkDocsConfig) -> None:
    if engine.is_outer_build(config) and _exports.enabled():
        _exports.make(Path(config.site_dir), config.site_url or "", engine.languages(config), engine.default_language(config),
                      cache.folder(config.config_file_path), engine.theme_environment(config))
        offline_copy.export(Path(config.site_dir), cache.folder(config.config_file_path))


