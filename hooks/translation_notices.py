"""Tell readers when a translation lags behind its English page, or does not exist yet: a
localized notice (``guide/translation-notice.html``, with ``data-translation-status``) at the
top of the page, linking to the English page when it is outdated. Glue for
``networking_guide.translations.notices``."""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.text import interface_text
from networking_guide.translations.notices import page_status
from networking_guide.translations.records import OUTDATED


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    lang, default = engine.current_language(config), engine.default_language(config)
    if lang == default:
        return html
    relative = str(PurePosixPath(page.file.src_uri).relative_to(engine.page_file_locale(page, default)))
    status = page_status(engine.page_file_locale(page, default), relative, Path(config.docs_dir), lang, default)
    if status is None:
        return html
    english = engine.page_alternates(page).get(default)
    english_url = posixpath.relpath(english.url, posixpath.dirname(page.url) or ".") if english and status == OUTDATED else ""
    text = interface_text(lang)
    notice = engine.theme_environment(config).get_template("guide/translation-notice.html").render(
        status=status, lang=lang, english_url=english_url, message=text[f"translation_{status}"],
        read_english=text["translation_read_english"])
    return notice + "\n" + html
