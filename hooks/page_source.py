"""Under every page: "Edit this page", "View the source", and when its source last changed, in
the reader's language (a page shown in English, its translation missing, gives the English
file's date and says so). Glue for ``networking_guide.source_links`` and ``revisions``; markup
in ``guide/page-source.html``."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.revisions import last_changes
from networking_guide.source_links import page_source
from networking_guide.text import interface_text

_changes: dict = {}


def on_pre_build(config: MkDocsConfig) -> None:
    if engine.is_outer_build(config):
        _changes.clear()
        _changes.update(last_changes(Path(config.config_file_path).parent, os.path.relpath(config.docs_dir, Path(config.config_file_path).parent)))


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    lang, default = engine.current_language(config), engine.default_language(config)
    root = Path(config.config_file_path).parent
    path = Path(os.path.relpath(Path(config.docs_dir) / page.file.src_uri, root)).as_posix()
    context["guide_source"] = page_source(config.extra.get("repository") or {}, path, _changes.get(path),
                                          interface_text(lang), engine.page_file_locale(page, default) != lang)
    context["guide_source_text"] = interface_text(lang)
    return context
