"""Each page's source: the links to edit it and to view it in the repository, and when it last
changed (``revisions``), in the reader's language. The repository is ``extra.repository`` in
mkdocs.yml (its address from ``$REPO_URL`` where set, as the site's from ``$SITE_URL``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from networking_guide.text import localized_date

DEFAULTS = {"branch": "main", "edit": "{url}/edit/{branch}/{path}", "view": "{url}/blob/{branch}/{path}"}


@dataclass(frozen=True)
class PageSource:
    path: str  # in the repository: "docs/fr/rules/choose-and-plan.md"
    edit: str
    view: str
    changed: datetime.date | None
    changed_text: str  # "Last changed on 2 December 2026", in the reader's language
    english_fallback: bool  # the page is shown in English, its translation missing


def repository_links(repository: dict, path: str) -> tuple[str, str]:
    """(edit, view) addresses of ``path`` in the repository ``extra.repository`` describes."""
    settings = {**DEFAULTS, **{key: value for key, value in (repository or {}).items() if value}}
    if not settings.get("url"):
        raise ValueError("extra.repository.url is not set in mkdocs.yml")
    values = {"url": settings["url"].rstrip("/"), "branch": settings["branch"], "path": path}
    return settings["edit"].format(**values), settings["view"].format(**values)


def page_source(repository: dict, path: str, changed: datetime.date | None, text: dict[str, str],
                english_fallback: bool) -> PageSource:
    edit, view = repository_links(repository, path)
    changed_text = ""
    if changed:
        sentence = text["source_changed_english"] if english_fallback else text["source_changed"]
        changed_text = sentence.format(date=localized_date(changed, text))
    return PageSource(path, edit, view, changed, changed_text, english_fallback)
