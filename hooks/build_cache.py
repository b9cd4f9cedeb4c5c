"""Reuse between builds: the theme's templates are compiled once and kept in the cache folder
(``networking_guide.cache``), instead of at every build of every language."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from networking_guide import cache, engine


def on_env(env, config: MkDocsConfig, files):
    engine.cache_compiled_templates(env, cache.folder(config.config_file_path) / "templates")
    return env
