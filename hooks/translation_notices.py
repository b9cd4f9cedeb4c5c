"""Tell readers when a translation lags behind its English page, or does not exist yet.

On a French or Italian page whose English source changed since it was translated (its
``source_hash`` no longer matches, see ``translation_records.py``), a localized notice links to
the English page; a page built from the English file because it has no translation carries a
"not yet translated" notice. Each notice has ``data-translation-status`` ("outdated" or
"missing") for tools and tests.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

import i18n_build
from html_templates import render
from interface_text import interface_text
from translation_records import HASH_KEY, source_hash


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    lang = i18n_build.current_language(config)
    default = i18n_build.default_language(config)
    if lang == default:
        return html
    status = page_status(page, Path(config.docs_dir), lang, default)
    if status is None:
        return html
    english = getattr(page.file, "alternates", {}).get(default)
    english_url = posixpath.relpath(english.url, posixpath.dirname(page.url) or ".") if english and status == "outdated" else ""
    return render_notice(status, lang, english_url, interface_text(lang)) + html


def page_status(page: Page, docs_dir: Path, lang: str, default: str) -> str | None:
    """"missing", "outdated" or None (an up-to-date translation) for a page of ``lang``."""
    if getattr(page.file, "locale", lang) != lang:
        return "missing"  # built from the default language's file
    relative = Path(page.file.src_uri).relative_to(lang)
    english = docs_dir / default / relative
    if not english.is_file():
        return None
    recorded = page.meta.get(HASH_KEY)
    current = source_hash(english.read_text(encoding="utf-8"))
    return None if recorded is not None and str(recorded) == current else "outdated"


def render_notice(status: str, lang: str, english_url: str, text: dict[str, str]) -> str:
    return render("translation_notice.html",
        status=status, lang=lang, english_url=english_url,
        message=text[f"translation_{status}"], read_english=text["translation_read_english"],
    ) + "\n"
