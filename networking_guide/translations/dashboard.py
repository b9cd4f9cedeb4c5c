"""The translation dashboard: every page of the guide by language, with its status (the records'
``statuses``, as ``guide status`` and the notices on pages give it), when its file last changed,
and links to the page and to its source. Written where a page says ``<!-- translation-status -->``
(``docs/<lang>/translation-status.md``), in that page's language."""

from __future__ import annotations

import datetime
import posixpath
from dataclasses import dataclass, field

from networking_guide.translations.records import MISSING, TranslationStatus

MARKER = "<!-- translation-status -->"


@dataclass(frozen=True)
class Cell:
    lang: str
    status: str  # "source" for the default language, else current, outdated or missing
    acknowledged: bool
    changed: datetime.date | None
    href: str  # the page in this language, from the dashboard
    edit: str  # its source file's edit link ("" when the translation is missing)


@dataclass(frozen=True)
class Row:
    page: str  # "rules/choose-and-plan.md"
    title: str  # in the dashboard's language where it exists, else in the default language
    cells: list[Cell] = field(default_factory=list)


def page_url(lang_prefix: str, page: str) -> str:
    """The built page of ``page`` (a Markdown path) in a language folder, site-relative."""
    return lang_prefix + page[:-len(".md")] + ".html"


def rows(pages: list[str], titles: dict[str, str], statuses: list[TranslationStatus], languages: list[str], default: str,
         prefixes: dict[str, str], changes: dict[str, datetime.date], edit_link, dashboard_url: str) -> list[Row]:
    """One row per page of the default language; ``edit_link(path)`` gives a repository path's
    edit address; ``changes`` maps repository paths (``docs/fr/x.md``) to dates."""
    by_page = {(status.page, status.lang): status for status in statuses}
    here = posixpath.dirname(dashboard_url) or "."
    found = []
    for page in pages:
        cells = []
        for lang in languages:
            path = f"docs/{lang}/{page}"
            status = by_page.get((page, lang))
            missing = status is not None and status.status == MISSING
            cells.append(Cell(
                lang=lang,
                status="source" if lang == default else status.status,
                acknowledged=bool(status and status.acknowledged),
                changed=None if missing else changes.get(path),
                href=posixpath.relpath(page_url(prefixes[lang], page), here),
                edit="" if missing else edit_link(path),
            ))
        found.append(Row(page, titles.get(page, page), cells))
    return found
