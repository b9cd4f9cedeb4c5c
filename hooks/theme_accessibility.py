"""Accessibility fixes to Material's own markup, where CSS cannot reach.

axe-core reports Material's search overlay as a dialog without a name (``aria-dialog-name``):
it gets the localized name of the search. Link colour and underlining are fixed in guide.css.
"""

from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

import i18n_build
from interface_text import interface_text

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    label = interface_text(i18n_build.current_language(config))["search_dialog"]
    return name_search_dialog(output, label)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):  # 404.html; sitemap.xml has no dialog
        return output
    return name_search_dialog(output, interface_text(i18n_build.current_language(config))["search_dialog"])


def name_search_dialog(html: str, label: str) -> str:
    named = SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{escape(label, quote=True)}"')
    return html.replace(SEARCH_DIALOG, named, 1)
