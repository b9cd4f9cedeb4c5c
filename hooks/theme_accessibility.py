"""Accessibility fixes to Material's own markup, where CSS cannot reach: axe-core reports its
search overlay as a dialog without a name (aria-dialog-name), so it gets the localized name of
the search (a verified rewrite, ``engine.name_search_dialog``); the light/dark toggles are named
in the page's language. Link colours are fixed in guide.css."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.text import interface_text


def _name_toggles(config: MkDocsConfig) -> None:
    text = interface_text(engine.current_language(config))
    engine.localize_palette_toggles(config, {"default": text["palette_to_dark"], "slate": text["palette_to_light"]})


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    _name_toggles(config)
    return context


def on_pre_template(template, template_name: str, config: MkDocsConfig):
    _name_toggles(config)
    return template


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return engine.name_search_dialog(output, interface_text(engine.current_language(config))["search_dialog"])


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):  # 404.html has the dialog; sitemap.xml has none
        return output
    return engine.name_search_dialog(output, interface_text(engine.current_language(config))["search_dialog"])
