"""The translation dashboard: where a page says ``<!-- translation-status -->``
(``docs/<lang>/translation-status.md``), a table of every page by language, with the status
``guide status`` and the notices on pages give, when each file last changed, and links to each
page and its source. Glue for ``networking_guide.translations.dashboard``."""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.revisions import last_changes
from networking_guide.source_links import repository_links
from networking_guide.sources.front_matter import page_text
from networking_guide.text import interface_text, localized_date
from networking_guide.translations import dashboard
from networking_guide.translations.records import front_matter, statuses


def _nav_order(nav) -> list[str]:
    found = []
    for item in nav or []:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found += _nav_order(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
        elif isinstance(item, list):
            found += _nav_order(item)
    return found


PLACE = '<div data-ng-translation-status=""></div>'
PLACE_RENDERED = re.compile(r'<div data-ng-translation-status="[^"]*">\s*</div>')


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    # The table is our markup, added after the page's content is checked (on_page_content).
    return markdown.replace(dashboard.MARKER, PLACE)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    if not PLACE_RENDERED.search(html):
        return html
    lang, default = engine.current_language(config), engine.default_language(config)
    languages = engine.languages(config)
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    english = sorted(path.relative_to(docs / default).as_posix() for path in (docs / default).rglob("*.md"))
    order = {page_path: index for index, page_path in enumerate(_nav_order(config.nav))}
    pages = sorted(english, key=lambda page_path: (order.get(page_path, len(order)), page_path))
    titles = {}
    for page_path in pages:
        source = docs / lang / page_path if (docs / lang / page_path).is_file() else docs / default / page_path
        titles[page_path] = str(front_matter(page_text(source.read_bytes())).get("title") or page_path)
    changes = last_changes(root, os.path.relpath(docs, root))
    docs_in_repository = Path(os.path.relpath(docs, root)).as_posix()
    repository = config.extra.get("repository") or {}
    rows = dashboard.rows(
        pages, titles, statuses(docs, languages, default), languages, default,
        {code: engine.language_prefix(code, default) for code in languages},
        {path.replace(docs_in_repository + "/", "docs/", 1): date for path, date in changes.items()},
        lambda path: repository_links(repository, path.replace("docs/", docs_in_repository + "/", 1))[0], page.url)
    text = interface_text(lang)
    dates = {cell.changed: localized_date(cell.changed, text) for row in rows for cell in row.cells if cell.changed}
    table = engine.theme_environment(config).get_template("guide/translation-status.html").render(
        rows=rows, languages=languages, names=engine.language_names(config), text=text, dates=dates)
    return PLACE_RENDERED.sub(lambda _: table, html, count=1)
