"""One search index per language, so readers only find pages in the language they read.

mkdocs-static-i18n merges every language into a single ``search/search_index.json``: a French
reader gets English and Italian hits. This hook keeps the index that Material's search plugin
writes for each language build, then, once all languages are built, writes

    site/search/search_index.json      English pages, lunr configured for English
    site/fr/search/search_index.json   French pages, lunr configured for French
    site/it/search/search_index.json   Italian pages, lunr configured for Italian

(plus ``search_index.js`` beside each, which Material reads when the site is opened from
``file://``). Each page of a language points Material's ``__config.base`` at its language's root,
which is where Material looks for the index and against which it resolves result links.
"""

from __future__ import annotations

import json
import os
import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

import i18n_build

# Index documents of each language, collected as the languages are built.
_docs_by_language: dict[str, list[dict]] = {}
_config_by_language: dict[str, dict] = {}

CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)


# Hooks ---------------------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    if i18n_build.is_outer_build(config):
        _docs_by_language.clear()
        _config_by_language.clear()


@event_priority(-50)  # after Material's search plugin has written this language's index
def _collect_language_index(config: MkDocsConfig) -> None:
    lang = i18n_build.current_language(config)
    index = _read_json(os.path.join(config.site_dir, "search", "search_index.json"))
    _docs_by_language[lang] = index["docs"]
    _config_by_language[lang] = dict(index["config"], lang=[search_language(config)])


@event_priority(-200)  # after the i18n plugin (-100) has built every language and merged them
def _write_language_indexes(config: MkDocsConfig) -> None:
    if not i18n_build.is_outer_build(config):
        return
    default = i18n_build.default_language(config)
    inline_for_file_urls = _offline_enabled(config)
    for lang, docs in _docs_by_language.items():
        prefix = i18n_build.language_prefix(lang, default)
        index = language_index(docs, _config_by_language[lang], prefix)
        folder = os.path.join(config.site_dir, prefix, "search")
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        write_file(data.encode("utf-8"), os.path.join(folder, "search_index.json"))
        if inline_for_file_urls:
            script = f"var __index = {data}"
            write_file(script.encode("utf-8"), os.path.join(folder, "search_index.js"))


on_post_build = CombinedEvent(_collect_language_index, _write_language_indexes)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang = i18n_build.current_language(config)
    prefix = i18n_build.language_prefix(lang, i18n_build.default_language(config))
    return point_config_base_at(output, prefix)


# Pure functions ------------------------------------------------------------------------------


def language_index(docs: list[dict], config: dict, prefix: str) -> dict:
    """The index of one language, its locations made relative to the language's root.

    ``prefix`` is the language's folder (``"fr/"``, or ``""`` for the default language). Every
    document of a language build lives under it; a document that does not is a bug upstream.
    """
    relative = []
    for doc in docs:
        location = doc["location"]
        if not location.startswith(prefix):
            raise ValueError(f"search entry {location!r} is outside the language folder {prefix!r}")
        relative.append(dict(doc, location=location[len(prefix):]))
    return {"config": config, "docs": relative}


def point_config_base_at(html: str, prefix: str) -> str:
    """Make Material's ``__config.base`` point at the language root ``prefix``.

    Material loads ``<base>/search/search_index.json`` and resolves result links against the
    same base, so this is what ties a page to its language's index. The default language
    (empty prefix) keeps Material's own value.
    """
    if not prefix:
        return html

    def rebase(match: re.Match) -> str:
        data = json.loads(match.group(2))
        data["base"] = posixpath.join(data["base"], prefix)
        return match.group(1) + json.dumps(data, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, html, count=1)


# Glue helpers --------------------------------------------------------------------------------


def search_language(config: MkDocsConfig) -> str:
    """lunr language of the current build: the locale itself where Material ships its stemmer
    (en, fr, it and most others), else what Material's own translations say."""
    lang = i18n_build.current_language(config)
    stemmer = f"assets/javascripts/lunr/min/lunr.{lang}.min.js"
    if lang == "en" or any(os.path.isfile(os.path.join(folder, stemmer)) for folder in config.theme.dirs):
        return lang
    env = config.theme.get_env()
    template = env.get_template("partials/language.html", None, {"config": config})
    return template.module.t("search.config.lang")


def _offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def _read_json(path: str) -> dict:
    with open(path, encoding="utf-8") as file:
        return json.load(file)

