"""One search index per language: glue for ``networking_guide.search.index``.

Each language's build leaves the index Material's search plugin wrote for it; once every
language is built (the i18n plugin has merged them by then), one index per language is written
under the language's folder, and every page points Material at its own language's root and at
the guide's search worker (``networking_guide/search/worker.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.search import worker
from networking_guide.search.index import index_files, language_base, language_index

_docs_by_language: dict[str, list[dict]] = {}
_config_by_language: dict[str, dict] = {}
_keywords_by_language: dict[str, dict[str, list[str]]] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    if engine.is_outer_build(config):
        _docs_by_language.clear()
        _config_by_language.clear()
        _keywords_by_language.clear()


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    # Checked by the source checks: a list of plain words and phrases.
    if page.meta.get("keywords"):
        _keywords_by_language.setdefault(engine.current_language(config), {})[page.url] = list(page.meta["keywords"])
    return context


@event_priority(engine.AFTER_SEARCH_PLUGIN)
def _collect_language_index(config: MkDocsConfig) -> None:
    lang = engine.current_language(config)
    index = engine.read_search_index(config)
    _docs_by_language[lang] = index["docs"]
    _config_by_language[lang] = dict(index["config"], lang=[engine.lunr_language(config, lang)])


@event_priority(engine.SEARCH_INDEXES)
def _write_language_indexes(config: MkDocsConfig) -> None:
    if not engine.is_outer_build(config):
        return
    default = engine.default_language(config)
    inline = engine.offline_plugin_enabled(config)
    for lang, docs in _docs_by_language.items():
        prefix = engine.language_prefix(lang, default)
        index = language_index(docs, _config_by_language[lang], prefix, _keywords_by_language.get(lang))
        folder = Path(config.site_dir) / prefix / "search"
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in index_files(index, inline).items():
            (folder / name).write_bytes(data)
    workers = Path(config.site_dir) / engine.THEME_SEARCH_WORKERS
    (workers / worker.NAME).write_text(worker.source(engine.theme_search_worker(config.site_dir)), encoding="utf-8")


on_post_build = CombinedEvent(_collect_language_index, _write_language_indexes)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    prefix = engine.language_prefix(engine.current_language(config), engine.default_language(config))

    def change(data: dict) -> dict:
        data = engine.use_search_worker(data, worker.NAME)
        return dict(data, base=language_base(data["base"], prefix)) if prefix else data

    return engine.change_theme_config(output, change)
