"""What the i18n plugin is building right now, for the other hooks.

mkdocs-static-i18n builds the default language, then calls MkDocs' build again for every other
language from its own ``on_post_build``, on the same config. So every event except startup and
shutdown runs once per language: hooks ask here which language is being built, and whether the
current event belongs to the outer build (the one that runs first and finishes last).

This is a helper module, not a hook: hooks import it by name (MkDocs puts ``hooks/`` on
``sys.path`` while it loads a hook).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def i18n_plugin(config: MkDocsConfig):
    """The mkdocs-static-i18n plugin instance; the site cannot build without it."""
    return config.plugins["i18n"]


def current_language(config: MkDocsConfig) -> str:
    """Locale of the language being built (``en`` before the plugin has started)."""
    plugin = i18n_plugin(config)
    return plugin.current_language or plugin.default_language


def default_language(config: MkDocsConfig) -> str:
    return i18n_plugin(config).default_language


def languages(config: MkDocsConfig) -> list[str]:
    """Locales that are built, default language first."""
    return i18n_plugin(config).build_languages


def language_names(config: MkDocsConfig) -> dict[str, str]:
    """Locale -> the language's own name, as shown in the language switcher."""
    return {lang.locale: lang.name for lang in i18n_plugin(config).config.languages}


def is_outer_build(config: MkDocsConfig) -> bool:
    """True outside the per-language builds the plugin runs from its own ``on_post_build``.

    In ``on_pre_build`` this marks the start of a whole-site build; in an ``on_post_build``
    running after the plugin's (priority below -100) it marks the end of one.
    """
    return not i18n_plugin(config).building


def language_prefix(lang: str, default: str) -> str:
    """URL folder of a language relative to the site root: '' for the default, 'fr/' otherwise."""
    return "" if lang == default else f"{lang}/"
