"""The guide installable and readable offline after one visit: glue for
``networking_guide.installable``. Each page links its language's manifest and loads
``offline.js``; once every language is built, each language gets its manifest and the site root
gets the service worker, which lists the files of this build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from networking_guide import engine, installable
from networking_guide.exports.downloads import link_from
from networking_guide.text import interface_text

_apps: dict[str, tuple[str, str]] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    if engine.is_outer_build(config):
        _apps.clear()


@event_priority(engine.AFTER_I18N)  # the site name is the language's by then
def on_nav(nav, config: MkDocsConfig, files):
    _apps[engine.current_language(config)] = (config.site_name, config.site_description or "")
    return nav


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    lang = engine.current_language(config)
    prefix = engine.language_prefix(lang, engine.default_language(config))
    context["guide_app"] = {
        "manifest": link_from(page.url, prefix + installable.MANIFEST),
        "icon": link_from(page.url, installable.ICONS[0]),
        "theme_colour": installable.THEME_COLOUR,
        "offline_ready": interface_text(lang)["offline_ready"],
    }
    return context


@event_priority(engine.INSTALLABLE)
def on_post_build(config: MkDocsConfig) -> None:
    if engine.is_outer_build(config):
        default = engine.default_language(config)
        prefixes = {lang: engine.language_prefix(lang, default) for lang in engine.languages(config)}
        lunr = {engine.lunr_language(config, lang) for lang in prefixes}
        installable.write(Path(config.site_dir), prefixes, lunr, {
            lang: (name, interface_text(lang)["app_short_name"], description) for lang, (name, description) in _apps.items()})
